import type { DatabaseSync } from 'node:sqlite';
import type { Journey } from '../../schemas/index.ts';
import { inWriteTransaction } from '../responseStore.ts';
import { excerptsJsonMember } from './codingExports.ts';
import { BOM, csvLine, streamOf } from './exports.ts';
import { stageCodeNames } from './journeyCoding.ts';
import {
  JOURNEY_EXPORT_HEADER,
  journeyExportRows,
  stageGrouper,
  stageKey,
  toStoredMap,
} from './journeyResults.ts';
import { iterateResponses } from './responses.ts';

export const GROUP_NAME_MAX = 80;

/** A researcher's stage groups for an activity: stageKey(stage name) → group name. */
export function stageGroups(db: DatabaseSync, slug: string): Map<string, string> {
  const rows = db
    .prepare(
      'SELECT stage_name AS stage, group_name AS grp FROM journey_stage_groups WHERE activity_slug = ?',
    )
    .all(slug) as { stage: string; grp: string }[];
  return new Map(rows.map((r) => [stageKey(r.stage), r.grp]));
}

/** Puts a free stage name in a group, or (group null) takes it out of its group. */
export function setStageGroup(
  db: DatabaseSync,
  slug: string,
  stageName: string,
  group: string | null,
): void {
  inWriteTransaction(db, () => {
    db.prepare('DELETE FROM journey_stage_groups WHERE activity_slug = ? AND stage_name = ?').run(
      slug,
      stageName.trim(),
    );
    if (group === null) return;
    db.prepare(
      'INSERT INTO journey_stage_groups (activity_slug, stage_name, group_name) VALUES (?, ?, ?)',
    ).run(slug, stageName.trim(), group.trim());
  });
}

/**
 * The CSV export: one row per stage, every cell neutralised, UTF-8 with a byte order mark. The
 * last column, `codes`, names the codes on the stage's answers or passages, joined by "; ".
 */
export function journeyCsvStream(db: DatabaseSync, slug: string, journey: Journey) {
  const groupOf = stageGrouper(journey, stageGroups(db, slug));
  const codesOf = stageCodeNames(db);
  function* pieces() {
    yield BOM + csvLine([...JOURNEY_EXPORT_HEADER, 'codes']);
    for (const response of iterateResponses(db, 'journey', slug)) {
      const rows = journeyExportRows(toStoredMap(response), groupOf);
      for (const [i, row] of rows.entries()) {
        yield csvLine([...row, codesOf(response.id, i).join('; ')]);
      }
    }
  }
  return streamOf(pieces());
}

/**
 * The JSON export: the same rows as the CSV, as objects keyed by its headers (`codes` a list),
 * then the coded passages, as in the survey JSON export.
 */
export function journeyJsonStream(
  db: DatabaseSync,
  slug: string,
  journey: Journey,
  exportedOn: string,
) {
  const groupOf = stageGrouper(journey, stageGroups(db, slug));
  const codesOf = stageCodeNames(db);
  function* pieces() {
    yield `{"journey":${JSON.stringify(slug)},"title":${JSON.stringify(journey.title)},"exportedOn":${JSON.stringify(exportedOn)},"stages":[`;
    let first = true;
    for (const response of iterateResponses(db, 'journey', slug)) {
      const rows = journeyExportRows(toStoredMap(response), groupOf);
      for (const [i, row] of rows.entries()) {
        const object = Object.fromEntries(JOURNEY_EXPORT_HEADER.map((h, j) => [h, row[j]]));
        yield (
          (first ? '\n' : ',\n') + JSON.stringify({ ...object, codes: codesOf(response.id, i) })
        );
        first = false;
      }
    }
    yield '\n]';
    yield* excerptsJsonMember(db, 'journey', slug);
    yield '}\n';
  }
  return streamOf(pieces());
}

/** Codes on every answer of an activity's maps: `${responseId} ${questionId}` → code ids. */
export function journeyAnswerCodes(db: DatabaseSync, slug: string): Map<string, number[]> {
  const rows = db
    .prepare(
      `SELECT ac.response_id AS r, ac.question_id AS q, ac.code_id AS c
       FROM answer_codes ac JOIN responses res ON res.id = ac.response_id
       WHERE res.activity_kind = 'journey' AND res.activity_slug = ?`,
    )
    .all(slug) as { r: number; q: string; c: number }[];
  const map = new Map<string, number[]>();
  for (const { r, q, c } of rows) {
    const key = `${Number(r)} ${q}`;
    map.set(key, [...(map.get(key) ?? []), Number(c)]);
  }
  return map;
}
