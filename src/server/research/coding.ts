import type { DatabaseSync } from 'node:sqlite';
import type { ActivityKind } from '../store.ts';
import { inWriteTransaction } from '../responseStore.ts';

/** A thematic code a researcher tags free-text answers with. */
export interface Code {
  id: number;
  name: string;
  description: string;
  /** How many answers carry it. */
  uses: number;
}

/** A tagged answer's text, for quoting in a finding. */
export interface Quote {
  codeId: number;
  responseId: number;
  questionId: string;
  text: string;
}

export class CodeNameTakenError extends Error {
  override name = 'CodeNameTakenError';
}

export const CODE_NAME_MAX = 80;
export const CODE_DESCRIPTION_MAX = 500;

/** Codes of an activity, by name, with how many answers carry each. */
export function listCodes(db: DatabaseSync, kind: ActivityKind, slug: string): Code[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.description, COUNT(ac.code_id) AS uses
       FROM codes c LEFT JOIN answer_codes ac ON ac.code_id = c.id
       WHERE c.activity_kind = ? AND c.activity_slug = ?
       GROUP BY c.id ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .all(kind, slug) as unknown as Code[];
  return rows.map((r) => ({ ...r, id: Number(r.id), uses: Number(r.uses) }));
}

/**
 * Throws CodeNameTakenError when the activity has another code of this name in any case:
 * "Time pressure" and "time pressure" would split one theme in two. Compared in JavaScript,
 * since SQLite's NOCASE folds only ASCII letters. Runs inside the write transaction.
 */
function checkNameFree(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
  name: string,
  exceptId = 0,
) {
  const folded = name.trim().toLocaleLowerCase('en-GB');
  const names = db
    .prepare('SELECT name FROM codes WHERE activity_kind = ? AND activity_slug = ? AND id <> ?')
    .all(kind, slug, exceptId) as { name: string }[];
  if (names.some((n) => n.name.toLocaleLowerCase('en-GB') === folded)) {
    throw new CodeNameTakenError(name);
  }
}

function isUniqueViolation(error: unknown) {
  return /UNIQUE constraint failed/.test((error as Error)?.message ?? '');
}

/**
 * Adds a code. Throws CodeNameTakenError when the activity already has one of that name, in
 * any case.
 */
export function createCode(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
  name: string,
  description = '',
): number {
  try {
    return inWriteTransaction(db, () => {
      checkNameFree(db, kind, slug, name);
      return Number(
        db
          .prepare(
            'INSERT INTO codes (activity_kind, activity_slug, name, description) VALUES (?, ?, ?, ?)',
          )
          .run(kind, slug, name.trim(), description.trim()).lastInsertRowid,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CodeNameTakenError(name, { cause: error });
    throw error;
  }
}

/** Renames a code of this activity; false when it is not one of its codes. */
export function renameCode(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
  id: number,
  name: string,
  description = '',
): boolean {
  try {
    return inWriteTransaction(db, () => {
      checkNameFree(db, kind, slug, name, id);
      return (
        Number(
          db
            .prepare(
              `UPDATE codes SET name = ?, description = ?
               WHERE id = ? AND activity_kind = ? AND activity_slug = ?`,
            )
            .run(name.trim(), description.trim(), id, kind, slug).changes,
        ) > 0
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CodeNameTakenError(name, { cause: error });
    throw error;
  }
}

/** Deletes a code of this activity and its uses (by cascade). */
export function deleteCode(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
  id: number,
): boolean {
  return inWriteTransaction(
    db,
    () =>
      Number(
        db
          .prepare('DELETE FROM codes WHERE id = ? AND activity_kind = ? AND activity_slug = ?')
          .run(id, kind, slug).changes,
      ) > 0,
  );
}

/** Code ids on each question of one response: questionId → code ids. */
export function codesOfResponse(db: DatabaseSync, responseId: number): Map<string, number[]> {
  const rows = db
    .prepare('SELECT question_id AS q, code_id AS c FROM answer_codes WHERE response_id = ?')
    .all(responseId) as { q: string; c: number }[];
  const map = new Map<string, number[]>();
  for (const { q, c } of rows) map.set(q, [...(map.get(q) ?? []), Number(c)]);
  return map;
}

/**
 * Replaces the codes on one answer with `codeIds`. Only codes of the response's own activity
 * are accepted; any other id is ignored, so a form cannot attach another survey's code.
 * Returns the ids now applied.
 */
export function setAnswerCodes(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
  responseId: number,
  questionId: string,
  codeIds: number[],
): number[] {
  return inWriteTransaction(db, () => {
    const own = new Set(
      (
        db
          .prepare('SELECT id FROM codes WHERE activity_kind = ? AND activity_slug = ?')
          .all(kind, slug) as { id: number }[]
      ).map((r) => Number(r.id)),
    );
    const keep = [...new Set(codeIds)].filter((id) => own.has(id));
    db.prepare('DELETE FROM answer_codes WHERE response_id = ? AND question_id = ?').run(
      responseId,
      questionId,
    );
    const insert = db.prepare(
      'INSERT INTO answer_codes (response_id, question_id, code_id) VALUES (?, ?, ?)',
    );
    for (const id of keep) insert.run(responseId, questionId, id);
    return keep;
  });
}

/**
 * Every tagged answer's text for an activity's codes, grouped by code id. A journey answer's
 * question id names a stage's field (`stages.<i>.wouldHaveHelped`), read from that stage.
 */
export function quotesByCode(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
): Map<number, Quote[]> {
  const rows = db
    .prepare(
      `SELECT ac.code_id AS codeId, ac.response_id AS responseId, ac.question_id AS questionId,
         CASE WHEN ac.question_id GLOB 'stages.[0-9]*.*'
           THEN r.answers ->> ('$.stages[' || substr(ac.question_id, 8,
             instr(substr(ac.question_id, 8), '.') - 1) || '].' ||
             substr(substr(ac.question_id, 8), instr(substr(ac.question_id, 8), '.') + 1))
           ELSE r.answers ->> ('$."' || ac.question_id || '"') END AS text
       FROM answer_codes ac
       JOIN codes c ON c.id = ac.code_id
       JOIN responses r ON r.id = ac.response_id
       WHERE c.activity_kind = ? AND c.activity_slug = ?
       ORDER BY ac.response_id, ac.question_id`,
    )
    .all(kind, slug) as unknown as Quote[];
  const map = new Map<number, Quote[]>();
  for (const row of rows) {
    if (typeof row.text !== 'string' || row.text === '') continue;
    const quote = { ...row, codeId: Number(row.codeId), responseId: Number(row.responseId) };
    map.set(quote.codeId, [...(map.get(quote.codeId) ?? []), quote]);
  }
  return map;
}

/** Quotes as plain text, one per paragraph in quotation marks, ready to paste into a finding. */
export function quotesAsText(quotes: Quote[]): string {
  return quotes.map((q) => `“${q.text.trim()}”`).join('\n\n');
}

/**
 * The names of the codes on each response of an activity: response id → code names, in name
 * order, each once (a code on two answers of a response is listed once). For the exports' codes
 * column; responses without codes are absent.
 */
export function codeNamesByResponse(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
): Map<number, string[]> {
  const rows = db
    .prepare(
      `SELECT DISTINCT ac.response_id AS responseId, c.name AS name
       FROM answer_codes ac JOIN codes c ON c.id = ac.code_id
       WHERE c.activity_kind = ? AND c.activity_slug = ?
       ORDER BY ac.response_id, c.name COLLATE NOCASE`,
    )
    .all(kind, slug) as { responseId: number; name: string }[];
  const map = new Map<number, string[]>();
  for (const { responseId, name } of rows) {
    const id = Number(responseId);
    map.set(id, [...(map.get(id) ?? []), name]);
  }
  return map;
}
