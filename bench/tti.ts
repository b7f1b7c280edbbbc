export async function tti(): Promise<string> {
  return "## tti\n\nTODO";
}
