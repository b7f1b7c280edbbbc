import { getCollection, getEntry } from 'astro:content';
import type { Settings } from '../schemas/index.ts';

/** The one settings file, content/settings/site.yml. */
export async function getSettings(): Promise<Settings> {
  const entry = await getEntry('settings', 'site');
  if (!entry) throw new Error('content/settings/site.yml is missing: the site needs its settings.');
  return entry.data;
}

/** Pages for the footer, in their chosen order. */
export async function getFooterPages() {
  const pages = await getCollection('pages');
  return pages.sort((a, b) => a.data.order - b.data.order);
}
