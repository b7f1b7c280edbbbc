import type { DatabaseSync } from 'node:sqlite';
import type { ActivityKind } from '../store.ts';
import { listCodes } from './coding.ts';
import { iterateExcerpts } from './excerpts.ts';
import { BOM, csvLine, streamOf } from './exports.ts';

/**
 * Coding as it leaves the workspace (issue 15, item 4): the codebook and the coded passages,
 * formula-safe through csvLine like every other CSV (docs/reliability.md G9).
 */

/** The codebook: code, parent, description and how many answers and passages carry it. */
export function codesCsv(db: DatabaseSync): string {
  const codes = listCodes(db);
  const parentOf = (id: number | null) => codes.find((c) => c.id === id)?.name ?? '';
  return (
    BOM +
    [
      ['code', 'parent', 'description', 'count'],
      ...codes.map((c) => [c.name, parentOf(c.parentId), c.description, c.uses]),
    ]
      .map((cells) => csvLine(cells))
      .join('')
  );
}

/**
 * An activity's coded passages as CSV, streamed: the code, the response's number, the answer's
 * field and its wording (`fieldLabel`), the span and the quoted words.
 */
export function excerptsCsvStream(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
  fieldLabel: (field: string) => string,
) {
  function* pieces() {
    yield BOM + csvLine(['code', 'response', 'field', 'question', 'start', 'end', 'quote']);
    for (const e of iterateExcerpts(db, kind, slug)) {
      yield csvLine([
        e.code,
        e.responseNumber,
        e.field,
        fieldLabel(e.field),
        e.start,
        e.end,
        e.quote,
      ]);
    }
  }
  return streamOf(pieces());
}

/**
 * The `"excerpts":[…]` member the JSON exports end with, as text pieces to stream after the
 * responses: one object per coded passage, response numbers as the workspace shows them.
 */
export function* excerptsJsonMember(
  db: DatabaseSync,
  kind: ActivityKind,
  slug: string,
): Generator<string> {
  yield ',"excerpts":[';
  let first = true;
  for (const e of iterateExcerpts(db, kind, slug)) {
    yield (first ? '\n' : ',\n') + JSON.stringify(e);
    first = false;
  }
  yield '\n]';
}
