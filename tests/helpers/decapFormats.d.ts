// Decap's serialisers, read by tests/helpers/editorFormat.ts; decap-cms-core ships no types for
// these internal modules.
interface DecapFormatter {
  fromFile(content: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>, sortedKeys?: string[], comments?: object): string;
}
declare module 'decap-cms-core/dist/esm/formats/frontmatter.js' {
  export class FrontmatterFormatter implements DecapFormatter {
    constructor(format?: string);
    fromFile(content: string): Record<string, unknown>;
    toFile(data: Record<string, unknown>, sortedKeys?: string[], comments?: object): string;
  }
}
declare module 'decap-cms-core/dist/esm/formats/yaml.js' {
  const yamlFormatter: DecapFormatter;
  export default yamlFormatter;
}
