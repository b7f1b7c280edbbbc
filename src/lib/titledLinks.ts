import { getCollection } from 'astro:content';
import { resolveLinks, type LinkedCollection, type Source } from './contentLinks.ts';

/** Names of `kind` entries as titled links from the built content (contentLinks.ts decides). */
export async function titledLinks(
  owner: string,
  kind: LinkedCollection,
  ids: readonly string[],
): Promise<Source[]> {
  if (ids.length === 0) return [];
  const titles = new Map<string, string>(
    (await getCollection(kind)).map((entry) => [entry.id, entry.data.title]),
  );
  return resolveLinks(owner, kind, ids, titles);
}
