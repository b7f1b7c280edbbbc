import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countDue,
  describePurge,
  dueForDeletion,
  keepUntil,
  purgeExpired,
} from '../../src/server/research/purge.ts';
import { readSurveyFiles } from '../../src/server/contentFiles.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { newResearchResponse } from '../fixtures/researchData.ts';

const survey = (slug: string, closes: string, retentionMonths: number) => ({
  slug,
  survey: { title: slug, closes: new Date(closes), retentionMonths },
});

const surveys = [
  survey('pilot', '2026-10-31', 12), // kept until 2027-10-31
  survey('short', '2026-10-31', 4), // kept until 2027-02-28 (no 31 February)
  survey('main', '2027-03-31', 24), // kept until 2029-03-31
];
// Noon UTC is the same calendar day in London, in winter and summer.
const on = (day: string) => new Date(`${day}T12:00:00Z`);

describe('dueForDeletion', () => {
  it('keeps answers for retentionMonths after closing, clamping to the month’s last day', () => {
    expect(surveys.map((s) => keepUntil(s.survey))).toEqual([
      '2027-10-31',
      '2027-02-28',
      '2029-03-31',
    ]);
  });

  it('selects exactly the surveys past their retention', () => {
    const due = (day: string) => dueForDeletion(surveys, on(day)).map((s) => s.slug);
    expect(due('2026-11-26')).toEqual([]);
    expect(due('2027-02-28')).toEqual([]);
    expect(due('2027-03-01')).toEqual(['short']);
    expect(due('2027-10-31')).toEqual(['short']);
    expect(due('2027-11-01')).toEqual(['pilot', 'short']);
    expect(due('2029-04-01')).toEqual(['pilot', 'short', 'main']);
  });

  it('uses the UK calendar day', () => {
    // 1 March 2027 00:30 GMT (London is on GMT in March before the last Sunday).
    expect(dueForDeletion(surveys, new Date('2027-03-01T00:30:00Z')).map((s) => s.slug)).toEqual([
      'short',
    ]);
    // 31 October 2027 23:30 UTC is still 31 October in London (back on GMT that morning).
    expect(dueForDeletion(surveys, new Date('2027-10-31T23:30:00Z')).map((s) => s.slug)).toEqual([
      'short',
    ]);
  });

  it('reads the real survey files with the content schema', () => {
    const files = readSurveyFiles();
    expect(files.map((f) => f.slug)).toEqual([
      'families-and-ecdp-members',
      'pilot-conversations',
      'practitioners',
    ]);
    expect(dueForDeletion(files, on('2027-11-01')).map((f) => f.slug)).toEqual([
      'pilot-conversations',
    ]);
  });
});

describe('purgeExpired', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-purge-'));
    store = openSqliteStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a response with an open safeguarding flag, and expired journey maps go too', () => {
    const flagged = {
      ...newResearchResponse(0, 'short'),
      riskMatch: { phrases: ['hit me'], questions: ['help'] },
    };
    store.saveResponse(flagged);
    store.saveResponse(newResearchResponse(1, 'short'));
    store.saveResponse({ ...newResearchResponse(2, 'short'), kind: 'journey' });
    const db = store.database();
    const entries = [
      { slug: 'short', survey: surveys[1].survey },
      { slug: 'short', survey: surveys[1].survey, kind: 'journey' as const },
    ];
    const report = purgeExpired(db, entries, on('2027-03-01'));
    expect(report.map((r) => r.deleted)).toEqual([1, 1]);
    // The flagged one stays until its flag is closed.
    expect(store.countResponses('survey', 'short')).toBe(1);
    expect(store.countResponses('journey', 'short')).toBe(0);
    db.prepare(`UPDATE flags SET status = 'closed'`).run();
    expect(purgeExpired(db, entries, on('2027-03-01')).map((r) => r.deleted)).toEqual([1, 0]);
    expect(store.countResponses('survey', 'short')).toBe(0);
  });

  it('deletes exactly the expired survey’s responses, physically, a day after retention', () => {
    const canary = 'CANARY-purged-answer-7f3a';
    store.saveResponse({ ...newResearchResponse(0, 'short'), answers: { help: canary } });
    store.saveResponse(newResearchResponse(1, 'short'));
    store.saveResponse(newResearchResponse(2, 'pilot'));
    store.saveResponse(newResearchResponse(3, 'main'));
    store.saveResponse(newResearchResponse(4, 'no-definition'));
    const db = store.database();

    expect(countDue(db, surveys, on('2027-02-28'))).toBe(0);
    expect(purgeExpired(db, surveys, on('2027-02-28'))).toEqual([]);
    expect(countDue(db, surveys, on('2027-03-01'))).toBe(2);

    const report = purgeExpired(db, surveys, on('2027-03-01'));
    expect(report).toEqual([{ slug: 'short', keepUntil: '2027-02-28', deleted: 2 }]);
    expect(describePurge(report)).toBe(
      'Retention: deleted 2 responses (short: 2, kept until 2027-02-28).',
    );
    expect(
      ['short', 'pilot', 'main', 'no-definition'].map((s) => store.countResponses('survey', s)),
    ).toEqual([0, 1, 1, 1]);
    // secure_delete + WAL checkpoint: the words are gone from every database file (G22).
    for (const file of readdirSync(dir)) {
      expect(readFileSync(path.join(dir, file)).includes(canary)).toBe(false);
    }
  });
});
