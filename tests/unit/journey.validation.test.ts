import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { journeySchema as journeyContentSchema } from '../../src/schemas/index.ts';
import { formToJourney, validateJourneySubmission } from '../../src/forms/journeyMap.ts';
import { ROOT } from '../helpers/contentFiles.ts';

const journey = journeyContentSchema.parse(
  parse(readFileSync(path.join(ROOT, 'content/journeys/child-protection-journey.yml'), 'utf8')),
);
const consent = Object.fromEntries(journey.consent.statements.map((s) => [s.id, true]));
const map = (stages: unknown[], extra: Record<string, unknown> = {}) => ({
  submissionId: 'a3bb189e-8bf9-4888-9912-ace4e6543002',
  role: 'parent-or-carer',
  consent,
  stages,
  ...extra,
});
const stage = (name: string, feeling: number | string = 3) => ({
  name,
  feeling,
  who: ['social-worker'],
});

describe('validating a journey map', () => {
  it('accepts a map and stores feelings as numbers', async () => {
    const result = await validateJourneySubmission(
      journey,
      map([stage('Referral', '2'), stage('Plan', 4)]),
    );
    expect(result.ok && result.value.answers).toEqual({
      role: 'parent-or-carer',
      stages: [
        {
          name: 'Referral',
          happened: '',
          who: ['social-worker'],
          feeling: 2,
          helped: '',
          wouldHaveHelped: '',
        },
        {
          name: 'Plan',
          happened: '',
          who: ['social-worker'],
          feeling: 4,
          helped: '',
          wouldHaveHelped: '',
        },
      ],
    });
  });

  it('names each problem by stage and field', async () => {
    const result = await validateJourneySubmission(
      journey,
      map(
        [
          {
            name: '',
            feeling: 9,
            who: ['astronaut'],
            happened: 'x'.repeat(journey.textMaxLength + 1),
          },
        ],
        { role: 'pilot' },
      ),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        'stages.0.name': 'Enter a name for stage 1',
        'stages.0.happened': `What happened in stage 1 must be ${journey.textMaxLength} characters or fewer`,
        'stages.0.who': 'Select only the people listed for stage 1',
        'stages.0.feeling': 'Select how stage 1 felt',
        role: 'Select the role that best describes you',
      },
    });
  });

  it('allows at most 30 stages and at least one', async () => {
    const many = Array.from({ length: 31 }, (_, i) => stage(`Stage ${i}`));
    expect(await validateJourneySubmission(journey, map(many))).toMatchObject({
      ok: false,
      errors: { stages: 'A map can have at most 30 stages' },
    });
    expect(await validateJourneySubmission(journey, map([]))).toMatchObject({
      ok: false,
      errors: { stages: 'Add at least one stage' },
    });
  });

  it('refuses fields that are not part of a map, missing consent and a bad submission id', async () => {
    const result = await validateJourneySubmission(journey, {
      ...map([{ ...stage('A'), colour: 'red' }], { extra: 1, submissionId: 'x' }),
      consent: {},
    });
    expect(result.ok).toBe(false);
    const errors = !result.ok ? result.errors : {};
    expect(errors).toMatchObject({
      extra: 'This is not part of a journey map',
      'stages.0.colour': 'This is not part of a stage',
      submissionId: 'Send a submissionId that is a UUID',
    });
    expect(Object.keys(errors).filter((k) => k.startsWith('consent.'))).toHaveLength(
      journey.consent.statements.length,
    );
  });
});

describe('the builder without JavaScript', () => {
  it('reads stages, ticks and consent from a form post', () => {
    const form = new URLSearchParams([
      ['consent.read', 'yes'],
      ['stages.0.name', 'First'],
      ['stages.0.who', 'police'],
      ['stages.0.who', 'gp'],
      ['stages.1.name', 'Second'],
      ['stages.1.feeling', '4'],
      ['role', 'social-worker'],
      ['stages.0.__proto__', 'x'],
    ]);
    const values = formToJourney(form);
    expect(values.stages[0]).toMatchObject({ name: 'First', who: ['police', 'gp'] });
    expect(values.stages[1]).toMatchObject({ name: 'Second', feeling: '4' });
    expect(values).toMatchObject({ role: 'social-worker', consent: { read: true } });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('a journey map of the wrong shape', () => {
  it('gets messages, never an error thrown (a 500), for null stages and prototype names', async () => {
    // Both used to throw: found by fuzz.submissions.test.ts.
    const result = await validateJourneySubmission(
      journey,
      map([null, JSON.parse('{"name":"Plan","feeling":3,"toString":1,"constructor":{}}')]),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        'stages.0': 'Send each stage as an object with a name and a feeling',
        'stages.0.name': 'Enter a name for stage 1',
        'stages.0.feeling': 'Select how stage 1 felt',
        'stages.1.toString': 'This is not part of a stage',
        'stages.1.constructor': 'This is not part of a stage',
      },
    });
  });

  it('says what is wrong with text that is not text, without quoting it back', async () => {
    const result = await validateJourneySubmission(
      journey,
      map([{ name: { toString: 1 }, feeling: '3', who: 'police', happened: null, helped: [1] }]),
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        'stages.0.name': 'Enter a name for stage 1',
        'stages.0.who': 'Select only the people listed for stage 1',
        'stages.0.happened': 'What happened must be text',
        'stages.0.helped': 'What helped must be text',
      },
    });
  });

  it('refuses too many stages or ticks by their count, without checking each one', async () => {
    // 21,000 empty stages fit in 64 KiB and took four seconds to check, with a 2 MB answer.
    const many = await validateJourneySubmission(journey, map(Array(21_000).fill({})));
    expect(many).toEqual({ ok: false, errors: { stages: 'A map can have at most 30 stages' } });
    const ticks = await validateJourneySubmission(
      journey,
      map([{ ...stage('Plan'), who: Array(15_000).fill('x') }]),
    );
    expect(ticks).toEqual({
      ok: false,
      errors: { 'stages.0.who': 'Select only the people listed for stage 1 (Plan)' },
    });
  });

  it('gets a message for a tick that is not text, even one with its own toString', async () => {
    // Found by a long fuzz run (FUZZ_RUNS=15): `who: [{"toString": 1}]` threw inside Yup.
    const result = await validateJourneySubmission(
      journey,
      map([{ ...stage('Plan'), who: [JSON.parse('{"toString":1}'), 'police'] }]),
    );
    expect(result).toEqual({
      ok: false,
      errors: { 'stages.0.who': 'Select only the people listed for stage 1 (Plan)' },
    });
  });
});
