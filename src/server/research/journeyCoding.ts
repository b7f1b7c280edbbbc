import type { DatabaseSync } from 'node:sqlite';
import type { StoredMap } from './journeyResults.ts';
import type { CodableAnswer } from './responseCoding.ts';

/**
 * Coding journey maps like survey answers (issue 15, items 1 and 4): each stage's written answers
 * are codable answers keyed `stages.<i>.<field>` (the key answer_codes and excerpts keep), so the
 * map's page uses the survey response page's one coding form and passage form
 * (src/server/research/responseCoding.ts), and a passage's source reads "map 3, stage 2".
 */

/** The written fields of a stage, in the order the participant filled them in. */
export const STAGE_TEXT_FIELDS = [
  { field: 'happened', label: 'what happened' },
  { field: 'helped', label: 'what helped' },
  { field: 'wouldHaveHelped', label: 'what would have helped' },
] as const;

const STAGE_KEY = /^stages\.(\d{1,2})\.(happened|helped|wouldHaveHelped)$/;

/** "Stage 2 (“Referral”): what helped" for `stages.1.helped`, or the key when it is not one. */
export function stageFieldLabel(key: string, stageNames: readonly string[]): string {
  const match = STAGE_KEY.exec(key);
  if (!match) return key;
  const index = Number(match[1]);
  const label = STAGE_TEXT_FIELDS.find((f) => f.field === match[2])!.label;
  const name = stageNames[index]?.trim();
  return `Stage ${index + 1}${name ? ` (“${name}”)` : ''}: ${label}`;
}

/** The stage number (from 1) a key belongs to, or undefined for a key that is not a stage's. */
export function stageOfKey(key: string): number | undefined {
  const match = STAGE_KEY.exec(key);
  return match ? Number(match[1]) + 1 : undefined;
}

/** The map's written answers that can be coded: every non-empty stage text, stage by stage. */
export function codableStageAnswers(map: StoredMap): CodableAnswer[] {
  const names = map.stages.map((s) => s.name);
  return map.stages.flatMap((stage, i) =>
    STAGE_TEXT_FIELDS.filter(({ field }) => stage[field].trim() !== '').map(({ field }) => {
      const key = `stages.${i}.${field}`;
      return { key, label: stageFieldLabel(key, names), text: stage[field] };
    }),
  );
}

/**
 * The names of the codes on one stage of one map (on its answers or its passages), for the
 * exports' `codes` column; one small query per stage, so a streamed export holds none of them.
 */
export function stageCodeNames(db: DatabaseSync) {
  const query = db.prepare(
    `SELECT json_group_array(name) AS names FROM (
       SELECT DISTINCT c.name FROM codes c
       WHERE c.id IN (
         SELECT code_id FROM answer_codes WHERE response_id = ?1 AND question_id GLOB ?2
         UNION SELECT code_id FROM excerpts WHERE response_id = ?1 AND question_id GLOB ?2)
       ORDER BY c.name COLLATE NOCASE)`,
  );
  return (responseId: number, stageIndex: number): string[] =>
    JSON.parse((query.get(responseId, `stages.${stageIndex}.*`) as { names: string }).names);
}

/** One "what would have helped" answer's ticks, as the maps page's one coding form sent them. */
export interface StageTicks {
  responseId: number;
  responseNumber: number;
  key: string;
  codeIds: number[];
}

export type StageTicksRead = { ok: true; ticks: StageTicks[] } | { ok: false; message: string };

const TICKED = /^(\d{1,12}):(stages\.\d{1,2}\.wouldHaveHelped)$/;

/**
 * Reads the maps page's one coding form (issue 15, item 2): every "what would have helped" answer
 * it listed (`answer` = "<map id>:stages.<i>.wouldHaveHelped") with its ticks
 * (`code-<map id>:<key>`), so one Save keeps every tick on the page. An answer that is not one
 * of these maps' written answers refuses the whole form before anything is saved
 * (docs/reliability.md G10).
 */
export function readStageTicks(maps: StoredMap[], form: URLSearchParams): StageTicksRead {
  const listed = [...new Set(form.getAll('answer'))];
  if (listed.length === 0) return { ok: false, message: 'No answers to code' };
  const ticks: StageTicks[] = [];
  for (const value of listed) {
    const match = TICKED.exec(value);
    const map = match && maps.find((m) => m.id === Number(match[1]));
    const stage = match && map?.stages[Number(match[2].split('.')[1])];
    if (!match || !map || !stage?.wouldHaveHelped.trim()) {
      return { ok: false, message: 'Unknown answer' };
    }
    const codeIds = form
      .getAll(`code-${value}`)
      .filter((v) => /^[1-9]\d{0,11}$/.test(v))
      .map(Number);
    ticks.push({ responseId: map.id, responseNumber: map.number, key: match[2], codeIds });
  }
  return { ok: true, ticks };
}
