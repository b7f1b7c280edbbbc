import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CodeNameTakenError,
  CodeParentError,
  codePath,
  codesOfResponse,
  createCode,
  deleteCode,
  listCodes,
  mergeCodes,
  quotesAsText,
  quotesByCode,
  renameCode,
  setAnswerCodes,
} from '../../src/server/research/coding.ts';
import { addExcerpt, excerptsOfResponse } from '../../src/server/research/excerpts.ts';
import { quoteSourceText } from '../../src/server/research/quoteSource.ts';
import { deleteResponse } from '../../src/server/research/responses.ts';
import { migrations } from '../../src/server/migrations.ts';
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

const namesAndUses = (codes: { name: string; uses: number }[]) =>
  codes.map((c) => [c.name, c.uses]);

describe('the project codebook', () => {
  it('creates, counts, renames and deletes codes', () => {
    const db = store.database();
    const time = createCode(db, ' Time ', 'Not enough time');
    const records = createCode(db, 'Shared records');
    expect(() => createCode(db, 'Time')).toThrow(CodeNameTakenError);

    expect(setAnswerCodes(db, 1, 'help', [time])).toEqual([time]);
    expect(setAnswerCodes(db, 4, 'help', [time, records, time])).toEqual([time, records]);
    setAnswerCodes(db, 3, 'help', [records]);
    setAnswerCodes(db, 3, 'role-other', [records]);
    expect(namesAndUses(listCodes(db))).toEqual([
      ['Shared records', 3],
      ['Time', 2],
    ]);

    // Replacing an answer's codes removes the ones not sent.
    setAnswerCodes(db, 4, 'help', [records]);
    expect(codesOfResponse(db, 4)).toEqual(new Map([['help', [records]]]));

    expect(renameCode(db, time, 'Time pressure', 'Rushed')).toBe(true);
    expect(() => renameCode(db, time, 'Shared records')).toThrow(CodeNameTakenError);
    expect(deleteCode(db, records)).toBe(true);
    expect(listCodes(db)).toEqual([
      { id: time, name: 'Time pressure', description: 'Rushed', parentId: null, uses: 1 },
    ]);
    expect(codesOfResponse(db, 3).size).toBe(0);
    expect(renameCode(db, 999, 'Nothing')).toBe(false);
    expect(setAnswerCodes(db, 1, 'help', [999])).toEqual([]);
  });

  it('keeps code names unique whatever their case, "Time pressure" as "TIME PRESSURE"', () => {
    const db = store.database();
    const time = createCode(db, 'Time pressure');
    const stress = createCode(db, 'Stress');
    expect(() => createCode(db, ' time pressure ')).toThrow(CodeNameTakenError);
    expect(() => createCode(db, 'ÉTÉ')).not.toThrow();
    expect(() => createCode(db, 'été')).toThrow(CodeNameTakenError);
    expect(() => renameCode(db, stress, 'TIME PRESSURE')).toThrow(CodeNameTakenError);
    // A code may change the case of its own name.
    expect(renameCode(db, time, 'Time Pressure')).toBe(true);
    expect(listCodes(db).map((c) => c.name)).toEqual(['Stress', 'Time Pressure', 'ÉTÉ']);
  });

  it('nests child codes one level under a parent, listed after it', () => {
    const db = store.database();
    const workload = createCode(db, 'Workload');
    const time = createCode(db, 'Time', '', workload);
    const forms = createCode(db, 'Forms', '', workload);
    const access = createCode(db, 'Access');
    expect(listCodes(db).map((c) => [c.name, c.parentId])).toEqual([
      ['Access', null],
      ['Workload', null],
      ['Forms', workload],
      ['Time', workload],
    ]);
    const codes = listCodes(db);
    expect(
      codePath(
        codes,
        codes.find((c) => c.id === time)!,
      ),
    ).toBe('Workload › Time');
    // A child cannot be a parent, a parent cannot become a child, nor its own parent.
    expect(() => createCode(db, 'Deep', '', time)).toThrow(CodeParentError);
    expect(() => renameCode(db, workload, 'Workload', '', access)).toThrow(CodeParentError);
    expect(() => renameCode(db, access, 'Access', '', access)).toThrow(CodeParentError);
    expect(() => createCode(db, 'Orphan', '', 999)).toThrow(CodeParentError);
    expect(renameCode(db, forms, 'Forms', '', access)).toBe(true);
    // Deleting a parent leaves its children as top-level codes, with their uses.
    setAnswerCodes(db, 1, 'help', [time]);
    expect(deleteCode(db, workload)).toBe(true);
    expect(listCodes(db).find((c) => c.id === time)).toMatchObject({ parentId: null, uses: 1 });
  });

  it('merges one code into another, moving every answer and passage to the kept code', () => {
    const db = store.database();
    const time = createCode(db, 'Time pressure');
    const rushed = createCode(db, 'Rushed');
    const child = createCode(db, 'Rushed meetings', '', rushed);
    setAnswerCodes(db, 1, 'help', [time, rushed]);
    setAnswerCodes(db, 2, 'help', [rushed]);
    addExcerpt(db, 4, 'help', { start: 0, end: 9, quote: 'MORE time' }, [rushed]);
    expect(mergeCodes(db, time, time)).toBeUndefined();
    expect(mergeCodes(db, time, 999)).toBeUndefined();

    // Response 1 already had "Time pressure": it keeps one, not two.
    expect(mergeCodes(db, time, rushed)).toBe(2);
    expect(namesAndUses(listCodes(db))).toEqual([
      ['Time pressure', 3],
      ['Rushed meetings', 0],
    ]);
    expect(listCodes(db).find((c) => c.id === child)!.parentId).toBe(time);
    expect(codesOfResponse(db, 2)).toEqual(new Map([['help', [time]]]));
    expect(excerptsOfResponse(db, 4).map((e) => [e.codeId, e.quote])).toEqual([
      [time, 'MORE time'],
    ]);
  });

  it('gives quotes per code with their source, and drops them with the response', () => {
    const db = store.database();
    const code = createCode(db, 'Time');
    setAnswerCodes(db, 1, 'help', [code]);
    setAnswerCodes(db, 2, 'help', [code]);
    addExcerpt(db, 4, 'help', { start: 0, end: 9, quote: 'MORE time' }, [code]);
    const quotes = quotesByCode(db, 'survey', SLUG).get(code)!;
    expect(quotes.map((q) => [q.responseNumber, q.role, q.text])).toEqual([
      [1, 'teacher', 'More time to talk'],
      [2, 'police', '<script>window.__xss=1</script>'],
      [4, 'prefer-not-to-say', 'MORE time'],
    ]);
    const activity = {
      title: 'Practitioners survey',
      noun: 'Response',
      roles: [{ value: 'teacher', label: 'Teacher' }],
    };
    expect(quotesAsText(quotes.slice(0, 2), (q) => quoteSourceText(activity, q))).toBe(
      '“More time to talk”\n(Practitioners survey, response 1, Teacher)\n\n' +
        '“<script>window.__xss=1</script>”\n(Practitioners survey, response 2, role not given)',
    );
    expect(quotesByCode(db, 'survey', 'other-survey').size).toBe(0);

    expect(deleteResponse(db, 'survey', SLUG, 1)).toBe(true);
    expect(deleteResponse(db, 'survey', SLUG, 4)).toBe(true);
    expect(
      quotesByCode(db, 'survey', SLUG)
        .get(code)!
        .map((q) => q.responseId),
    ).toEqual([2]);
    expect(listCodes(db)[0].uses).toBe(1);
  });
});

describe('moving per-survey codes into the shared codebook (migration 14)', () => {
  it('merges same-named codes of different activities and keeps every application', () => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(path.join(tmpdir(), 'sg-coding-old-'));
    // A database made with the schema before the shared codebook.
    const old = openSqliteStore(
      dir,
      migrations.filter((m) => m.version < 14),
    );
    for (let i = 0; i < 4; i++)
      old.saveResponse(newResearchResponse(i, i < 2 ? 'first' : 'second'));
    const db = old.database();
    const add = db.prepare(
      'INSERT INTO codes (activity_kind, activity_slug, name, description) VALUES (?, ?, ?, ?)',
    );
    const tag = db.prepare(
      'INSERT INTO answer_codes (response_id, question_id, code_id) VALUES (?, ?, ?)',
    );
    add.run('survey', 'first', 'Time pressure', ''); // 1
    add.run('survey', 'first', 'Records', 'Shared records'); // 2
    add.run('survey', 'second', 'time pressure ', 'Not enough time'); // 3
    add.run('journey', 'second', 'Explanation', ''); // 4
    tag.run(1, 'help', 1);
    tag.run(1, 'help', 2);
    tag.run(2, 'help', 1);
    tag.run(3, 'help', 3);
    tag.run(3, 'role-other', 3);
    tag.run(4, 'help', 4);
    old.close();

    store = openSqliteStore(dir);
    const now = store.database();
    expect(listCodes(now)).toEqual([
      { id: 4, name: 'Explanation', description: '', parentId: null, uses: 1 },
      { id: 2, name: 'Records', description: 'Shared records', parentId: null, uses: 1 },
      { id: 1, name: 'Time pressure', description: 'Not enough time', parentId: null, uses: 4 },
    ]);
    expect(codesOfResponse(now, 3)).toEqual(
      new Map([
        ['help', [1]],
        ['role-other', [1]],
      ]),
    );
    // The new tables keep their cascades: deleting a response removes its tags.
    expect(deleteResponse(now, 'survey', 'first', 1)).toBe(true);
    expect(listCodes(now).find((c) => c.id === 2)!.uses).toBe(0);
    expect(createCode(now, 'New', '', 1)).toBeGreaterThan(4);
  });
});
