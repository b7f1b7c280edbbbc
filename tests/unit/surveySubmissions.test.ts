import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { surveySchema, type Survey } from '../../src/schemas/index.ts';
import { DATABASE_FILE, openSqliteStore } from '../../src/server/sqliteStore.ts';
import { StoreBusyError, type Store } from '../../src/server/store.ts';
import { RECEIPT_PATTERN } from '../../src/server/receipts.ts';
import {
  CONFLICT_MESSAGE,
  definitionHash,
  submitSurveyResponse,
  surveyAvailability,
} from '../../src/server/surveySubmissions.ts';
import { ROOT } from '../helpers/contentFiles.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';

const yamlText = readFileSync(path.join(ROOT, 'content/surveys/practitioners.yml'), 'utf8');
const load = (text = yamlText): Survey => surveySchema.parse(parse(text));
const practitioners = load();
/** Mid-afternoon on a day the practitioners survey is open. */
const OPEN_DAY = new Date('2026-11-26T14:00:00Z');

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-submissions-'));
  store = openSqliteStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const submit = (body: unknown, survey: Survey | undefined = practitioners, now = OPEN_DAY) =>
  submitSurveyResponse(store, 'practitioners', survey, body, now);
const stored = () => store.countResponses('survey', 'practitioners');

describe('when a survey takes answers', () => {
  // practitioners.yml opens 2026-11-01 and closes 2027-03-31, UK time.
  it.each([
    ['the day before it opens, late evening in the UK', '2026-10-31T23:59:59Z', 'not-yet-open'],
    ['from midnight UK time on its opening day', '2026-11-01T00:00:00Z', 'open'],
    ['the last minute of its close day (BST)', '2027-03-31T22:59:59Z', 'open'],
    ['from midnight after its close day (BST)', '2027-03-31T23:00:00Z', 'closed'],
  ])('%s: %s', (_, moment, expected) => {
    expect(surveyAvailability(practitioners, new Date(moment))).toBe(expected);
  });

  it('is closed whenever its status says so, even within its dates', () => {
    expect(surveyAvailability({ ...practitioners, status: 'closed' }, OPEN_DAY)).toBe('closed');
  });
});

describe('the definition hash', () => {
  it('is the same for the same survey however its file orders the fields', () => {
    const reordered = load(yamlText.replace(/^(title: .*)\n([\s\S]*)$/, '$2\n$1\n'));
    expect(definitionHash(practitioners)).toMatch(/^[0-9a-f]{64}$/);
    expect(definitionHash(load())).toBe(definitionHash(practitioners));
    expect(definitionHash(reordered)).toBe(definitionHash(practitioners));
  });

  it('changes when a question or the consent wording changes', () => {
    const relabelled = load(yamlText.replace('What is your role?', 'What is your job?'));
    const reworded = load(yamlText.replace('without my name.', 'without my name or job.'));
    expect(definitionHash(relabelled)).not.toBe(definitionHash(practitioners));
    expect(definitionHash(reworded)).not.toBe(definitionHash(practitioners));
  });
});

describe('submitting a survey response', () => {
  it('stores a valid response and returns a receipt, with the day and definition it answered', async () => {
    const result = await submit(practitionersSubmission());
    expect(result).toEqual({
      outcome: 'created',
      receipt: expect.stringMatching(RECEIPT_PATTERN),
    });
    expect(stored()).toBe(1);
    const db = new DatabaseSync(path.join(dir, DATABASE_FILE), { readOnly: true });
    const row = db
      .prepare('SELECT definition_hash, consent_version, received_on FROM responses')
      .get();
    db.close();
    expect({ ...row }).toEqual({
      definition_hash: definitionHash(practitioners),
      consent_version: '1.0',
      received_on: '2026-11-26',
    });
  });

  it('returns the same receipt for a retry, and stores nothing more', async () => {
    const body = practitionersSubmission();
    const first = await submit(body);
    expect(await submit(structuredClone(body))).toEqual({ ...first, outcome: 'replayed' });
    expect(stored()).toBe(1);
  });

  it('refuses a different body with a used submissionId, naming the field', async () => {
    const body = practitionersSubmission();
    await submit(body);
    const changed = { ...body, answers: { ...body.answers, role: 'police' } };
    expect(await submit(changed)).toEqual({
      outcome: 'invalid',
      errors: { submissionId: CONFLICT_MESSAGE },
    });
    expect(stored()).toBe(1);
  });

  it('returns errors keyed by question id for invalid answers, storing nothing', async () => {
    const result = await submit(
      practitionersSubmission({ role: 'astronaut', 'years-in-role': '' }),
    );
    expect(result.outcome).toBe('invalid');
    expect(Object.keys((result as { errors: object }).errors)).toEqual(
      expect.arrayContaining(['role', 'years-in-role']),
    );
    expect(stored()).toBe(0);
  });

  it('treats an unknown or draft survey as not found', async () => {
    const unknown = await submitSurveyResponse(
      store,
      'no-such-survey',
      undefined,
      practitionersSubmission(),
      OPEN_DAY,
    );
    expect(unknown).toEqual({ outcome: 'not-found' });
    const draft = { ...practitioners, status: 'draft' as const };
    expect(await submit(practitionersSubmission(), draft)).toEqual({ outcome: 'not-found' });
    expect(stored()).toBe(0);
  });

  it('refuses a closed survey with its close date, storing nothing', async () => {
    const late = new Date('2027-04-01T09:00:00+01:00');
    expect(await submit(practitionersSubmission(), practitioners, late)).toEqual({
      outcome: 'closed',
      closes: '2027-03-31',
    });
    expect(stored()).toBe(0);
  });

  it('refuses a survey that has not opened yet, with its opening date', async () => {
    const early = new Date('2026-10-15T12:00:00Z');
    expect(await submit(practitionersSubmission(), practitioners, early)).toEqual({
      outcome: 'not-yet-open',
      opens: '2026-11-01',
    });
    expect(stored()).toBe(0);
  });

  it('reports a busy database as busy, not as an error', async () => {
    const busyStore: Store = {
      ...store,
      saveResponse: () => {
        throw new StoreBusyError();
      },
    };
    const result = await submitSurveyResponse(
      busyStore,
      'practitioners',
      practitioners,
      practitionersSubmission(),
      OPEN_DAY,
    );
    expect(result).toEqual({ outcome: 'unavailable', reason: 'busy' });
  });

  it('lets other store failures through for the route to answer 500', async () => {
    const broken: Store = {
      ...store,
      saveResponse: () => {
        throw new Error('disk on fire');
      },
    };
    await expect(
      submitSurveyResponse(
        broken,
        'practitioners',
        practitioners,
        practitionersSubmission(),
        OPEN_DAY,
      ),
    ).rejects.toThrow('disk on fire');
  });
});

describe('safeguarding flags', () => {
  const flags = () =>
    store.database().prepare('SELECT phrases, questions, status FROM flags').all() as {
      phrases: string;
      questions: string;
      status: string;
    }[];

  it('raises a flag with the response when a free-text answer has a risk phrase', async () => {
    const body = practitionersSubmission();
    body.answers['how-information-is-shared'] = 'A child told me her dad hits me at home';
    const result = await submitSurveyResponse(
      store,
      'practitioners',
      practitioners,
      body,
      OPEN_DAY,
      {
        riskPhrases: ['hits me', 'not safe'],
      },
    );
    expect(result.outcome).toBe('created');
    expect(flags()).toEqual([
      { phrases: '["hits me"]', questions: '["how-information-is-shared"]', status: 'open' },
    ]);
  });

  it('raises none for ordinary answers', async () => {
    const body = practitionersSubmission();
    await submitSurveyResponse(store, 'practitioners', practitioners, body, OPEN_DAY, {
      riskPhrases: ['hits me'],
    });
    expect(flags()).toEqual([]);
  });
});
