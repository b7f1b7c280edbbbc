import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import {
  countOpenFlags,
  findRiskPhrases,
  getFlag,
  listFlags,
  raiseFlag,
  recordFlagAction,
} from '../../src/server/research/flags.ts';

const PHRASES = ['hit me', 'not safe at home', 'abuse'];

describe('finding risk phrases in free text', () => {
  it('matches whole phrases whatever the case, spacing and punctuation', () => {
    expect(
      findRiskPhrases(
        { story: 'My dad HIT   me, and I am not safe at home!', role: 'teacher' },
        PHRASES,
      ),
    ).toEqual({ phrases: ['hit me', 'not safe at home'], questions: ['story'] });
  });

  it('does not match inside other words, or in answers that are not text', () => {
    expect(
      findRiskPhrases({ story: 'I was disabused of that idea', n: 3 }, PHRASES),
    ).toBeUndefined();
  });

  it('looks at "Other, please say" answers too', () => {
    expect(findRiskPhrases({ 'role-other': 'Abuse survivor' }, PHRASES)?.questions).toEqual([
      'role-other',
    ]);
  });
});

describe('flags in the database', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-flags-'));
    store = openSqliteStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function storedResponse() {
    store.saveResponse({
      kind: 'survey',
      slug: 'practitioners',
      definitionHash: 'h',
      consentVersion: '1.0',
      answers: { story: 'He hit me' },
      consent: { agree: true },
      submissionId: crypto.randomUUID(),
      receivedOn: '2026-11-26',
    });
    const db = store.database();
    return (db.prepare('SELECT MAX(id) AS id FROM responses').get() as { id: number }).id;
  }

  it('keeps a history of what was done, and closes only when asked', () => {
    const db = store.database();
    const responseId = storedResponse();
    raiseFlag(db, {
      responseId,
      kind: 'survey',
      slug: 'practitioners',
      match: { phrases: ['hit me'], questions: ['story'] },
      raisedOn: '2026-11-26',
    });
    const [flag] = listFlags(db);
    expect(flag).toMatchObject({ responseId, status: 'open', phrases: ['hit me'] });
    expect(countOpenFlags(db)).toBe(1);

    recordFlagAction(db, {
      flagId: flag.id,
      researcherId: 1,
      note: 'Told the lead',
      close: false,
      at: '2026-11-26T10:00:00Z',
    });
    recordFlagAction(db, {
      flagId: flag.id,
      researcherId: 2,
      note: 'Lead agrees: closed',
      close: true,
      at: '2026-11-26T11:00:00Z',
    });
    const { flag: after, actions } = getFlag(db, flag.id)!;
    expect(after.status).toBe('closed');
    expect(actions.map((a) => [a.note, a.closed])).toEqual([
      ['Told the lead', false],
      ['Lead agrees: closed', true],
    ]);
    expect(countOpenFlags(db)).toBe(0);
    expect(
      recordFlagAction(db, { flagId: 999, researcherId: 1, note: 'x', close: true, at: 'now' }),
    ).toBe(false);
  });

  it('outlives a withdrawn response, without its words', () => {
    const db = store.database();
    const responseId = storedResponse();
    raiseFlag(db, {
      responseId,
      kind: 'survey',
      slug: 'practitioners',
      match: { phrases: ['hit me'], questions: ['story'] },
      raisedOn: '2026-11-26',
    });
    db.prepare('DELETE FROM responses WHERE id = ?').run(responseId);
    expect(listFlags(db)[0]).toMatchObject({ responseId: null, phrases: ['hit me'] });
  });
});

describe('risk phrases in a journey map', () => {
  it('are found inside stages, named by their place', () => {
    const answers = {
      role: 'parent',
      stages: [{ name: 'Start', happened: 'I was not safe at home' }],
    };
    expect(findRiskPhrases(answers, PHRASES)).toEqual({
      phrases: ['not safe at home'],
      questions: ['stages.0.happened'],
    });
  });
});
