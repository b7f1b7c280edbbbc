export async function researchScale(): Promise<string> {
  return "## researchScale\n\nTODO";
}
