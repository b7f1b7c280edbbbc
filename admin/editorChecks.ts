import type { CMS as DecapCms, CmsCollection } from 'decap-cms-core';
import { EntryRefused, entryProblems } from './entryProblems.ts';
import { STAMPED_COLLECTIONS, today } from './stampUpdated.ts';

/** The parts of a Decap entry (an Immutable.js map) these checks read and write. */
interface EntryMap {
  get(key: 'collection' | 'data'): unknown;
}
interface DataMap {
  toJS(): Record<string, unknown>;
  set(key: string, value: unknown): DataMap;
}

/**
 * Runs the build's checks when an entry is saved and again when it is published, so nothing the
 * build would refuse reaches the repository: a refused entry stops the whole site's build.
 * Decap shows the thrown message in its error notice.
 */
export function registerEditorChecks(cms: DecapCms, collections: CmsCollection[]) {
  const check = ({ entry }: { entry: EntryMap }) => {
    const collection = collections.find((c) => c.name === entry.get('collection'));
    const data = entry.get('data') as DataMap;
    if (!collection) return undefined;
    const problems = entryProblems(collection, data.toJS());
    if (problems.length > 0) throw new EntryRefused(problems);
    return undefined;
  };
  // Runs after the check: returning data replaces what is saved.
  const stamp = ({ entry }: { entry: EntryMap }) => {
    const field = STAMPED_COLLECTIONS[String(entry.get('collection'))];
    return field ? (entry.get('data') as DataMap).set(field, today()) : undefined;
  };
  cms.registerEventListener({ name: 'preSave', handler: check as never });
  cms.registerEventListener({ name: 'preSave', handler: stamp as never });
  cms.registerEventListener({ name: 'prePublish', handler: check as never });
}
