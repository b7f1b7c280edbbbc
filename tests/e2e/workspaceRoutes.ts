import { readdirSync } from 'node:fs';
import path from 'node:path';

const PAGES = path.resolve(import.meta.dirname, '../../src/pages');
/** The values of the workspace's `[activities]` folder (src/pages/research/[activities]). */
const ACTIVITIES = ['surveys', 'journeys', 'prototypes'];

/**
 * Every route file under a folder of src/pages as a URL pattern, its parameters left as written
 * (`[slug]`, `[id]`), so new workspace pages are picked up as they are added.
 */
export function routePatterns(folder: string, files = /\.(astro|ts)$/): string[] {
  return (
    readdirSync(path.join(PAGES, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && files.test(entry.name))
      .map((entry) => {
        const file = path.relative(PAGES, path.join(entry.parentPath, entry.name));
        const url = `/${file}`
          .replace(/\.(astro|ts)$/, '')
          .replace(/\/index$/, '/')
          .replace(/\[\.\.\.\w+\]/g, 'anything');
        return url === '/' || url.endsWith('/') || /\.\w+$/.test(url) ? url : `${url}/`;
      })
      // A page for every kind of activity (research/[activities]/…) is each of them.
      .flatMap((url) =>
        url.includes('[activities]')
          ? ACTIVITIES.map((kind) => url.replace('[activities]', kind))
          : [url],
      )
      .sort()
  );
}

/** A pattern with sample values for its parameters. */
export const withSamples = (pattern: string, slug = 'practitioners', id = '1') =>
  pattern.replace(/\[slug\]/g, slug).replace(/\[id\]/g, id);

/** The workspace's pages (all but sign-in and its one-time links) and its API, as patterns. */
export const workspacePages = routePatterns('research').filter(
  (url) => !url.startsWith('/research/login/'),
);
export const workspaceApi = routePatterns('api/research');

/** The workspace's HTML pages: its .astro files (a .ts route is a download or an action). */
export const workspaceHtmlPages = routePatterns('research', /\.astro$/).filter(
  (url) => !url.startsWith('/research/login/') && url.endsWith('/'),
);
