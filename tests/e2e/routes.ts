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
 * standing page, `[id]` and `[number]` 1, a pictogram "question" and a rest parameter "anything". New route files are picked up as
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
        .replace(/\[number\]/g, '1')
        .replace(/\[\w+\]/g, 'anything'),
    )
    .sort();
}

/** API routes answer without the trailing slash. */
export const isApi = (url: string) => url.startsWith('/api/');
export const apiPath = (url: string) => url.replace(/\/$/, '');

/** Every entry of a content folder, by name, so a page per entry can be listed. */
function entries(folder: string): string[] {
  const dir = path.join(ROOT, 'content', folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .map((file) => file.replace(/\.\w+$/, ''))
        .sort()
    : [];
}

/**
 * Every public HTML page the site builds, known before any test runs so each gets a test of its
 * own: each route under src/pages outside the API, the workspace and the editor, with every
 * entry of its content folder for `[slug]` (and every standing page for `[page]`). The crawl in
 * pages.spec.ts checks that links reach no page missing here.
 */
export function publicPages(): string[] {
  return (
    routePatterns('')
      .filter((r) => !/^\/(api|research|admin|pictograms)\//.test(r) && !/\.\w+$/.test(r))
      // The refusal page is shown for refused requests; /form/ addresses take the no-JavaScript
      // form's posts and send a plain visit on to the activity's page.
      .filter((r) => !r.includes('request-refused') && !r.endsWith('/form/'))
      .flatMap((pattern) => {
        const slug = /^\/([\w-]+)\/\[slug\]/.exec(pattern);
        if (slug) return entries(slug[1]).map((id) => pattern.replace('[slug]', id));
        if (pattern.includes('[page]'))
          return entries('pages').map((id) => pattern.replace('[page]', id));
        return [pattern.replace('[number]', '1')];
      })
      .filter((r) => !/\[/.test(r))
      .sort()
  );
}
