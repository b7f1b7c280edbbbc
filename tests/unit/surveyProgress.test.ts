import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { surveySchema } from '../../src/schemas/index.ts';
import type { FlowState } from '../../src/forms/flow.ts';
import { progress, stepUrl } from '../../src/forms/flow.ts';
import { KEEP_MS, keepProgress, readProgress } from '../../src/server/surveyProgress.ts';
import { surveyFormGet } from '../../src/server/surveyFormGet.ts';

const families = surveySchema.parse(
  parse(readFileSync('content/surveys/families-and-ecdp-members.yml', 'utf8')),
);

const state = (over: Partial<FlowState> = {}): FlowState => ({
  step: { name: 'question', id: 'contact-with-childrens-services' },
  values: { answers: { 'who-you-are': 'parent' }, consent: { a: true } },
  errors: {},
  easyRead: false,
  returnToCheck: false,
  ...over,
});

describe('answers kept between the steps of a survey without JavaScript', () => {
  it('shows errors once, then the plain step when it is reached again with Back', () => {
    const token = keepProgress(undefined, 'families', state({ errors: { x: 'Oops' } }), 422, 0);
    expect(readProgress(token, 'families', 1)).toMatchObject({
      status: 422,
      state: { errors: { x: 'Oops' } },
    });
    expect(readProgress(token, 'families', 2)).toMatchObject({
      status: 200,
      state: { errors: {} },
    });
  });

  it('forgets them after the time limit, and never answers for another survey', () => {
    const token = keepProgress(undefined, 'families', state(), 200, 0);
    expect(readProgress(token, 'practitioners', 1)).toBeUndefined();
    expect(readProgress(token, 'families', KEEP_MS + 1)).toBeUndefined();
    expect(readProgress('not a code', 'families', 1)).toBeUndefined();
  });

  it('keeps only the receipt once the answers are sent', () => {
    const token = keepProgress(
      undefined,
      'families',
      state({ step: { name: 'done', receipt: 'R' } }),
      201,
      0,
    );
    expect(readProgress(token, 'families', 1)).toMatchObject({
      status: 200,
      state: { step: { name: 'done' }, values: { answers: {}, consent: {} } },
    });
  });

  it('opens the step the address names, with the answers so far', () => {
    const token = keepProgress(undefined, 'families-and-ecdp-members', state(), 200, Date.now());
    const url = new URL(
      stepUrl('families-and-ecdp-members', token, { name: 'question', id: 'who-you-are' }),
      'http://localhost',
    );
    const shown = surveyFormGet('families-and-ecdp-members', families, url);
    expect(shown.state.step).toEqual({ name: 'question', id: 'who-you-are' });
    expect(shown.state.values.answers).toEqual({ 'who-you-are': 'parent' });
    // A question not asked (its condition is not met) is not a step to open.
    const skipped = new URL(
      stepUrl('families-and-ecdp-members', token, { name: 'question', id: 'kind-of-contact' }),
      'http://localhost',
    );
    expect(surveyFormGet('families-and-ecdp-members', families, skipped).state.step).toEqual(
      state().step,
    );
  });
});

describe('progress through a survey', () => {
  it('never goes backwards: the count rises by one a step, the total only falls', () => {
    const first = progress(families, 'who-you-are', {});
    const second = progress(families, 'contact-with-childrens-services', {
      'who-you-are': 'parent',
    });
    const third = progress(families, 'what-would-help', {
      'who-you-are': 'parent',
      'contact-with-childrens-services': 'no',
    });
    expect([first.number, second.number, third.number]).toEqual([1, 2, 3]);
    expect(first.of).toBeGreaterThanOrEqual(second.of);
    expect(second.of).toBeGreaterThan(third.of);
    // Until the deciding question is answered, the total is an upper bound, and says so.
    expect(second.exact).toBe(false);
    expect(third.exact).toBe(true);
  });
});
