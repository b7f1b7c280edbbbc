import type { DatabaseSync } from 'node:sqlite';
import { stageKey } from './journeyResults.ts';

/**
 * Deletes the stage groups of a journey activity whose stage name no stored map uses any more.
 * A group row holds a participant's own stage name, copied when a researcher grouped it, so it
 * must go when the last map with that name is withdrawn, deleted or purged. Call it inside the
 * transaction that deleted the maps, before the WAL is flushed, so the name leaves the files with
 * the map. Names are compared as the results page compares them (stageKey: trimmed, any case).
 */
export function forgetUnusedStageGroups(db: DatabaseSync, slug: string): number {
  const groups = db
    .prepare('SELECT stage_name AS name FROM journey_stage_groups WHERE activity_slug = ?')
    .all(slug) as { name: string }[];
  if (groups.length === 0) return 0;
  const used = new Set(
    (
      db
        .prepare(
          `SELECT json_extract(stage.value, '$.name') AS name
           FROM responses, json_each(responses.answers, '$.stages') AS stage
           WHERE activity_kind = 'journey' AND activity_slug = ?`,
        )
        .all(slug) as { name: unknown }[]
    )
      .filter((row): row is { name: string } => typeof row.name === 'string')
      .map((row) => stageKey(row.name)),
  );
  const remove = db.prepare(
    'DELETE FROM journey_stage_groups WHERE activity_slug = ? AND stage_name = ?',
  );
  let removed = 0;
  for (const { name } of groups) {
    if (!used.has(stageKey(name))) removed += Number(remove.run(slug, name).changes);
  }
  return removed;
}

/**
 * The same for every activity that has stage groups: the daily purge runs it, which also clears
 * names left behind by maps removed before this cleanup existed.
 */
export function forgetAllUnusedStageGroups(db: DatabaseSync): number {
  const slugs = db
    .prepare('SELECT DISTINCT activity_slug AS slug FROM journey_stage_groups')
    .all() as { slug: string }[];
  return slugs.reduce((sum, { slug }) => sum + forgetUnusedStageGroups(db, slug), 0);
}
