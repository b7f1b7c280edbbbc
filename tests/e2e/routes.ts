import { existsSync, readdirSync } from 'node:fs';
import { routePatterns } from './workspaceRoutes.ts';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A real entry of the content folder a parameter belongs to, so the page renders for real. */
function sampleEntry(folder: string): string {
  const dir = path.join(ROOT, 'content', folder);
  const first = existsSync(dir) ? readdirSync(dir).sort()[0] : undefined;
  return first ? first.replace(/\.\w+$/, '') : 'anything';
}

/**
 * Every route file under `src/pages/<folder>` as a URL, with a real entry for `[slug]` (taken
 * from the content folder named just before it: /surveys/[slug] gets a survey), `[page]` a
 * standing page, `[id]` 1, a pictogram "question" and a rest parameter "anything". New route files are picked up as
 * they are added.
 */
export function routesUnder(folder = ''): string[] {
  return routePatterns(folder)
    .map((pattern) =>
      pattern
        .replace(/([\w-]+)\/\[slug\]/g, (_, parent: string) => `${parent}/${sampleEntry(parent)}`)
        .replace(/\[page\]/g, sampleEntry('pages'))
        // A real pictogram (src/schemas/pictograms.ts), so the file itself is checked.
        .replace(/pictograms\/\[name\]/g, 'pictograms/question')
        .replace(/\[id\]/g, '1')
        .replace(/\[\w+\]/g, 'anything'),
    )
    .sort();
}

/** API routes answer without the trailing slash. */
export const isApi = (url: string) => url.startsWith('/api/');
export const apiPath = (url: string) => url.replace(/\/$/, '');
