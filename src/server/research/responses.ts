import type { DatabaseSync } from 'node:sqlite';
import type { ActivityKind } from '../store.ts';
import { flushWal, inWriteTransaction } from '../responseStore.ts';
import type { StoredResponse } from './results.ts';
import { forgetUnusedStageGroups } from './stageGroupCleanup.ts';

interface Row {
  id: number;
  number: number;
  receivedOn: string;
  consentVersion: string;
  definitionHash: string;
  answers: string;
}

const COLUMNS = `id, number, received_on AS receivedOn, consent_version AS consentVersion,
  definition_hash AS definitionHash, answers`;

export function toStoredResponse(row: Row): StoredResponse {
  // Named fields rather than a spread: this runs for every row of an export or results page.
  return {
    id: Number(row.id),
    number: Number(row.number),
    receivedOn: row.receivedOn,
    consentVersion: row.consentVersion,
    definitionHash: row.definitionHash,
    answers: JSON.parse(row.answers),
  };
}

/** An activity's responses, oldest first, optionally within inclusive YYYY-MM-DD bounds. */
export function listResponses(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
  range: { from?: string; to?: string } = {},
): StoredResponse[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM responses
       WHERE activity_kind = ? AND activity_slug = ? AND received_on >= ? AND received_on <= ?
       ORDER BY id`,
    )
    .all(kind, slug, range.from ?? '0000-00-00', range.to ?? '9999-99-99') as unknown as Row[];
  return rows.map(toStoredResponse);
}

/**
 * The activity's responses one at a time, oldest first, straight from SQLite
 * (StatementSync.iterate), so an export or the results page holds one row in memory rather than
 * the whole table. Optionally within inclusive YYYY-MM-DD bounds.
 */
export function* iterateResponses(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
  range: { from?: string; to?: string } = {},
): Generator<StoredResponse> {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM responses
       WHERE activity_kind = ? AND activity_slug = ? AND received_on >= ? AND received_on <= ?
       ORDER BY id`,
    )
    .iterate(
      kind,
      slug,
      range.from ?? '0000-00-00',
      range.to ?? '9999-99-99',
    ) as Iterable<unknown> as Iterable<Row>;
  for (const row of rows) yield toStoredResponse(row);
}

/** One response, only if it belongs to this activity (so ids cannot be used across surveys). */
export function getResponse(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
  id: number,
): StoredResponse | undefined {
  const row = db
    .prepare(
      `SELECT ${COLUMNS} FROM responses WHERE id = ? AND activity_kind = ? AND activity_slug = ?`,
    )
    .get(id, kind, slug) as Row | undefined;
  return row && toStoredResponse(row);
}

/**
 * Deletes one response (its codes go with it, by cascade; a journey map's stage names leave the
 * stage groups once no map uses them) and flushes the WAL so the words are gone from the files
 * too (docs/reliability.md G22). False when there is no such response here.
 */
export function deleteResponse(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
  id: number,
): boolean {
  const deleted = inWriteTransaction(db, () => {
    const changes = db
      .prepare('DELETE FROM responses WHERE id = ? AND activity_kind = ? AND activity_slug = ?')
      .run(id, kind, slug).changes;
    if (changes && kind === 'journey') forgetUnusedStageGroups(db, slug);
    return changes;
  });
  if (Number(deleted) === 0) return false;
  flushWal(db);
  return true;
}

/** Responses per day for the `days` days up to and including `today` (YYYY-MM-DD), oldest first. */
export function responsesPerDay(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
  today: string,
  days = 14,
): { day: string; count: number }[] {
  const list = Array.from({ length: days }, (_, i) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - (days - 1 - i));
    return d.toISOString().slice(0, 10);
  });
  const rows = db
    .prepare(
      `SELECT received_on AS day, COUNT(*) AS n FROM responses
       WHERE activity_kind = ? AND activity_slug = ? AND received_on BETWEEN ? AND ?
       GROUP BY received_on`,
    )
    .all(kind, slug, list[0], today) as { day: string; n: number }[];
  const byDay = new Map(rows.map((r) => [r.day, Number(r.n)]));
  return list.map((day) => ({ day, count: byDay.get(day) ?? 0 }));
}

/** Number of responses per activity slug of a kind. */
export function countsBySlug(db: DatabaseSync, kind: ActivityKind): Map<string, number> {
  const rows = db
    .prepare(
      'SELECT activity_slug AS slug, COUNT(*) AS n FROM responses WHERE activity_kind = ? GROUP BY activity_slug',
    )
    .all(kind) as { slug: string; n: number }[];
  return new Map(rows.map((r) => [r.slug, Number(r.n)]));
}
