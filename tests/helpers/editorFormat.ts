import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
// Decap's own serialisers, the code that writes a file when the editor saves an entry.
import { FrontmatterFormatter } from 'decap-cms-core/dist/esm/formats/frontmatter.js';
import yamlFormatter from 'decap-cms-core/dist/esm/formats/yaml.js';
import { collections } from '../../admin/collections.ts';
import { ROOT } from './contentFiles.ts';

/**
 * Every content file as the editor would write it after loading it and changing nothing: the
 * repository keeps its files in that form, so a one-field edit in the editor is a one-line diff
 * (tests/unit/content.format.test.ts). Field order is the collection's, as Decap's
 * backend.fieldsOrder gives it.
 */
export function editorFiles() {
  return collections.flatMap((collection) => {
    const targets = collection.folder
      ? readdirSync(path.join(ROOT, collection.folder))
          .filter((name) => name.endsWith(`.${collection.extension}`))
          .map((name) => ({ file: `${collection.folder}/${name}`, fields: collection.fields! }))
      : collection.files!.map((f) => ({ file: f.file, fields: f.fields }));
    return targets.map(({ file, fields }) => {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      const order = fields.map((f) => f.name);
      const format =
        collection.format === 'frontmatter' ? new FrontmatterFormatter('yaml') : yamlFormatter;
      let written: string = format.toFile(format.fromFile(text), order, {});
      if (!written.endsWith('\n')) written += '\n';
      return { file, text, written };
    });
  });
}
