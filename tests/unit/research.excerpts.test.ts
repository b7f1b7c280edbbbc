import { describe, expect, it } from 'vitest';
import { createCode, listCodes } from '../../src/server/research/coding.ts';
import {
  addExcerpt,
  deleteExcerpt,
  excerptsOfResponse,
  iterateExcerpts,
  locateExcerpt,
} from '../../src/server/research/excerpts.ts';
import { deleteResponse } from '../../src/server/research/responses.ts';
import { useTempStore } from '../fixtures/exportTesting.ts';
import { newResearchResponse } from '../fixtures/researchData.ts';

const temp = useTempStore('sg-excerpts-');

describe('locating a passage in an answer', () => {
  const answer = 'More time to talk.\nMore time to write. “Quotes” 😀 matter.';

  it('finds the words given, exactly, and keeps their span', () => {
    const found = locateExcerpt(answer, 'time to write');
    expect(found).toEqual({ ok: true, start: 24, end: 37 });
    if (found.ok) expect(answer.slice(found.start, found.end)).toBe('time to write');
    // Spaces around pasted words are dropped; a form's CRLF is the answer's LF.
    expect(locateExcerpt(answer, '  talk.\r\nMore time to w ')).toEqual({
      ok: true,
      start: 13,
      end: 33,
    });
    // Offsets count as JavaScript does (an emoji is two units).
    const emoji = answer.indexOf('😀');
    expect(locateExcerpt(answer, '😀 matter')).toEqual({ ok: true, start: emoji, end: emoji + 9 });
  });

  it('refuses words not in the answer, or in it more than once, saying what to do', () => {
    expect(locateExcerpt(answer, 'more time')).toEqual({
      ok: false,
      error: 'The passage is not in this answer: copy the words exactly as they are written',
    });
    expect(locateExcerpt(answer, 'More time')).toEqual({
      ok: false,
      error: 'The passage appears more than once in this answer: add some words before or after it',
    });
    expect(locateExcerpt(answer, '   ')).toMatchObject({ ok: false });
    expect(locateExcerpt(answer, 'x'.repeat(10001))).toMatchObject({ ok: false });
  });

  it('takes the selection’s start to tell apart a passage that occurs twice', () => {
    expect(locateExcerpt(answer, 'More time', 19)).toEqual({ ok: true, start: 19, end: 28 });
    // A start that does not hold the words is ignored, and the words looked for instead.
    expect(locateExcerpt(answer, 'to write', 3)).toEqual({ ok: true, start: 29, end: 37 });
  });
});

describe('coded passages', () => {
  it('stores, lists, exports and removes passages, and goes with the response', () => {
    const store = temp.store();
    for (let i = 0; i < 4; i++) store.saveResponse(newResearchResponse(i));
    const db = store.database();
    const time = createCode(db, 'Time');
    const talk = createCode(db, 'Talking');
    const span = { start: 0, end: 9, quote: 'More time' };
    expect(addExcerpt(db, 1, 'help', span, [time, talk, 999])).toBe(2);
    // The same span with the same code is stored once.
    expect(addExcerpt(db, 1, 'help', span, [time])).toBe(0);
    expect(addExcerpt(db, 4, 'help', { start: 0, end: 4, quote: 'MORE' }, [time])).toBe(1);

    const first = excerptsOfResponse(db, 1);
    expect(first.map((e) => [e.codeId, e.questionId, e.start, e.end, e.quote])).toEqual([
      [time, 'help', 0, 9, 'More time'],
      [talk, 'help', 0, 9, 'More time'],
    ]);
    expect([...iterateExcerpts(db, 'survey', 'research-fixture')]).toEqual([
      { code: 'Talking', responseNumber: 1, field: 'help', start: 0, end: 9, quote: 'More time' },
      { code: 'Time', responseNumber: 1, field: 'help', start: 0, end: 9, quote: 'More time' },
      { code: 'Time', responseNumber: 4, field: 'help', start: 0, end: 4, quote: 'MORE' },
    ]);
    expect(listCodes(db).map((c) => [c.name, c.uses])).toEqual([
      ['Talking', 1],
      ['Time', 2],
    ]);

    // Removing needs the passage to be this response's.
    expect(deleteExcerpt(db, 4, first[1].id)).toBe(false);
    expect(deleteExcerpt(db, 1, first[1].id)).toBe(true);
    expect(deleteResponse(db, 'survey', 'research-fixture', 1)).toBe(true);
    expect([...iterateExcerpts(db, 'survey', 'research-fixture')]).toHaveLength(1);
  });
});
