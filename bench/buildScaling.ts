export async function buildScaling(): Promise<string> {
  return "## buildScaling\n\nTODO";
}
