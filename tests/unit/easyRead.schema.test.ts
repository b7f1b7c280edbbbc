import { describe, expect, it } from 'vitest';
import { journeySchema, surveySchema } from '../../src/schemas/index.ts';
import { PICTOGRAM_NAMES } from '../../src/schemas/pictograms.ts';
import { pictogramSvg } from '../../src/lib/pictogramSvg.ts';
import { inEasyRead } from '../../src/forms/easyReadQuestion.ts';
import { contentFiles } from '../helpers/contentFiles.ts';
import { validSurvey } from '../fixtures/content.ts';

const picture = { pictogram: 'question', alt: 'A question mark' };

/** The fixture survey with every string in easy read and a picture beside every point. */
function easyReadSurvey() {
  const survey = validSurvey();
  return {
    ...survey,
    offersEasyRead: true,
    easyReadIntro: 'This survey is about tools. It takes 5 minutes.',
    consent: {
      ...survey.consent,
      statements: survey.consent.statements.map((s) => ({
        ...s,
        easyRead: 'I have read it.',
        picture,
      })),
    },
    questions: survey.questions.map((q) => ({
      ...q,
      easyRead: `Easy: ${q.label}`,
      picture,
      ...('options' in q && {
        options: (q.options as { value: string; label: string }[]).map((o) => ({
          ...o,
          easyRead: `Easy: ${o.label}`,
        })),
      }),
    })),
  };
}

const messages = (data: unknown) => {
  const result = surveySchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('an activity that offers easy read', () => {
  it('builds when every participant-facing string has its easy-read version', () => {
    expect(messages(easyReadSurvey())).toEqual([]);
  });

  it('stops the build, naming the field, for each string without one', () => {
    const survey = easyReadSurvey();
    delete (survey as { easyReadIntro?: string }).easyReadIntro;
    delete (survey.questions[0] as { picture?: unknown }).picture;
    delete (survey.questions[2] as { options: { easyRead?: string }[] }).options[1].easyRead;
    (survey.questions[1] as { hint?: string }).hint = 'A hint with no easy-read version.';
    delete (survey.consent.statements[0] as { easyRead?: string }).easyRead;
    const needs = '"offersEasyRead" is on, so this needs its easy-read version';
    expect(messages(survey)).toEqual([
      `easyReadIntro: ${needs} ("easyReadIntro")`,
      `consent.statements.0.easyRead: ${needs} ("easyRead")`,
      `questions.0.picture: ${needs} ("picture")`,
      `questions.1.easyReadHint: ${needs} ("easyReadHint")`,
      `questions.2.options.1.easyRead: ${needs} ("easyRead")`,
    ]);
  });

  it('needs scale words, the "none" option and the unit in easy read too', () => {
    const survey = easyReadSurvey();
    survey.questions = [
      {
        id: 'sure',
        type: 'rating',
        label: 'How sure?',
        easyRead: 'How sure?',
        picture,
        min: 1,
        max: 5,
        minLabel: 'Not at all',
        maxLabel: 'Very',
      },
      {
        id: 'count',
        type: 'number',
        label: 'How many?',
        easyRead: 'How many?',
        picture,
        unit: 'children',
      },
    ] as never;
    expect(messages(survey).map((m) => m.split(':')[0])).toEqual([
      'questions.0.easyReadMinLabel',
      'questions.0.easyReadMaxLabel',
      'questions.1.easyReadUnit',
    ]);
  });

  it('refuses a picture without alternative text or outside the bundled set', () => {
    const survey = easyReadSurvey();
    survey.questions[0] = { ...survey.questions[0], picture: { pictogram: 'question', alt: ' ' } };
    survey.questions[1] = {
      ...survey.questions[1],
      picture: { pictogram: 'not-a-pictogram', alt: 'Something' },
    };
    const found = messages(survey);
    expect(found).toContainEqual('questions.0.picture.alt: must not be empty');
    expect(found.some((m) => m.startsWith('questions.1.picture.pictogram:'))).toBe(true);
  });

  it('applies to journeys: each suggested stage, its prompt and picture, and every role', () => {
    const journey = contentFiles('journeys')[0]!.data as {
      offersEasyRead: boolean;
      suggestedStages: Record<string, unknown>[];
      involvedRoles: Record<string, unknown>[];
      participantRoles: Record<string, unknown>[];
    };
    // The seed journey offers easy read, with every string in it.
    expect(journey.offersEasyRead).toBe(true);
    expect(journeySchema.safeParse(journey).success).toBe(true);
    const without = (list: Record<string, unknown>[], key: string) =>
      list.map((item, i) => (i === 0 ? { ...item, [key]: undefined } : item));
    const result = journeySchema.safeParse({
      ...journey,
      suggestedStages: without(without(journey.suggestedStages, 'easyRead'), 'picture'),
      involvedRoles: without(journey.involvedRoles, 'easyRead'),
      participantRoles: without(journey.participantRoles, 'easyRead'),
    });
    const paths = result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual([
      'suggestedStages.0.easyRead',
      'suggestedStages.0.picture',
      'involvedRoles.0.easyRead',
      'participantRoles.0.easyRead',
    ]);
  });

  it('is not required of an activity that does not offer easy read', () => {
    expect(messages({ ...validSurvey(), offersEasyRead: false })).toEqual([]);
  });
});

describe('the practitioners survey', () => {
  it('is offered in full easy read', () => {
    const survey = contentFiles('surveys').find((f) => f.file.endsWith('practitioners.yml'))!;
    const parsed = surveySchema.parse(survey.data);
    expect(parsed.offersEasyRead).toBe(true);
    for (const question of parsed.questions) {
      const easy = inEasyRead(question, true);
      expect(easy.label, question.id).toBe(question.easyRead);
      expect(question.picture?.alt, question.id).toBeTruthy();
    }
  });
});

describe('the bundled pictograms', () => {
  it('each exist in the OpenMoji set, as SVG with no text of their own', () => {
    for (const name of PICTOGRAM_NAMES) {
      const svg = pictogramSvg(name);
      expect(svg, name).toMatch(
        /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/,
      );
      expect(svg, name).not.toMatch(/<(title|text|script)\b/);
    }
  });
});
