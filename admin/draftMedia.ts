/**
 * The editor's preview shows an image uploaded with a draft. Decap puts the image on the entry's
 * `cms/…` branch, and the preview asks the editor's development server for its public address
 * (`/uploads/…`), which answered 404: the file is not in the folder until the entry is
 * published, and that server does not watch `public/uploads/` (astro.config.mjs). So under
 * `npm run cms` those addresses are answered by the local backend from git (scripts/cmsBackend.ts):
 * the published branch first, then drafts, newest first. Pure deciding here
 * (tests/unit/draftMedia.test.ts).
 */
import { lookup } from 'mime-types';

export const UPLOADS_URL = '/uploads/';
const MEDIA_FOLDER = 'public/uploads/';
/** A file name, or folders and a file name, of the characters Decap's slugs leave in names. */
const SAFE = /^(?:[\w-][\w.-]*\/)*[\w-][\w.-]*$/;

/** The repository path behind an `/uploads/…` address, or undefined when it is not one. */
export function uploadPath(url: string): string | undefined {
  if (!url.startsWith(UPLOADS_URL)) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(url.slice(UPLOADS_URL.length).split(/[?#]/)[0]);
  } catch {
    return undefined;
  }
  if (!SAFE.test(name) || name.split('/').some((part) => part.startsWith('..'))) return undefined;
  return MEDIA_FOLDER + name;
}

/** Where to look: the published branch, then the editor's drafts (newest first, as git lists). */
export function branchesToSearch(newestFirst: string[], published: string): string[] {
  const drafts = newestFirst.filter((branch) => branch.startsWith('cms/'));
  return newestFirst.includes(published) ? [published, ...drafts] : drafts;
}

/** The headers an image from a draft is sent with: its type, never run as a page. */
export function mediaHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': lookup(file) || 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    // An SVG opened on its own could run script; as an image it never does.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'Cache-Control': 'no-store',
  };
}
