import { describe, expect, it } from 'vitest';
import { surveySchema, type Survey } from '../../src/schemas/index.ts';
import { formToSubmission, validateSubmission } from '../../src/forms/submission.ts';
import { askedQuestions, type Answers } from '../../src/forms/questions.ts';
import { answerErrors } from '../../src/forms/validateSurvey.ts';
import { normaliseValues } from '../../src/forms/values.ts';

/** A survey with one question of every type, a condition, Other, None and Prefer not to say. */
const survey: Survey = surveySchema.parse({
  title: 'Every question type',
  summary: 'A survey used by the tests with one question of each type.',
  audience: ['practitioners'],
  status: 'open',
  opens: '2026-11-01',
  closes: '2027-03-31',
  retentionMonths: 24,
  estimatedMinutes: 5,
  intro: 'Test survey.',
  consent: { version: '1.0', statements: [{ id: 'agree', text: 'I agree.' }] },
  layout: 'one-page',
  askWhoHelped: true,
  questions: [
    { id: 'name', type: 'short-text', label: 'Your job title', maxLength: 20 },
    { id: 'story', type: 'long-text', label: 'Tell us more', maxLength: 50, optional: true },
    {
      id: 'role',
      type: 'single-choice',
      label: 'Your role',
      allowOther: true,
      sensitive: true,
      options: [
        { value: 'teacher', label: 'Teacher' },
        { value: 'police', label: 'Police' },
      ],
    },
    {
      id: 'barriers',
      type: 'multiple-choice',
      label: 'What gets in the way?',
      noneOption: 'None of these',
      options: [
        { value: 'time', label: 'Time' },
        { value: 'systems', label: 'Systems' },
      ],
    },
    {
      id: 'confidence',
      type: 'rating',
      label: 'How confident are you?',
      min: 1,
      max: 5,
      minLabel: 'Not at all',
      maxLabel: 'Very',
    },
    { id: 'used-tool', type: 'yes-no', label: 'Have you used a tool?' },
    {
      id: 'which-tool',
      type: 'short-text',
      label: 'Which tool?',
      showIf: { question: 'used-tool', equals: 'yes' },
    },
    { id: 'caseload', type: 'number', label: 'Caseload', min: 0, max: 500, optional: true },
    { id: 'last-meeting', type: 'date', label: 'Last meeting', mustBePast: true },
    { id: 'teams', type: 'number', label: 'Teams you work with', sensitive: true, unit: 'teams' },
  ],
});

const SUBMISSION_ID = '8a6e0804-2bd0-4672-b79d-d97027f1b0ad';

function valid(overrides: Record<string, unknown> = {}) {
  return {
    submissionId: SUBMISSION_ID,
    consent: { agree: true },
    answers: {
      name: 'Social worker',
      role: 'teacher',
      barriers: ['time'],
      confidence: '4',
      'used-tool': 'no',
      'last-meeting': { day: '3', month: 'Feb', year: '2026' },
      teams: '3',
      ...overrides,
    },
  };
}

describe('validating a submission', () => {
  it('accepts a complete, valid submission and keeps only what was asked', async () => {
    const result = await validateSubmission(
      survey,
      valid({ 'which-tool': 'Something', caseload: '' }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        submissionId: SUBMISSION_ID,
        consent: { agree: true },
        answers: {
          name: 'Social worker',
          role: 'teacher',
          barriers: ['time'],
          confidence: '4',
          'used-tool': 'no',
          'last-meeting': '2026-02-03',
          teams: 3,
        },
      },
    });
  });

  it('takes “Prefer not to say” for a sensitive number, stored as those words', async () => {
    const result = await validateSubmission(survey, valid({ teams: 'prefer-not-to-say' }));
    expect(result.ok && result.value.answers.teams).toBe('prefer-not-to-say');
    // Not for a number that is not sensitive.
    expect(await validateSubmission(survey, valid({ caseload: 'prefer-not-to-say' }))).toEqual({
      ok: false,
      errors: { caseload: 'Your answer to ‘Caseload’ must be a number, like 12' },
    });
  });

  it('asks for one or the other when a form sends a number and “Prefer not to say”', async () => {
    const form = new URLSearchParams([
      ['answers.teams', '4'],
      ['answers.teams', 'prefer-not-to-say'],
    ]);
    const answers = normaliseValues(formToSubmission(survey, form).answers as Answers);
    expect(await answerErrors(survey, answers, { only: ['teams'] })).toEqual({
      teams: 'Enter a number for ‘Teams you work with’ or select ‘Prefer not to say’, not both',
    });
    // The box alone, with the number left empty, is an answer.
    const declined = new URLSearchParams([
      ['answers.teams', ''],
      ['answers.teams', 'prefer-not-to-say'],
    ]);
    const alone = normaliseValues(formToSubmission(survey, declined).answers as Answers);
    expect(await answerErrors(survey, alone, { only: ['teams'] })).toEqual({});
  });

  it('gives every consent statement its own message, so summary links differ', async () => {
    const two = surveySchema.parse({
      ...survey,
      opens: '2026-11-01',
      closes: '2027-03-31',
      consent: {
        version: '1.0',
        statements: [
          { id: 'read', text: 'I have read the information.' },
          { id: 'agree', text: 'I agree to take part.' },
        ],
      },
    });
    const result = await validateSubmission(two, { ...valid(), consent: {} });
    expect(result.ok).toBe(false);
    const messages = Object.values(!result.ok ? result.errors : {});
    expect(messages).toEqual([
      'Select the box if you agree: ‘I have read the information’',
      'Select the box if you agree: ‘I agree to take part’',
    ]);
  });

  it('names every missing required answer, and missing consent, in GOV.UK words', async () => {
    const result = await validateSubmission(survey, {
      submissionId: SUBMISSION_ID,
      answers: {},
      consent: {},
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        'consent.agree': 'Select the box if you agree: ‘I agree’',
        name: 'Enter an answer to: Your job title',
        role: 'Select an answer to: Your role',
        barriers: 'Select at least one option for: What gets in the way',
        confidence: 'Select an answer to: How confident are you',
        'used-tool': 'Select an answer to: Have you used a tool',
        'last-meeting': 'Enter a date for: Last meeting',
        teams: 'Enter a number for ‘Teams you work with’, or select ‘Prefer not to say’',
      },
    });
  });

  it('asks a conditional question only when its condition matches, and then requires it', async () => {
    const shown = await validateSubmission(survey, valid({ 'used-tool': 'yes' }));
    expect(shown).toEqual({
      ok: false,
      errors: { 'which-tool': 'Enter an answer to: Which tool' },
    });
    expect(askedQuestions(survey, { 'used-tool': 'no' }).map((q) => q.id)).not.toContain(
      'which-tool',
    );
  });

  it.each([
    [
      'too long text',
      { name: 'x'.repeat(21) },
      'name',
      'Your answer to ‘Your job title’ must be 20 characters or fewer',
    ],
    [
      'an option not offered',
      { role: 'astronaut' },
      'role',
      'Select one of the options for: Your role',
    ],
    [
      'Other without saying what',
      { role: 'other' },
      'role-other',
      'Enter your other answer to: Your role',
    ],
    [
      'None with another option',
      { barriers: ['none', 'time'] },
      'barriers',
      'Select ‘None of these’ or select other options, not both',
    ],
    [
      'a rating off the scale',
      { confidence: '9' },
      'confidence',
      'Select one of the options for: How confident are you',
    ],
    [
      'a number that is not one',
      { caseload: 'lots' },
      'caseload',
      'Your answer to ‘Caseload’ must be a number, like 12',
    ],
    [
      'a number too large',
      { caseload: '900' },
      'caseload',
      'Your answer to ‘Caseload’ must be 500 or less',
    ],
    [
      'a date that is not real',
      { 'last-meeting': { day: '31', month: '2', year: '2026' } },
      'last-meeting',
      'The date for ‘Last meeting’ must be a real date',
    ],
    [
      'a date missing its year',
      { 'last-meeting': { day: '3', month: '2' } },
      'last-meeting',
      'The date for ‘Last meeting’ must include a year',
    ],
    [
      'a date in the future',
      { 'last-meeting': { day: '1', month: '1', year: '2999' } },
      'last-meeting',
      'The date for ‘Last meeting’ must be today or in the past',
    ],
    [
      'an answer to a question the survey lacks',
      { favourite: 'blue' },
      'favourite',
      'This is not a question in this survey',
    ],
  ])('rejects %s', async (_name, overrides, key, message) => {
    const result = await validateSubmission(survey, valid(overrides));
    expect(result).toEqual({ ok: false, errors: { [key]: message } });
  });

  it('accepts Prefer not to say on a sensitive question, and Other with its text', async () => {
    expect((await validateSubmission(survey, valid({ role: 'prefer-not-to-say' }))).ok).toBe(true);
    const other = await validateSubmission(
      survey,
      valid({ role: 'other', 'role-other': 'Youth worker' }),
    );
    expect(other.ok && other.value.answers).toMatchObject({
      role: 'other',
      'role-other': 'Youth worker',
    });
  });

  it('refuses a missing or malformed submission id', async () => {
    const result = await validateSubmission(survey, { ...valid(), submissionId: 'abc' });
    expect(result).toEqual({
      ok: false,
      errors: { submissionId: 'Send a submissionId that is a UUID' },
    });
  });

  it('treats numbers sent as JSON numbers like typed text', async () => {
    const result = await validateSubmission(survey, valid({ confidence: 5, caseload: 12 }));
    expect(result.ok && result.value.answers).toMatchObject({ confidence: '5', caseload: 12 });
  });

  it('refuses answers of the wrong shape with a message, never an error thrown (a 500)', async () => {
    // Each of these used to throw inside Yup or the date check: found by fuzz.submissions.test.ts.
    const body = JSON.parse(
      '{"name":{"toString":1},"role":null,"barriers":[{"toString":"x"}],' +
        '"last-meeting":{"day":5,"month":"2","year":"2020"},"confidence":true}',
    );
    const result = await validateSubmission(survey, valid(body));
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'Send this answer as text',
        role: 'Send this answer as text',
        barriers: 'Send this answer as a list of option values, each at most once',
        'last-meeting': 'Send this date as { "day", "month", "year" }, each as text',
        confidence: 'Send this answer as text',
      },
    });
  });

  it('names an unknown answer called __proto__ instead of dropping it', async () => {
    const body = { ...valid(), answers: JSON.parse('{"__proto__":"x","name":"Nurse"}') };
    const result = await validateSubmission(survey, body);
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.hasOwn(result.errors, '__proto__')).toBe(true);
  });

  it('refuses more ticks than a question has options, without checking each one', async () => {
    // 15,000 ticks fit in 64 KiB and took most of a second of the server's thread to check.
    const result = await validateSubmission(survey, valid({ barriers: Array(15_000).fill('x') }));
    expect(!result.ok && result.errors.barriers).toBe(
      'Send this answer as a list of option values, each at most once',
    );
  });

  it('gives messages for answers sent as objects where text or a list belongs', async () => {
    // `answers.name.toString=x` made the survey form page answer 500: found by fuzz.forms.test.ts.
    const errors = await answerErrors(survey, {
      name: { toString: 'x' },
      barriers: ['time'],
      'used-tool': { then: '1' },
    } as unknown as Answers);
    expect(errors).toMatchObject({
      name: 'Send this answer as text',
      'used-tool': 'Send this answer as text',
    });
    expect(errors.barriers).toBeUndefined();
  });

  it('ignores form fields with a part that only a date question has', () => {
    // With "Change" (no checking), `answers.role-other.toString=` reached the page as an object
    // and the page stopped half-way (the connection dropped): found by tests/e2e/fuzz.spec.ts.
    const form = new URLSearchParams(
      'answers.name.toString=x&answers.barriers.valueOf=x&answers.barriers=time&answers.role-other.toString=&answers.last-meeting=3&answers.last-meeting.day=4&answers.last-meeting.constructor=1',
    );
    expect(formToSubmission(survey, form).answers).toEqual({
      barriers: ['time'],
      'last-meeting': { day: '4' },
    });
  });

  it('never shows Yup’s own default messages', async () => {
    const errors = await answerErrors(survey, { barriers: 'nonsense', 'last-meeting': 'x' });
    for (const message of Object.values(errors)) {
      expect(message).not.toMatch(/is a required field|must be a `|must be one of the following/);
    }
  });
});

describe('a form post', () => {
  it('becomes the same shape as the JSON the API takes', () => {
    const form = new URLSearchParams([
      ['submissionId', SUBMISSION_ID],
      ['consent.agree', 'yes'],
      ['answers.name', 'Social worker'],
      ['answers.role', 'other'],
      ['answers.role-other', 'Youth worker'],
      ['answers.barriers', 'time'],
      ['answers.barriers', 'systems'],
      ['answers.last-meeting.day', '3'],
      ['answers.last-meeting.month', 'feb'],
      ['answers.last-meeting.year', '2026'],
      ['answers.story', ''],
    ]);
    expect(formToSubmission(survey, form)).toEqual({
      submissionId: SUBMISSION_ID,
      consent: { agree: true },
      answers: {
        name: 'Social worker',
        role: 'other',
        'role-other': 'Youth worker',
        barriers: ['time', 'systems'],
        'last-meeting': { day: '3', month: 'feb', year: '2026' },
        story: '',
      },
    });
  });

  it('and an empty field counts as not answered, as Formik does', () => {
    expect(normaliseValues({ a: '', b: ['x', ''], c: { day: '' } })).toEqual({
      a: undefined,
      b: ['x', undefined],
      c: { day: undefined },
    });
  });
});

describe('the survey schema', () => {
  it('refuses a sensitive free-text question that must be answered', () => {
    const result = surveySchema.safeParse({
      ...survey,
      opens: '2026-11-01',
      closes: '2027-03-31',
      questions: [
        { id: 'story', type: 'long-text', label: 'Tell us', maxLength: 100, sensitive: true },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(
      'a sensitive question without options must be optional, so people can leave it blank',
    );
  });
});
