import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { stepTitle, type Step } from '../../src/forms/flow.ts';
import { surveyQuestions } from '../../src/forms/questions.ts';
import { surveySchema } from '../../src/schemas/index.ts';
import { withdrawnWords } from '../../src/lib/withdrawnWords.ts';

const SITE = 'Safeguarding 2.0';
const surveys = readdirSync('content/surveys').map((file) =>
  surveySchema.parse(parse(readFileSync(`content/surveys/${file}`, 'utf8'))),
);

describe('survey page titles', () => {
  it.each(surveys.map((s) => [s.title, s]))('fit in 70 characters and differ: %s', (_, survey) => {
    const steps: Step[] = [
      { name: 'start' },
      { name: 'questions' },
      ...surveyQuestions(survey).map((q) => ({ name: 'question' as const, id: q.id })),
      { name: 'check' },
      { name: 'done', receipt: 'X' },
    ];
    for (const easyRead of [false, true]) {
      const titles = steps.map((step) => `${stepTitle(survey, step, easyRead, SITE)} – ${SITE}`);
      for (const title of titles) expect(title.length, title).toBeLessThanOrEqual(70);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });
});

describe('the withdrawal confirmation', () => {
  it('says what was deleted, and from which activity', () => {
    expect(withdrawnWords('survey', 'Pilot survey')).toMatchObject({
      heading: 'Your survey answers have been deleted',
      body: expect.stringContaining('answers to the survey ‘Pilot survey’'),
    });
    expect(withdrawnWords('journey', undefined).heading).toBe('Your journey map has been deleted');
    expect(withdrawnWords('feedback', 'Timeline').body).toContain('your comment');
  });
});
