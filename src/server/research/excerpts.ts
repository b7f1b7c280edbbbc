import type { DatabaseSync } from 'node:sqlite';
import type { ActivityKind } from '../store.ts';
import { inWriteTransaction } from '../responseStore.ts';

/**
 * Excerpt-level coding (issue 15, item 4): a code applied to a passage of one answer, keeping the
 * exact span (the answer's field, start and end in UTF-16 code units as JavaScript counts, and
 * the quoted words). Stored in the excerpts table (src/server/migrations/sharedCodebook.ts),
 * which a withdrawal or deletion of the response empties by cascade.
 */
export interface Excerpt {
  id: number;
  responseId: number;
  questionId: string;
  codeId: number;
  start: number;
  end: number;
  quote: string;
}

export type Located = { ok: true; start: number; end: number } | { ok: false; error: string };

export const EXCERPT_MAX = 10000;

/**
 * Finds a passage in an answer. Without JavaScript the researcher pastes the words; the passage
 * must occur exactly once, or the span would be a guess. A browser's selection also sends where
 * it starts (`hint`), which settles a passage that occurs more than once. Spaces around the
 * pasted words are dropped, and a form's CRLF line breaks read as the answer's LF.
 */
export function locateExcerpt(answer: string, pasted: string, hint?: number): Located {
  const quote = pasted.replace(/\r\n?/g, '\n').trim();
  if (quote === '') return { ok: false, error: 'Enter the words of the passage to code' };
  if (quote.length > EXCERPT_MAX) {
    return { ok: false, error: `The passage must be ${EXCERPT_MAX} characters or fewer` };
  }
  if (hint !== undefined && answer.slice(hint, hint + quote.length) === quote) {
    return { ok: true, start: hint, end: hint + quote.length };
  }
  const first = answer.indexOf(quote);
  if (first < 0) {
    return {
      ok: false,
      error: 'The passage is not in this answer: copy the words exactly as they are written',
    };
  }
  if (answer.indexOf(quote, first + 1) >= 0) {
    return {
      ok: false,
      error: 'The passage appears more than once in this answer: add some words before or after it',
    };
  }
  return { ok: true, start: first, end: first + quote.length };
}

/**
 * Codes a passage of one answer with each of `codeIds` (ids that are not codes are ignored).
 * The span is stored with the words it covers, so a finding quotes what was said. Returns how
 * many new excerpts were stored (coding the same span twice with one code stores it once).
 */
export function addExcerpt(
  db: DatabaseSync,
  responseId: number,
  questionId: string,
  span: { start: number; end: number; quote: string },
  codeIds: number[],
): number {
  return inWriteTransaction(db, () => {
    const exists = db.prepare('SELECT 1 FROM codes WHERE id = ?');
    const insert = db.prepare(
      `INSERT OR IGNORE INTO excerpts
         (response_id, question_id, code_id, span_start, span_end, quote)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    let added = 0;
    for (const id of new Set(codeIds)) {
      if (!exists.get(id)) continue;
      added += Number(
        insert.run(responseId, questionId, id, span.start, span.end, span.quote).changes,
      );
    }
    return added;
  });
}

const COLUMNS = `e.id, e.response_id AS responseId, e.question_id AS questionId, e.code_id AS codeId,
  e.span_start AS start, e.span_end AS end, e.quote`;

function toExcerpt(row: Record<string, unknown>): Excerpt {
  return {
    id: Number(row.id),
    responseId: Number(row.responseId),
    questionId: String(row.questionId),
    codeId: Number(row.codeId),
    start: Number(row.start),
    end: Number(row.end),
    quote: String(row.quote),
  };
}

/** The coded passages of one response, in the order they appear. */
export function excerptsOfResponse(db: DatabaseSync, responseId: number): Excerpt[] {
  return (
    db
      .prepare(
        `SELECT ${COLUMNS} FROM excerpts e WHERE e.response_id = ?
         ORDER BY e.question_id, e.span_start, e.id`,
      )
      .all(responseId) as Record<string, unknown>[]
  ).map(toExcerpt);
}

/** Removes one coded passage of this response; false when it is not one of its passages. */
export function deleteExcerpt(db: DatabaseSync, responseId: number, id: number): boolean {
  return inWriteTransaction(
    db,
    () =>
      Number(
        db.prepare('DELETE FROM excerpts WHERE id = ? AND response_id = ?').run(id, responseId)
          .changes,
      ) > 0,
  );
}

/** An excerpt as the exports give it: the code by name and the response by its number. */
export interface ExportedExcerpt {
  code: string;
  responseNumber: number;
  field: string;
  start: number;
  end: number;
  quote: string;
}

/** Every coded passage of an activity, for the exports, in response order (one query). */
export function* iterateExcerpts(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
): Generator<ExportedExcerpt> {
  const rows = db
    .prepare(
      `SELECT c.name AS code, r.number AS responseNumber, e.question_id AS field,
         e.span_start AS start, e.span_end AS end, e.quote
       FROM excerpts e JOIN responses r ON r.id = e.response_id JOIN codes c ON c.id = e.code_id
       WHERE r.activity_kind = ? AND r.activity_slug = ?
       ORDER BY r.number, e.question_id, e.span_start, c.name COLLATE NOCASE`,
    )
    .iterate(kind, slug) as Iterable<Record<string, unknown>>;
  for (const row of rows) {
    yield {
      code: String(row.code),
      responseNumber: Number(row.responseNumber),
      field: String(row.field),
      start: Number(row.start),
      end: Number(row.end),
      quote: String(row.quote),
    };
  }
}
