import type { DatabaseSync } from 'node:sqlite';
import type { ActivityKind } from '../store.ts';
import { ALL_CODING, RESPONSE_CODING, type CodedTables } from './codedTables.ts';
import { inWriteTransaction } from '../responseStore.ts';

/**
 * The project's codebook (issue 15, item 4): one set of thematic codes for every survey and
 * journey, each code optionally the child of a top-level code (one level). A code is applied to a
 * whole answer (answer_codes) or to a passage of one (excerpts, src/server/research/excerpts.ts).
 * Codes hold researchers' words, never participants'.
 */
export interface Code {
  id: number;
  name: string;
  description: string;
  /** The parent code's id, or null for a top-level code. */
  parentId: number | null;
  /** How many answers and passages carry it. */
  uses: number;
}

/** Where a quote comes from, so a finding can cite it (issue 15, item 4). */
export interface QuoteSource {
  kind: ActivityKind | 'prototype';
  slug: string;
  /** The response's number within its activity, as the workspace shows it. */
  responseNumber: number;
  questionId: string;
  /** The person's role as stored (answers.role), or '' when they did not say. */
  role: string;
}

/** A coded answer's text or a coded passage, with its source. */
export interface Quote extends QuoteSource {
  codeId: number;
  responseId: number;
  text: string;
}

export class CodeNameTakenError extends Error {
  override name = 'CodeNameTakenError';
}

/** A parent that does not exist, is itself a child, or would make a code its own ancestor. */
export class CodeParentError extends Error {
  override name = 'CodeParentError';
}

export const CODE_NAME_MAX = 80;
export const CODE_DESCRIPTION_MAX = 500;

/**
 * Every code of the project with how many answers and passages carry it: parents by name, each
 * followed by its children by name.
 */
export function listCodes(db: DatabaseSync): Code[] {
  const rows = (
    db
      .prepare(
        `SELECT c.id, c.name, c.description, c.parent_id AS parentId,
           ${ALL_CODING.flatMap((t) => [t.answers, t.excerpts])
             .map((table) => `(SELECT COUNT(*) FROM ${table} x WHERE x.code_id = c.id)`)
             .join(' + ')} AS uses
         FROM codes c ORDER BY c.name COLLATE NOCASE, c.id`,
      )
      .all() as unknown as Code[]
  ).map((r) => ({
    ...r,
    id: Number(r.id),
    parentId: r.parentId === null ? null : Number(r.parentId),
    uses: Number(r.uses),
  }));
  const top = rows.filter((r) => r.parentId === null || !rows.some((p) => p.id === r.parentId));
  return top.flatMap((parent) => [parent, ...rows.filter((r) => r.parentId === parent.id)]);
}

/** One code, or undefined. */
export function getCode(db: DatabaseSync, id: number): Code | undefined {
  return listCodes(db).find((c) => c.id === id);
}

/** "Parent › Child" for a child code, the name for a top-level one: how exports name codes. */
export function codePath(codes: Code[], code: Code): string {
  const parent = codes.find((c) => c.id === code.parentId);
  return parent ? `${parent.name} › ${code.name}` : code.name;
}

/**
 * Throws CodeNameTakenError when another code has this name in any case: "Time pressure" and
 * "time pressure" would split one theme in two. Compared in JavaScript, since SQLite's NOCASE
 * folds only ASCII letters. Runs inside the write transaction.
 */
function checkNameFree(db: DatabaseSync, name: string, exceptId = 0) {
  const folded = name.trim().toLocaleLowerCase('en-GB');
  const names = db.prepare('SELECT name FROM codes WHERE id <> ?').all(exceptId) as {
    name: string;
  }[];
  if (names.some((n) => n.name.toLocaleLowerCase('en-GB') === folded)) {
    throw new CodeNameTakenError(name);
  }
}

/**
 * Throws CodeParentError unless `parentId` is a top-level code other than `id`, and `id` (when
 * given) has no children of its own: one level of nesting, as the issue asks.
 */
function checkParent(db: DatabaseSync, parentId: number | null, id = 0) {
  if (parentId === null) return;
  const parent = db.prepare('SELECT parent_id AS p FROM codes WHERE id = ?').get(parentId) as
    { p: number | null } | undefined;
  if (!parent || parent.p !== null || parentId === id) throw new CodeParentError(String(parentId));
  if (id && db.prepare('SELECT 1 FROM codes WHERE parent_id = ?').get(id)) {
    throw new CodeParentError(String(parentId));
  }
}

function isUniqueViolation(error: unknown) {
  return /UNIQUE constraint failed/.test((error as Error)?.message ?? '');
}

function nameChange<T>(db: DatabaseSync, name: string, work: () => T): T {
  try {
    return inWriteTransaction(db, work);
  } catch (error) {
    if (isUniqueViolation(error)) throw new CodeNameTakenError(name, { cause: error });
    throw error;
  }
}

/**
 * Adds a code. Throws CodeNameTakenError when the codebook already has one of that name in any
 * case, and CodeParentError for a parent that cannot be one.
 */
export function createCode(
  db: DatabaseSync,
  name: string,
  description = '',
  parentId: number | null = null,
): number {
  return nameChange(db, name, () => {
    checkNameFree(db, name);
    checkParent(db, parentId);
    return Number(
      db
        .prepare('INSERT INTO codes (name, description, parent_id) VALUES (?, ?, ?)')
        .run(name.trim(), description.trim(), parentId).lastInsertRowid,
    );
  });
}

/** Renames a code and sets its description and parent; false when there is no such code. */
export function renameCode(
  db: DatabaseSync,
  id: number,
  name: string,
  description = '',
  parentId: number | null = null,
): boolean {
  return nameChange(db, name, () => {
    checkNameFree(db, name, id);
    checkParent(db, parentId, id);
    return (
      Number(
        db
          .prepare('UPDATE codes SET name = ?, description = ?, parent_id = ? WHERE id = ?')
          .run(name.trim(), description.trim(), parentId, id).changes,
      ) > 0
    );
  });
}

/** Deletes a code and its uses (by cascade); its children become top-level codes. */
export function deleteCode(db: DatabaseSync, id: number): boolean {
  return inWriteTransaction(
    db,
    () => Number(db.prepare('DELETE FROM codes WHERE id = ?').run(id).changes) > 0,
  );
}

/**
 * Merges `mergedId` into `keptId`: every answer and passage tagged with the merged code is tagged
 * with the kept one (once), the merged code's children move to the kept code (or become
 * top-level, when the kept code is itself a child), and the merged code is deleted. Returns how
 * many applications moved, or undefined when either code is missing or they are the same.
 */
export function mergeCodes(db: DatabaseSync, keptId: number, mergedId: number): number | undefined {
  if (keptId === mergedId) return undefined;
  return inWriteTransaction(db, () => {
    const exists = db.prepare('SELECT parent_id AS p FROM codes WHERE id = ?');
    const kept = exists.get(keptId) as { p: number | null } | undefined;
    if (!kept || !exists.get(mergedId)) return undefined;
    let moved = 0;
    for (const t of ALL_CODING) {
      moved += Number(
        db
          .prepare(
            `INSERT OR IGNORE INTO ${t.answers} (${t.owner}, question_id, code_id)
             SELECT ${t.owner}, question_id, ? FROM ${t.answers} WHERE code_id = ?`,
          )
          .run(keptId, mergedId).changes,
      );
      moved += Number(
        db
          .prepare(
            `INSERT OR IGNORE INTO ${t.excerpts}
               (${t.owner}, question_id, code_id, span_start, span_end, quote)
             SELECT ${t.owner}, question_id, ?, span_start, span_end, quote
             FROM ${t.excerpts} WHERE code_id = ?`,
          )
          .run(keptId, mergedId).changes,
      );
    }
    db.prepare('UPDATE codes SET parent_id = ? WHERE parent_id = ?').run(
      kept.p === null ? keptId : null,
      mergedId,
    );
    if (kept.p === mergedId)
      db.prepare('UPDATE codes SET parent_id = NULL WHERE id = ?').run(keptId);
    db.prepare('DELETE FROM codes WHERE id = ?').run(mergedId);
    return moved;
  });
}

/** Code ids on each question of one response: questionId → code ids. */
export function codesOfResponse(
  db: DatabaseSync,
  responseId: number,
  on: CodedTables = RESPONSE_CODING,
): Map<string, number[]> {
  const rows = db
    .prepare(`SELECT question_id AS q, code_id AS c FROM ${on.answers} WHERE ${on.owner} = ?`)
    .all(responseId) as { q: string; c: number }[];
  const map = new Map<string, number[]>();
  for (const { q, c } of rows) map.set(q, [...(map.get(q) ?? []), Number(c)]);
  return map;
}

/**
 * Replaces the codes on one answer with `codeIds`. Ids that are not codes are ignored, so a
 * stale form cannot fail on a code deleted meanwhile. Returns the ids now applied.
 */
export function setAnswerCodes(
  db: DatabaseSync,
  responseId: number,
  questionId: string,
  codeIds: number[],
  on: CodedTables = RESPONSE_CODING,
): number[] {
  return inWriteTransaction(db, () => {
    const own = new Set(
      (db.prepare('SELECT id FROM codes').all() as { id: number }[]).map((r) => Number(r.id)),
    );
    const keep = [...new Set(codeIds)].filter((id) => own.has(id));
    db.prepare(`DELETE FROM ${on.answers} WHERE ${on.owner} = ? AND question_id = ?`).run(
      responseId,
      questionId,
    );
    const insert = db.prepare(
      `INSERT INTO ${on.answers} (${on.owner}, question_id, code_id) VALUES (?, ?, ?)`,
    );
    for (const id of keep) insert.run(responseId, questionId, id);
    return keep;
  });
}

/**
 * SQL for the text of answer `ac.question_id` of response `r`. A journey answer's question id
 * names a stage's field (`stages.<i>.wouldHaveHelped`), read from that stage.
 */
const ANSWER_TEXT = `CASE WHEN ac.question_id GLOB 'stages.[0-9]*.*'
  THEN r.answers ->> ('$.stages[' || substr(ac.question_id, 8,
    instr(substr(ac.question_id, 8), '.') - 1) || '].' ||
    substr(substr(ac.question_id, 8), instr(substr(ac.question_id, 8), '.') + 1))
  ELSE r.answers ->> ('$."' || ac.question_id || '"') END`;

/** SQL for the role of response `r`: surveys and journey maps both keep it under `role`. */
const ROLE = `coalesce(r.answers ->> '$.role', '')`;

/**
 * Every quote of an activity, grouped by code id: each whole coded answer's text and each coded
 * passage's words, with their source, in response order.
 */
export function quotesByCode(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
): Map<number, Quote[]> {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT ac.code_id AS codeId, ac.response_id AS responseId, r.number AS responseNumber,
           ac.question_id AS questionId, ${ANSWER_TEXT} AS text, 0 AS start, ${ROLE} AS role
         FROM answer_codes ac JOIN responses r ON r.id = ac.response_id
         WHERE r.activity_kind = ? AND r.activity_slug = ?
         UNION ALL
         SELECT e.code_id, e.response_id, r.number, e.question_id, e.quote, e.span_start, ${ROLE}
         FROM excerpts e JOIN responses r ON r.id = e.response_id
         WHERE r.activity_kind = ? AND r.activity_slug = ?)
       ORDER BY responseNumber, questionId, start`,
    )
    .all(kind, slug, kind, slug) as unknown as (Quote & { start: number })[];
  const map = new Map<number, Quote[]>();
  for (const { start: _start, ...row } of rows) {
    if (typeof row.text !== 'string' || row.text === '') continue;
    const quote: Quote = {
      ...row,
      kind,
      slug,
      codeId: Number(row.codeId),
      responseId: Number(row.responseId),
      responseNumber: Number(row.responseNumber),
    };
    map.set(quote.codeId, [...(map.get(quote.codeId) ?? []), quote]);
  }
  return map;
}

/** SQL for the words of feedback `f` under a coded key: its comment, or a feature's "why". */
const FEEDBACK_TEXT = (key: string) => `CASE WHEN ${key} = 'comment' THEN f.comment
  ELSE (SELECT why FROM feedback_reactions
        WHERE feedback_id = f.id AND 'why.' || feature_id = ${key}) END`;

/**
 * Every quote of a prototype scope's feedback, grouped by code id, as quotesByCode gives them for
 * a survey: each coded comment or "why" and each coded passage, with the feedback's number and
 * the person's role. Only feedback whose sender agreed to be quoted (consent_quote) is offered
 * for findings; `withheld` counts the coded answers and passages left out for that reason.
 */
export function prototypeQuotesByCode(
  db: DatabaseSync,
  slug: string,
): { quotes: Map<number, Quote[]>; withheld: number } {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT fc.code_id AS codeId, f.id AS responseId, f.number AS responseNumber,
           fc.question_id AS questionId, ${FEEDBACK_TEXT('fc.question_id')} AS text, 0 AS start,
           f.role AS role, f.consent_quote AS quotable
         FROM feedback_codes fc JOIN feedback f ON f.id = fc.feedback_id
         WHERE f.prototype_slug = ?1
         UNION ALL
         SELECT fe.code_id, f.id, f.number, fe.question_id, fe.quote, fe.span_start, f.role,
           f.consent_quote
         FROM feedback_excerpts fe JOIN feedback f ON f.id = fe.feedback_id
         WHERE f.prototype_slug = ?1)
       ORDER BY responseNumber, questionId, start`,
    )
    .all(slug) as unknown as (Quote & { start: number; quotable: number })[];
  const quotes = new Map<number, Quote[]>();
  let withheld = 0;
  for (const { start: _start, quotable, ...row } of rows) {
    if (typeof row.text !== 'string' || row.text.trim() === '') continue;
    if (Number(quotable) !== 1) {
      withheld++;
      continue;
    }
    const quote: Quote = {
      ...row,
      kind: 'prototype',
      slug,
      codeId: Number(row.codeId),
      responseId: Number(row.responseId),
      responseNumber: Number(row.responseNumber),
    };
    quotes.set(quote.codeId, [...(quotes.get(quote.codeId) ?? []), quote]);
  }
  return { quotes, withheld };
}

/**
 * Quotes as plain text ready to paste into a finding: each in quotation marks, followed by its
 * source ("practitioners survey, response 12, Social worker"), so it can be cited and checked.
 * `sourceOf` words the source; the caller knows the activity's title and the person's role.
 */
export function quotesAsText(quotes: Quote[], sourceOf: (quote: Quote) => string): string {
  return quotes.map((q) => `“${q.text.trim()}”\n(${sourceOf(q)})`).join('\n\n');
}
