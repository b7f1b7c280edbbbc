import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { surveySchema } from '../../src/schemas/index.ts';
import { exitAndForgetUrl } from '../../src/forms/flow.ts';
import { consentErrors } from '../../src/forms/validateSurvey.ts';
import { choiceOptions } from '../../src/forms/choiceOptions.ts';
import { describeAnswer } from '../../src/forms/describeAnswer.ts';
import { inEasyRead } from '../../src/forms/easyReadQuestion.ts';
import { surveyFormPost } from '../../src/server/surveyFormPost.ts';
import { forgetProgress, keepProgress, readProgress } from '../../src/server/surveyProgress.ts';
import type { Store } from '../../src/server/store.ts';
import { withdrawPageIn, withdrawPageWords } from '../../src/lib/withdrawPageWords.ts';

const practitioners = surveySchema.parse(
  parse(readFileSync('content/surveys/practitioners.yml', 'utf8')),
);
const role = practitioners.questions.find((q) => q.id === 'role')!;

describe('a survey without JavaScript', () => {
  it('Change sends the participant to the question with its field named for the address', async () => {
    const form = new URLSearchParams({ step: 'check', action: 'change:years-in-role' });
    const result = await surveyFormPost(
      {} as Store,
      'practitioners',
      practitioners,
      form,
      new Date(),
    );
    expect(result.state.step).toEqual({ name: 'question', id: 'years-in-role' });
    expect(result.state.returnToCheck).toBe(true);
    expect(result.focus).toBe('answer-years-in-role');
  });

  it('Exit this page goes through an address that forgets only that code’s answers', () => {
    const state = {
      step: { name: 'check' as const },
      values: { answers: { role: 'police' }, consent: {} },
      errors: {},
      easyRead: false,
      returnToCheck: false,
    };
    const mine = keepProgress(undefined, 'practitioners', state, 200);
    const theirs = keepProgress(undefined, 'practitioners', state, 200);
    const exit = new URL(exitAndForgetUrl('practitioners', mine), 'http://x');
    expect(exit.pathname).toBe('/surveys/practitioners/form/');
    expect(exit.searchParams.get('p')).toBe(mine);
    expect(exit.searchParams.has('exit')).toBe(true);
    forgetProgress(exit.searchParams.get('p'));
    expect(readProgress(mine, 'practitioners')).toBeUndefined();
    expect(readProgress(theirs, 'practitioners')).toBeDefined();
  });
});

describe('easy read words the site itself adds', () => {
  it('consent errors quote the statement as the easy-read reader saw it', () => {
    const errors = consentErrors(practitioners, {}, true);
    expect(errors['consent.read-about-research']).toBe(
      'Tick this box if you agree: ‘I know what this survey is about’',
    );
    expect(consentErrors(practitioners, {})['consent.read-about-research']).toMatch(
      /^Select the box if you agree: ‘I have read/,
    );
  });

  it('“Other” is “Something else”, on the form and on the check page', () => {
    const easy = inEasyRead(role, true);
    expect(choiceOptions(easy, true).options.at(-1)?.label).toBe('Something else');
    expect(choiceOptions(role).options.at(-1)?.label).toBe('Other, please say');
    const answers = { role: 'other', 'role-other': 'Youth worker' };
    expect(describeAnswer(easy, answers, true)).toBe('Something else: Youth worker');
    expect(describeAnswer(easy, {}, true)).toBe('You did not answer');
  });

  it('the withdrawal page has every word in both versions and links between them', () => {
    const standard = withdrawPageWords(false);
    const easy = withdrawPageWords(true);
    expect(Object.keys(easy)).toEqual(Object.keys(standard));
    expect(easy.heading).toBe('Take your answers back');
    expect(withdrawPageIn(true)).toBe('/withdraw/?easy-read=1');
    expect(withdrawPageIn(false)).toBe('/withdraw/');
  });
});
