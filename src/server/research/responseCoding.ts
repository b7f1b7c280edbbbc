import type { DatabaseSync } from 'node:sqlite';
import { countOf } from '../../lib/countOf.ts';
import { setAnswerCodes } from './coding.ts';
import { addExcerpt, deleteExcerpt, locateExcerpt } from './excerpts.ts';
import { audit, parseId, type Researcher } from './routeHelpers.ts';

/** A written answer of the response that can be coded: its key, wording and text. */
export interface CodableAnswer {
  key: string;
  label: string;
  text: string;
}

/** What the passage form sent, kept to show again beside an error. */
export interface PassageEntered {
  question: string;
  quote: string;
  codes: string[];
}

export type CodingResult =
  /** Done: see the page again, at this fragment with this notice. */
  | { kind: 'done'; query: string }
  | { kind: 'bad-request'; message: string }
  | { kind: 'error'; errors: { field: string; text: string }[]; entered: PassageEntered };

/**
 * The coding form of one response's page (issue 15, item 4): one form, so that whichever button
 * is pressed, the ticks on every written answer are saved with it and none is lost by pressing
 * another (only the answers the form listed are replaced). Then, by the button (`action`):
 * - `code`: nothing more;
 * - `excerpt`: codes a passage of one answer, located in it by the words given (and, from a
 *   browser's selection, where it starts), or says what to fix;
 * - `uncode-<id>`: removes one coded passage.
 * All audited; `what` names the response in the audit log ("survey practitioners, response 12").
 */
export function responseCodingPost(
  db: DatabaseSync,
  researcher: Researcher,
  what: string,
  responseId: number,
  answers: CodableAnswer[],
  form: URLSearchParams,
): CodingResult {
  const action = form.get('action') ?? '';
  const ids = (name: string) =>
    form
      .getAll(name)
      .map((v) => parseId(v))
      .filter((v): v is number => v !== undefined);
  const keys = form.getAll('question');
  if (keys.length === 0 || keys.some((key) => !answers.some((a) => a.key === key))) {
    return { kind: 'bad-request', message: 'Unknown question' };
  }
  const uncode = /^uncode-(\d+)$/.exec(action);
  if (action !== 'code' && action !== 'excerpt' && !uncode) {
    return { kind: 'bad-request', message: 'Unknown action' };
  }
  for (const key of new Set(keys)) {
    const applied = setAnswerCodes(db, responseId, key, ids(`code-${key}`));
    audit(researcher, 'answer-coded', `${what}, ${key}: ${countOf(applied.length, 'code')}`);
  }
  if (action === 'code') return { kind: 'done', query: '?coded=1#coding' };
  if (uncode) {
    const id = Number(uncode[1]);
    if (deleteExcerpt(db, responseId, id)) {
      audit(researcher, 'excerpt-uncoded', `${what}, passage ${id}`);
    }
    return { kind: 'done', query: '?uncoded=1#passages' };
  }

  const question = form.get('passage-answer') ?? '';
  const quote = form.get('quote') ?? '';
  const entered = { question, quote, codes: form.getAll('passage-code') };
  const answer = answers.find((a) => a.key === question);
  const codes = ids('passage-code');
  const errors: { field: string; text: string }[] = [];
  if (!answer) {
    errors.push({ field: 'passage-answer', text: 'Choose the answer the passage is from' });
  }
  // Where a browser's selection starts; typed passages come without it.
  const start = form.get('start') ?? '';
  const hint = /^\d{1,6}$/.test(start) ? Number(start) : undefined;
  const located = answer ? locateExcerpt(answer.text, quote, hint) : undefined;
  if (located && !located.ok) errors.push({ field: 'quote', text: located.error });
  if (codes.length === 0) {
    errors.push({ field: 'passage-code', text: 'Choose at least one code for the passage' });
  }
  if (errors.length > 0 || !answer || !located?.ok) return { kind: 'error', errors, entered };

  const span = {
    start: located.start,
    end: located.end,
    quote: answer.text.slice(located.start, located.end),
  };
  const added = addExcerpt(db, responseId, answer.key, span, codes);
  audit(
    researcher,
    'excerpt-coded',
    `${what}, ${answer.key} ${span.start}-${span.end}: ${countOf(added, 'code')}`,
  );
  return { kind: 'done', query: '?excerpt=1#passages' };
}
