import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONTENT_FOLDERS, type CollectionName } from '../../src/lib/contentFolders.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every file of a collection with its parsed data (YAML, or a markdown file's front matter). */
export function contentFiles(collection: CollectionName) {
  const folder = path.join(ROOT, CONTENT_FOLDERS[collection]);
  return readdirSync(folder)
    .filter((name) => /\.(ya?ml|md)$/.test(name))
    .map((name) => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      const yamlText = name.endsWith('.md')
        ? (/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '')
        : text;
      return { file: `${CONTENT_FOLDERS[collection].slice(2)}/${name}`, data: parse(yamlText) };
    });
}
