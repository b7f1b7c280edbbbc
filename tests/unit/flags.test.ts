import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addResearcher } from '../../src/server/auth/accounts.ts';
import { activityName, answerLabel } from '../../src/server/research/flagLabels.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import {
  countOpenFlags,
  findRiskPhrases,
  flagsOnResponse,
  getFlag,
  listFlags,
  riskPhraseSpans,
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

  it('signs each note with the researcher’s email, and finds the flags on a response', () => {
    const db = store.database();
    const responseId = storedResponse();
    const lead = addResearcher(db, {
      email: 'lead@example.org',
      role: 'researcher',
      passwordHash: 'x',
    });
    const flagId = raiseFlag(db, {
      responseId,
      kind: 'survey',
      slug: 'practitioners',
      match: { phrases: ['hit me'], questions: ['story'] },
      raisedOn: '2026-11-26',
    });
    recordFlagAction(db, {
      flagId,
      researcherId: lead,
      note: 'Told the lead',
      close: false,
      at: 'now',
    });
    expect(getFlag(db, flagId)!.actions[0]).toMatchObject({ researcherEmail: 'lead@example.org' });
    expect(flagsOnResponse(db, responseId).map((f) => f.id)).toEqual([flagId]);
    expect(flagsOnResponse(db, responseId + 1)).toEqual([]);
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

describe('risk phrases in the participant’s own words', () => {
  const marked = (text: string, phrases: string[]) =>
    riskPhraseSpans(text, phrases).map((s) => text.slice(s.start, s.end));

  it('marks the very words, as they were written', () => {
    expect(marked('He said: Hit  me! when mum was out.', ['hit me'])).toEqual(['Hit  me']);
    expect(marked('Il a dit « frappé » deux fois', ['frappe'])).toEqual(['frappé']);
    expect(marked('hit me, then hit me again', ['hit me'])).toEqual(['hit me', 'hit me']);
  });

  it('marks whole words only, and overlapping phrases once', () => {
    expect(marked('She was disabused of it', ['abuse'])).toEqual([]);
    expect(marked('he hits me often', ['hits me', 'hits'])).toEqual(['hits me']);
    expect(marked('😀 hits me', ['hits me'])).toEqual(['hits me']);
  });
});

describe('what a flag names', () => {
  const labels = new Map([
    ['what-would-help', 'What would help?'],
    ['timeline', 'A shared timeline'],
  ]);
  it('names answers by their labels, not their short names', () => {
    expect(answerLabel('what-would-help', labels)).toBe('What would help?');
    expect(answerLabel('stages.2.happened', labels)).toBe('Stage 3: what happened');
    expect(answerLabel('stages.0.wouldHaveHelped', labels)).toBe('Stage 1: what would have helped');
    expect(answerLabel('why.timeline', labels)).toBe('Why, about “A shared timeline”');
    expect(answerLabel('comment', labels)).toBe('Comment');
    expect(answerLabel('something-else', labels)).toBe('something-else');
  });
  it('names the activity by its title', () => {
    expect(activityName('survey', 'Families and ECDP members', 'families-and-ecdp-members')).toBe(
      'Survey: Families and ECDP members',
    );
    expect(activityName('journey', undefined, 'old-journey')).toBe('Journey mapping: old-journey');
  });
});
