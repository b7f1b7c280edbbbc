import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { surveySchema } from '../../src/schemas/index.ts';
import { FailureLimiter } from '../../src/server/rateLimit.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import {
  DEFAULT_SUBMISSIONS_PER_HOUR,
  submissionLimits,
} from '../../src/server/submissionLimit.ts';
import { submitSurveyResponse } from '../../src/server/surveySubmissions.ts';
import { surveyFormPost } from '../../src/server/surveyFormPost.ts';
import { ROOT } from '../helpers/contentFiles.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';

const practitioners = surveySchema.parse(
  parse(readFileSync(path.join(ROOT, 'content/surveys/practitioners.yml'), 'utf8')),
);
const OPEN_DAY = new Date('2026-11-26T14:00:00Z');

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-submission-limit-'));
  store = openSqliteStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const stored = () => store.countResponses('survey', 'practitioners');

describe('the per-address submission limit', () => {
  it('is generous by default and set by SUBMISSION_LIMIT_PER_HOUR', () => {
    expect(submissionLimits({}).perClient).toEqual({
      max: DEFAULT_SUBMISSIONS_PER_HOUR,
      windowMs: 3_600_000,
    });
    expect(submissionLimits({ SUBMISSION_LIMIT_PER_HOUR: '400' }).perClient.max).toBe(400);
    expect(submissionLimits({ SUBMISSION_LIMIT_PER_HOUR: 'lots' }).perClient.max).toBe(
      DEFAULT_SUBMISSIONS_PER_HOUR,
    );
  });

  it('refuses new submissions past the allowance, stores nothing, and never counts a retry', async () => {
    const limiter = new FailureLimiter(submissionLimits({ SUBMISSION_LIMIT_PER_HOUR: '3' }));
    const fromOffice = { limiter, client: 'office' };
    const submit = (body: unknown, limit = fromOffice, now = OPEN_DAY) =>
      submitSurveyResponse(store, 'practitioners', practitioners, body, now, { limit });

    const first = practitionersSubmission();
    expect((await submit(first)).outcome).toBe('created');
    // A retry, as an offline queue or a double press sends, many times over: never counted.
    for (let i = 0; i < 5; i++) expect((await submit(first)).outcome).toBe('replayed');
    expect((await submit(practitionersSubmission())).outcome).toBe('created');
    expect((await submit(practitionersSubmission())).outcome).toBe('created');
    expect(stored()).toBe(3);

    const refused = await submit(practitionersSubmission());
    expect(refused).toEqual({ outcome: 'rate-limited', retryAfterSeconds: 3600 });
    expect(stored()).toBe(3);
    // Still a retry of something stored: its receipt comes back.
    expect((await submit(first)).outcome).toBe('replayed');
    // Another address is not affected, and the hour passing frees this one.
    expect((await submit(practitionersSubmission(), { limiter, client: 'home' })).outcome).toBe(
      'created',
    );
    const later = new Date(OPEN_DAY.getTime() + 3_600_001);
    expect((await submit(practitionersSubmission(), fromOffice, later)).outcome).toBe('created');
  });

  it('answers the no-JavaScript form with 429 and a notice saying nothing was sent', async () => {
    const limiter = new FailureLimiter(submissionLimits({ SUBMISSION_LIMIT_PER_HOUR: '1' }));
    const limit = { limiter, client: 'office' };
    await submitSurveyResponse(
      store,
      'practitioners',
      practitioners,
      practitionersSubmission(),
      OPEN_DAY,
      { limit },
    );
    const answers = practitionersSubmission();
    const form = new URLSearchParams({ step: 'check', submissionId: answers.submissionId });
    for (const [id, value] of Object.entries(answers.answers)) {
      for (const one of [value].flat()) form.append(`answers.${id}`, String(one));
    }
    for (const id of Object.keys(answers.consent)) form.append(`consent.${id}`, 'yes');
    const { status, state } = await surveyFormPost(
      store,
      'practitioners',
      practitioners,
      form,
      OPEN_DAY,
      [],
      limit,
    );
    expect(status).toBe(429);
    expect(state.notice).toMatch(
      /answers were not sent yet\. Please press the button again in 60 minutes/,
    );
    expect(stored()).toBe(1);
  });
});
