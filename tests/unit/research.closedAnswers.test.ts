import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { surveySchema, type Survey } from '../../src/schemas/survey.ts';
import { otherKey } from '../../src/forms/questions.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { submitSurveyResponse } from '../../src/server/surveySubmissions.ts';
import { analysisFor } from '../../src/server/research/analysis.ts';
import {
  closedAnswersOf,
  closedResponses,
  forgetClosedResponses,
  forgetDeleted,
  keepClosedResponses,
  keepResultsReady,
  readSurveyResults,
} from '../../src/server/research/closedAnswers.ts';
import { deleteResponse, listResponses } from '../../src/server/research/responses.ts';
import { surveyResults, type ResultsFilter } from '../../src/server/research/results.ts';
import { generatedAnswers, random } from '../../bench/lib/generateResponses.ts';
import { researchSurvey } from '../fixtures/researchData.ts';
import { validSurvey } from '../fixtures/content.ts';

const SLUG = 'closed-fixture';

/** Every question type, "Other" text, optional questions (skips) and a condition (not asked). */
const survey: Survey = surveySchema.parse({
  ...validSurvey(),
  askWhoHelped: true,
  questions: [
    ...researchSurvey.questions,
    {
      id: 'tool-name',
      type: 'short-text',
      label: 'Which tool?',
      showIf: { question: 'used-tool', equals: 'yes' },
    },
    { id: 'extra', type: 'short-text', label: 'Anything else?', optional: true },
  ],
});

/** Generated answers, with "Other" text, blank and spaces-only written answers mixed in. */
function answersFor(i: number, next: () => number): Record<string, unknown> {
  const answers = generatedAnswers(survey, next);
  if (i % 5 === 0) answers[otherKey('role')] = `Other role ${i}`;
  if (i % 7 === 0) answers[otherKey('barriers')] = `Barrier ${i}`;
  if (i % 11 === 0) answers.help = '   ';
  if (i % 13 === 0) answers.extra = '';
  return answers;
}

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-closed-'));
  store = openSqliteStore(dir);
});
afterEach(() => {
  forgetClosedResponses(store.database());
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Saves `count` generated responses. */
function seed(count: number, seedNumber = 42) {
  const next = random(seedNumber);
  for (let i = 0; i < count; i++) {
    const answers = answersFor(i, next);
    store.saveResponse({
      kind: 'survey',
      slug: SLUG,
      definitionHash: 'f'.repeat(64),
      consentVersion: '1.0',
      answers,
      consent: { read: true },
      submissionId: randomUUID(),
      receivedOn: `2026-0${1 + (i % 9)}-1${i % 10}`,
    });
  }
}

describe('closed answers', () => {
  it('keep no word a participant wrote', () => {
    const answers = {
      role: 'other',
      [otherKey('role')]: 'CANARY other words',
      help: 'CANARY written answer',
      extra: '  ',
      'tool-name': '',
      caseload: 12,
      'not-a-question': 'CANARY unknown key',
    };
    const closed = closedAnswersOf(survey, answers);
    expect(JSON.stringify(closed)).not.toContain('CANARY');
    expect(closed).toEqual({
      role: 'other',
      [otherKey('role')]: true,
      help: true,
      extra: false,
      caseload: 12,
    });
  });

  it('give the same results as the stored answers, with any filters, a cross-tab and a comparison', () => {
    seed(400);
    const db = store.database();
    const filters: ResultsFilter[] = [
      { sort: 'newest' },
      { sort: 'oldest' },
      { sort: 'newest', where: [{ question: 'used-tool', value: 'yes' }] },
      {
        sort: 'oldest',
        where: [
          { question: 'used-tool', value: 'no' },
          { question: 'barriers', value: 'time' },
        ],
        from: '2026-03-01',
        to: '2026-07-31',
      },
    ];
    const asked = {
      crossTab: { rows: 'role', columns: 'barriers' },
      compare: 'used-tool',
      hideSmall: false,
    };
    for (const filter of filters) {
      const fromJson = analysisFor(survey, asked);
      const expected = surveyResults(survey, listResponses(db, 'survey', SLUG), filter, {
        also: fromJson.sinks,
      });
      const fromClosed = analysisFor(survey, asked);
      const actual = readSurveyResults(db, SLUG, survey, filter, { also: fromClosed.sinks });
      expect(actual).toEqual(expected);
      expect(fromClosed.crossTab!.result()).toEqual(fromJson.crossTab!.result());
      expect(fromClosed.comparison!.tabs.map((t) => t.tab.result())).toEqual(
        fromJson.comparison!.tabs.map((t) => t.tab.result()),
      );
    }
    // The generated set has what the comparison is about: skips, not asked, listed words.
    const { questions } = readSurveyResults(db, SLUG, survey, { sort: 'newest' });
    const tool = questions.find((q) => q.question.id === 'tool-name')!;
    expect(tool.notAsked).toBeGreaterThan(0);
    expect(questions.find((q) => q.question.id === 'caseload')!.skipped).toBeGreaterThan(0);
    const help = questions.find((q) => q.question.id === 'help')!;
    expect(help.kind === 'text' && help.answers[0].text).toMatch(/\w+/);
  });

  it('a search of the words gives what it gave before', () => {
    seed(60);
    const db = store.database();
    const filter: ResultsFilter = { sort: 'newest', search: 'Barrier 1' };
    expect(readSurveyResults(db, SLUG, survey, filter)).toEqual(
      surveyResults(survey, listResponses(db, 'survey', SLUG), filter),
    );
  });

  it('count a response submitted after the last read, and keep the ones read', async () => {
    seed(20);
    const db = store.database();
    const first = closedResponses(db, SLUG, survey);
    expect(first).toHaveLength(20);
    const answers = { role: 'police', 'used-tool': 'no', help: 'CANARY words', confident: 3 };
    const outcome = await submitSurveyResponse(
      store,
      SLUG,
      survey,
      {},
      new Date('2026-12-01T12:00:00Z'),
      {
        validate: async () => ({
          ok: true,
          value: { answers, consent: { read: true }, submissionId: randomUUID() },
        }),
      },
    );
    expect(outcome.outcome).toBe('created');
    const second = closedResponses(db, SLUG, survey);
    // The same list, with the new response added at the end and no word of it kept.
    expect(second).toBe(first);
    expect(second).toHaveLength(21);
    expect(second.at(-1)!.answers).toEqual({
      role: 'police',
      'used-tool': 'no',
      help: true,
      confident: 3,
    });
    expect(JSON.stringify(second)).not.toContain('CANARY');
    expect(readSurveyResults(db, SLUG, survey, { sort: 'newest' }).total).toBe(21);
  });

  it('are read again when the survey’s questions change', () => {
    seed(10);
    const db = store.database();
    const helped = closedResponses(db, SLUG, survey).filter((r) => r.answers.help === true);
    expect(helped.length).toBeGreaterThan(0);
    // "help" is no longer asked: its answers must no longer be kept.
    const changed = surveySchema.parse({
      ...survey,
      questions: survey.questions.filter((q) => q.id !== 'help'),
    });
    expect(closedResponses(db, SLUG, changed).some((r) => 'help' in r.answers)).toBe(false);
  });

  it('forget a deleted response at the next read, even when another came in meanwhile', () => {
    seed(4);
    const db = store.database();
    expect(closedResponses(db, SLUG, survey).map((r) => r.number)).toEqual([1, 2, 3, 4]);
    expect(deleteResponse(db, 'survey', SLUG, 2)).toBe(true);
    expect(closedResponses(db, SLUG, survey).map((r) => r.number)).toEqual([1, 3, 4]);
    // One deleted and one added: the count is the same, but the numbers say what happened.
    expect(deleteResponse(db, 'survey', SLUG, 4)).toBe(true);
    seed(1, 7);
    expect(closedResponses(db, SLUG, survey).map((r) => r.number)).toEqual([1, 3, 5]);
    expect(readSurveyResults(db, SLUG, survey, { sort: 'newest' }).total).toBe(3);
  });

  it('read in the background, a batch at a time, are the ones a results read would keep', async () => {
    seed(4500);
    const db = store.database();
    const reading = keepClosedResponses(db, SLUG, survey);
    // Submitted while the background read pauses between batches: added by the next read.
    seed(2, 9);
    await reading;
    const kept = closedResponses(db, SLUG, survey);
    expect(kept).toHaveLength(4502);
    forgetClosedResponses(db);
    expect(closedResponses(db, SLUG, survey)).toEqual(kept);
  });

  it('are dropped when a response is withdrawn or deleted, and only then', () => {
    seed(5);
    const db = store.database();
    closedResponses(db, SLUG, survey);
    seed(1, 3);
    expect(forgetDeleted(db)).toEqual([]);
    expect(deleteResponse(db, 'survey', SLUG, 3)).toBe(true);
    expect(forgetDeleted(db)).toEqual([SLUG]);
    expect(forgetDeleted(db)).toEqual([]);
    expect(closedResponses(db, SLUG, survey).map((r) => r.number)).toEqual([1, 2, 4, 5, 6]);
  });

  it('are kept ready by the site: read at start, read again after a withdrawal', async () => {
    seed(30);
    const db = store.database();
    const timer = keepResultsReady(db, [{ slug: SLUG, survey }], 20);
    try {
      await new Promise((resolve) => setTimeout(resolve, 30));
      const first = closedResponses(db, SLUG, survey);
      expect(first).toHaveLength(30);
      // Already kept: the results read found them and read nothing.
      expect(closedResponses(db, SLUG, survey)).toBe(first);
      expect(deleteResponse(db, 'survey', SLUG, 7)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 80));
      const again = closedResponses(db, SLUG, survey);
      expect(again).not.toBe(first);
      expect(again.map((r) => r.number)).not.toContain(7);
      expect(again).toHaveLength(29);
    } finally {
      clearInterval(timer);
    }
  });
});
