import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CodeNameTakenError,
  codeNamesByResponse,
  codesOfResponse,
  createCode,
  deleteCode,
  listCodes,
  quotesAsText,
  quotesByCode,
  renameCode,
  setAnswerCodes,
} from '../../src/server/research/coding.ts';
import {
  deleteResponse,
  getResponse,
  iterateResponses,
  listResponses,
  responsesPerDay,
} from '../../src/server/research/responses.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { newResearchResponse } from '../fixtures/researchData.ts';

let dir: string;
let store: Store;
const SLUG = 'research-fixture';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-coding-'));
  store = openSqliteStore(dir);
  for (let i = 0; i < 5; i++) store.saveResponse(newResearchResponse(i));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('thematic coding', () => {
  it('creates, counts, renames and deletes codes', () => {
    const db = store.database();
    const time = createCode(db, 'survey', SLUG, ' Time ', 'Not enough time');
    const records = createCode(db, 'survey', SLUG, 'Shared records');
    createCode(db, 'survey', 'other-survey', 'Time');
    expect(() => createCode(db, 'survey', SLUG, 'Time')).toThrow(CodeNameTakenError);

    expect(setAnswerCodes(db, 'survey', SLUG, 1, 'help', [time])).toEqual([time]);
    expect(setAnswerCodes(db, 'survey', SLUG, 4, 'help', [time, records, time])).toEqual([
      time,
      records,
    ]);
    setAnswerCodes(db, 'survey', SLUG, 3, 'help', [records]);
    setAnswerCodes(db, 'survey', SLUG, 3, 'role-other', [records]);
    expect(listCodes(db, 'survey', SLUG).map((c) => [c.name, c.uses])).toEqual([
      ['Shared records', 3],
      ['Time', 2],
    ]);

    // Replacing an answer's codes removes the ones not sent.
    setAnswerCodes(db, 'survey', SLUG, 4, 'help', [records]);
    expect(codesOfResponse(db, 4)).toEqual(new Map([['help', [records]]]));
    expect(listCodes(db, 'survey', SLUG).map((c) => c.uses)).toEqual([3, 1]);

    expect(renameCode(db, 'survey', SLUG, time, 'Time pressure', '')).toBe(true);
    expect(() => renameCode(db, 'survey', SLUG, time, 'Shared records')).toThrow(
      CodeNameTakenError,
    );
    expect(deleteCode(db, 'survey', SLUG, records)).toBe(true);
    expect(listCodes(db, 'survey', SLUG).map((c) => [c.name, c.uses])).toEqual([
      ['Time pressure', 1],
    ]);
    expect(codesOfResponse(db, 3).size).toBe(0);
  });

  it('keeps code names unique whatever their case, "Time pressure" as "TIME PRESSURE"', () => {
    const db = store.database();
    const time = createCode(db, 'survey', SLUG, 'Time pressure');
    const stress = createCode(db, 'survey', SLUG, 'Stress');
    expect(() => createCode(db, 'survey', SLUG, ' time pressure ')).toThrow(CodeNameTakenError);
    expect(() => createCode(db, 'survey', SLUG, 'ÉTÉ')).not.toThrow();
    expect(() => createCode(db, 'survey', SLUG, 'été')).toThrow(CodeNameTakenError);
    expect(() => renameCode(db, 'survey', SLUG, stress, 'TIME PRESSURE')).toThrow(
      CodeNameTakenError,
    );
    // A code may change the case of its own name; another activity may use the name.
    expect(renameCode(db, 'survey', SLUG, time, 'Time Pressure')).toBe(true);
    expect(() => createCode(db, 'survey', 'other-survey', 'time pressure')).not.toThrow();
    expect(listCodes(db, 'survey', SLUG).map((c) => c.name)).toEqual([
      'Stress',
      'Time Pressure',
      'ÉTÉ',
    ]);
  });

  it('names the codes on each response, for the exports', () => {
    const db = store.database();
    const time = createCode(db, 'survey', SLUG, 'Time');
    const records = createCode(db, 'survey', SLUG, 'records');
    setAnswerCodes(db, 'survey', SLUG, 1, 'help', [time, records]);
    setAnswerCodes(db, 'survey', SLUG, 1, 'role-other', [time]);
    setAnswerCodes(db, 'survey', SLUG, 3, 'help', [records]);
    expect(codeNamesByResponse(db, 'survey', SLUG)).toEqual(
      new Map([
        [1, ['records', 'Time']],
        [3, ['records']],
      ]),
    );
    expect(codeNamesByResponse(db, 'survey', 'other-survey').size).toBe(0);
  });

  it('refuses another survey’s codes on an answer', () => {
    const db = store.database();
    const foreign = createCode(db, 'survey', 'other-survey', 'Foreign');
    expect(setAnswerCodes(db, 'survey', SLUG, 1, 'help', [foreign, 999])).toEqual([]);
    expect(deleteCode(db, 'survey', SLUG, foreign)).toBe(false);
    expect(renameCode(db, 'survey', SLUG, foreign, 'Mine')).toBe(false);
  });

  it('gives quotes per code as plain text, and drops them with the response', () => {
    const db = store.database();
    const code = createCode(db, 'survey', SLUG, 'Time');
    setAnswerCodes(db, 'survey', SLUG, 1, 'help', [code]);
    setAnswerCodes(db, 'survey', SLUG, 2, 'help', [code]);
    const quotes = quotesByCode(db, 'survey', SLUG).get(code)!;
    expect(quotes.map((q) => q.text)).toEqual([
      'More time to talk',
      '<script>window.__xss=1</script>',
    ]);
    expect(quotesAsText(quotes)).toBe('“More time to talk”\n\n“<script>window.__xss=1</script>”');

    expect(deleteResponse(db, 'survey', SLUG, 1)).toBe(true);
    expect(
      quotesByCode(db, 'survey', SLUG)
        .get(code)!
        .map((q) => q.responseId),
    ).toEqual([2]);
    expect(listCodes(db, 'survey', SLUG)[0].uses).toBe(1);
  });
});

describe('reading responses', () => {
  it('finds a response only within its own survey', () => {
    const db = store.database();
    expect(getResponse(db, 'survey', SLUG, 2)?.answers.role).toBe('police');
    expect(getResponse(db, 'survey', 'other-survey', 2)).toBeUndefined();
    expect(deleteResponse(db, 'survey', 'other-survey', 2)).toBe(false);
    expect(store.countResponses('survey', SLUG)).toBe(5);
  });

  it('filters by date in SQL and counts per day', () => {
    const db = store.database();
    expect(listResponses(db, 'survey', SLUG, { from: '2027-01-11' }).map((r) => r.id)).toEqual([
      3, 4, 5,
    ]);
    // The results page reads the same range one row at a time.
    const streamed = [...iterateResponses(db, 'survey', SLUG, { from: '2027-01-11' })];
    expect(streamed.map((r) => r.id)).toEqual([3, 4, 5]);
    const days = responsesPerDay(db, 'survey', SLUG, '2027-01-12', 14);
    expect(days).toHaveLength(14);
    expect(days[0].day).toBe('2026-12-30');
    expect(days.slice(-3)).toEqual([
      { day: '2027-01-10', count: 2 },
      { day: '2027-01-11', count: 1 },
      { day: '2027-01-12', count: 2 },
    ]);
  });
});
