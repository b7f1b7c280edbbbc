import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveFeedback } from '../../src/server/feedbackStore.ts';
import { setAnswerCodes, createCode } from '../../src/server/research/coding.ts';
import { raiseFlag } from '../../src/server/research/flags.ts';
import {
  browseFromQuery,
  browseResponses,
  browserQuery,
  idOfNumber,
  neighbours,
  numberOfId,
  PAGE_SIZE,
  parseBrowserQuery,
} from '../../src/server/research/responseBrowser.ts';
import { deleteResponse } from '../../src/server/research/responses.ts';
import { migrations } from '../../src/server/migrations.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import { newResearchResponse } from '../fixtures/researchData.ts';
import { useTempStore } from '../helpers/tempStore.ts';

const temp = useTempStore('sg-browser-');
const SLUG = 'research-fixture';
const ROLES = ['teacher', 'police', 'other', 'prefer-not-to-say'];

/** Five responses to SLUG, interleaved with others' so global ids and numbers differ. */
function fill() {
  for (let i = 0; i < 5; i++) {
    temp.store.saveResponse(newResearchResponse(i));
    temp.store.saveResponse(newResearchResponse(i, 'another-survey'));
  }
  return idsOf(SLUG);
}

const idsOf = (slug: string) =>
  (
    temp.store
      .database()
      .prepare('SELECT id FROM responses WHERE activity_slug = ? ORDER BY id')
      .all(slug) as { id: number }[]
  ).map((r) => Number(r.id));

const numbers = (page: { rows: { number: number }[] }) => page.rows.map((r) => r.number);

describe('numbers within an activity', () => {
  it('numbers each activity from 1, whatever the global ids', () => {
    const ids = fill();
    const db = temp.store.database();
    expect(ids).toEqual([1, 3, 5, 7, 9]);
    expect(ids.map((id) => numberOfId(db, 'survey', SLUG, id))).toEqual([1, 2, 3, 4, 5]);
    expect(numberOfId(db, 'survey', 'another-survey', 2)).toBe(1);
    expect(idOfNumber(db, 'survey', SLUG, 3)).toBe(5);
    // An id from another activity is not found here.
    expect(numberOfId(db, 'survey', SLUG, 2)).toBeUndefined();
    expect(idOfNumber(db, 'journey', SLUG, 3)).toBeUndefined();
  });

  it('leaves a gap when a response is withdrawn and never gives its number again', () => {
    const ids = fill();
    const db = temp.store.database();
    deleteResponse(db, 'survey', SLUG, ids[4]);
    deleteResponse(db, 'survey', SLUG, ids[1]);
    temp.store.saveResponse(newResearchResponse(0));
    expect(numberOfId(db, 'survey', SLUG, idsOf(SLUG).at(-1)!)).toBe(6);
    expect(numbers(browseResponses(db, 'survey', SLUG, {}, 1))).toEqual([1, 3, 4, 6]);
  });

  it('numbers prototype feedback within its prototype', () => {
    const db = temp.store.database();
    const save = (slug: string) =>
      saveFeedback(db, {
        slug,
        scopeVersion: '1',
        definitionHash: 'd'.repeat(64),
        receivedOn: '2027-01-10',
        sourceGroup: randomUUID(),
        feedback: {
          submissionId: randomUUID(),
          reactions: [],
          comment: '',
          role: 'parent-carer',
          consentQuote: false,
          consentShow: false,
        },
      }) as { id: number };
    save('one');
    const second = save('two');
    const third = save('one');
    expect(numberOfId(db, 'prototype', 'two', second.id)).toBe(1);
    expect(numberOfId(db, 'prototype', 'one', third.id)).toBe(2);
    raiseFlag(db, {
      feedbackId: third.id,
      kind: 'prototype',
      slug: 'one',
      match: { phrases: ['x'], questions: ['comment'] },
      raisedOn: '2027-01-10',
    });
    expect(numbers(browseResponses(db, 'prototype', 'one', { flagged: 'yes' }, 1))).toEqual([2]);
    expect(browseResponses(db, 'prototype', 'one', { role: 'parent-carer' }, 1).total).toBe(2);
  });
});

describe('the response browser', () => {
  it('filters by role, dates, flag and codes, together', () => {
    const ids = fill();
    const db = temp.store.database();
    raiseFlag(db, {
      responseId: ids[4],
      kind: 'survey',
      slug: SLUG,
      match: { phrases: ['scared'], questions: ['help'] },
      raisedOn: '2027-01-12',
    });
    const code = createCode(db, 'Time');
    setAnswerCodes(db, ids[0], 'help', [code]);

    const all = browseResponses(db, 'survey', SLUG, {}, 1);
    expect(all.total).toBe(5);
    expect(all.rows[0]).toEqual({
      number: 1,
      receivedOn: '2027-01-10',
      role: 'teacher',
      flagged: false,
      coded: true,
    });
    expect(numbers(browseResponses(db, 'survey', SLUG, { role: 'teacher' }, 1))).toEqual([1, 5]);
    expect(numbers(browseResponses(db, 'survey', SLUG, { flagged: 'yes' }, 1))).toEqual([5]);
    expect(numbers(browseResponses(db, 'survey', SLUG, { flagged: 'no' }, 1))).toEqual([
      1, 2, 3, 4,
    ]);
    expect(numbers(browseResponses(db, 'survey', SLUG, { coded: 'no' }, 1))).toEqual([2, 3, 4, 5]);
    expect(
      numbers(browseResponses(db, 'survey', SLUG, { from: '2027-01-11', to: '2027-01-12' }, 1)),
    ).toEqual([3, 4, 5]);
    expect(
      numbers(
        browseResponses(
          db,
          'survey',
          SLUG,
          { role: 'teacher', flagged: 'yes', to: '2027-01-12' },
          1,
        ),
      ),
    ).toEqual([5]);
  });

  it('pages, keeping the page within range', () => {
    const db = temp.store.database();
    for (let i = 0; i < PAGE_SIZE + 3; i++) temp.store.saveResponse(newResearchResponse(i % 5));
    const second = browseResponses(db, 'survey', SLUG, {}, 2);
    expect(second).toMatchObject({ total: PAGE_SIZE + 3, page: 2, pages: 2 });
    expect(numbers(second)).toEqual([PAGE_SIZE + 1, PAGE_SIZE + 2, PAGE_SIZE + 3]);
    expect(browseResponses(db, 'survey', SLUG, {}, 99).page).toBe(2);
    expect(browseResponses(db, 'survey', 'nothing-here', {}, 1)).toEqual({
      rows: [],
      total: 0,
      page: 1,
      pages: 1,
    });
  });

  it('gives next and previous within the filtered list', () => {
    const ids = fill();
    const db = temp.store.database();
    deleteResponse(db, 'survey', SLUG, ids[2]);
    expect(neighbours(db, 'survey', SLUG, 2)).toEqual({
      previous: 1,
      next: 4,
      position: 2,
      total: 4,
    });
    expect(neighbours(db, 'survey', SLUG, 1)).toMatchObject({ previous: undefined, next: 2 });
    expect(neighbours(db, 'survey', SLUG, 5)).toMatchObject({ previous: 4, next: undefined });
    expect(neighbours(db, 'survey', SLUG, 1, { role: 'teacher' })).toEqual({
      previous: undefined,
      next: 5,
      position: 1,
      total: 2,
    });
    // A response outside the filter still gets its neighbours in the filtered list.
    expect(neighbours(db, 'survey', SLUG, 2, { role: 'teacher' })).toEqual({
      previous: 1,
      next: 5,
      position: undefined,
      total: 2,
    });
  });
});

describe('the browser’s query string', () => {
  const parse = (query: string, codable = true) =>
    parseBrowserQuery(new URLSearchParams(query), ROLES, codable);

  it('reads the filters and page, and writes them back', () => {
    const parsed = parse('role=police&from=2027-01-01&to=2027-01-31&flagged=yes&coded=no&page=3');
    expect(parsed).toEqual({
      ok: true,
      filter: { role: 'police', from: '2027-01-01', to: '2027-01-31', flagged: 'yes', coded: 'no' },
      page: 3,
    });
    if (!parsed.ok) return;
    expect(browserQuery(parsed.filter, parsed.page)).toBe(
      '?role=police&from=2027-01-01&to=2027-01-31&flagged=yes&coded=no&page=3',
    );
    expect(browserQuery({}, 1)).toBe('');
    expect(parse('role=&from=&page=')).toEqual({ ok: true, filter: {}, page: 1 });
  });

  it('refuses what the activity does not offer, with a message', () => {
    for (const query of [
      'role=password_hash',
      'from=2027-13-01',
      'to=yesterday',
      'from=2027-02-01&to=2027-01-01',
      'flagged=maybe',
      'coded=1',
      'page=0',
      'page=-1',
      'page=1e3',
    ]) {
      const parsed = parse(query);
      expect(parsed.ok, query).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/^[A-Z].*\.$/);
    }
    // Prototype feedback has no codes, so `coded` is not read.
    expect(parse('coded=whatever', false)).toEqual({ ok: true, filter: {}, page: 1 });
  });
});

describe('a list page’s query', () => {
  it('sends a database id on to its number, and finds no id from elsewhere', () => {
    fill();
    const db = temp.store.database();
    const browse = (query: string) =>
      browseFromQuery(db, 'survey', SLUG, new URLSearchParams(query), ROLES);
    expect(browse('id=5')).toEqual({ redirectTo: 3 });
    expect(browse('id=2')).toEqual({ redirectTo: null });
    expect(browse('id=nope')).toEqual({ redirectTo: null });
    const listed = browse('role=teacher');
    expect(listed.redirectTo).toBeUndefined();
    if (listed.redirectTo === undefined) expect(listed.found?.total).toBe(2);
    const refused = browse('role=nobody');
    if (refused.redirectTo === undefined) {
      expect(refused.parsed.ok).toBe(false);
      expect(refused.found).toBeUndefined();
    }
  });
});

describe('numbering responses that came before it (migration 13)', () => {
  it('keeps each old response’s id as its number, so old links still open it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sg-numbers-'));
    try {
      const before = openSqliteStore(
        dir,
        migrations.filter((m) => m.version < 13),
      );
      before.saveResponse(newResearchResponse(0));
      before.saveResponse(newResearchResponse(1, 'another-survey'));
      before.saveResponse(newResearchResponse(2));
      before.close();

      const after = openSqliteStore(dir);
      const db = after.database();
      expect(numberOfId(db, 'survey', SLUG, 1)).toBe(1);
      expect(numberOfId(db, 'survey', 'another-survey', 2)).toBe(2);
      expect(numberOfId(db, 'survey', SLUG, 3)).toBe(3);
      // New responses carry on after the highest number of their own activity.
      after.saveResponse(newResearchResponse(3));
      after.saveResponse(newResearchResponse(4, 'another-survey'));
      expect(numberOfId(db, 'survey', SLUG, 4)).toBe(4);
      expect(numberOfId(db, 'survey', 'another-survey', 5)).toBe(3);
      after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
