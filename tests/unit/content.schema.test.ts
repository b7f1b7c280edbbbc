import { describe, expect, it } from 'vitest';
import {
  CONTENT_SCHEMAS,
  findingSchema,
  prototypeSchema,
  surveySchema,
} from '../../src/schemas/index.ts';
import { contentFiles } from '../helpers/contentFiles.ts';
import { validSurvey } from '../fixtures/content.ts';

const schemas = CONTENT_SCHEMAS;

/** "questions.2.showIf.question: points at ..." for each problem, so failures read clearly. */
function problems(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('every file in content/', () => {
  for (const [collection, schema] of Object.entries(schemas)) {
    const files = contentFiles(collection as keyof typeof schemas);
    it(`has ${collection}`, () => expect(files.length).toBeGreaterThan(0));
    for (const { file, data } of files) {
      it(`${file} matches the ${collection} schema`, () => {
        expect(problems(schema.safeParse(data))).toEqual([]);
      });
    }
  }

  it('has the four standing pages participants rely on', () => {
    const ids = contentFiles('pages').map((p) => p.file.replace(/^.*\/|\.md$/g, ''));
    expect(ids).toEqual(expect.arrayContaining(['about', 'privacy', 'accessibility', 'get-help']));
  });

  it('has at least two surveys, a journey activity, a prototype scope and two findings', () => {
    expect(contentFiles('surveys').length).toBeGreaterThanOrEqual(2);
    expect(contentFiles('journeys').length).toBeGreaterThanOrEqual(1);
    expect(contentFiles('prototypes').length).toBeGreaterThanOrEqual(1);
    expect(contentFiles('findings').length).toBeGreaterThanOrEqual(2);
  });
});

describe('survey rules a hand edit could break', () => {
  it('accepts the valid fixture', () => {
    expect(problems(surveySchema.safeParse(validSurvey()))).toEqual([]);
  });

  it('names a missing required field', () => {
    const survey: Record<string, unknown> = validSurvey();
    delete survey.title;
    expect(problems(surveySchema.safeParse(survey))).toEqual([expect.stringMatching(/^title: /)]);
  });

  it('refuses a condition that points at a question that does not exist', () => {
    const survey = validSurvey();
    survey.questions[1].showIf = { question: 'no-such-question', equals: 'yes' };
    expect(problems(surveySchema.safeParse(survey))).toEqual([
      'questions.1.showIf: there is no earlier question called "no-such-question"',
    ]);
  });

  it('refuses a condition on an answer the earlier question cannot have', () => {
    const survey = validSurvey();
    survey.questions[1].showIf = { question: 'used-tool', equals: 'maybe' };
    expect(problems(surveySchema.safeParse(survey))).toEqual([
      'questions.1.showIf: "maybe" is not an answer to "used-tool" (one of: yes, no)',
    ]);
  });

  it('refuses two questions with the same id and an option listed twice', () => {
    const survey = validSurvey();
    survey.questions.push({ ...survey.questions[0] });
    survey.questions[2].options!.push({ value: 'teacher', label: 'Teacher again' });
    expect(problems(surveySchema.safeParse(survey))).toEqual(
      expect.arrayContaining([
        'questions.2.options: option "teacher" appears twice',
        'questions.3.id: "used-tool" is used by another question',
      ]),
    );
  });

  it('refuses an unknown question type and an unknown field', () => {
    const survey = validSurvey() as Record<string, unknown> & ReturnType<typeof validSurvey>;
    (survey.questions[0] as Record<string, unknown>).type = 'slider';
    survey.colour = 'red';
    const found = problems(surveySchema.safeParse(survey));
    expect(found.some((p) => p.startsWith('questions.0.type'))).toBe(true);
    expect(found.some((p) => p.includes('colour'))).toBe(true);
  });

  it('refuses a closing date before the opening date', () => {
    const survey = validSurvey();
    survey.closes = '2026-01-01';
    expect(problems(surveySchema.safeParse(survey))).toEqual([
      'closes: must be after the opening date',
    ]);
  });
});

describe('images', () => {
  const withImage = (image: unknown) => {
    const prototype = contentFiles('prototypes')[0].data;
    prototype.features[0].image = image;
    return problems(prototypeSchema.safeParse(prototype));
  };

  it('refuse empty, null or missing alternative text', () => {
    expect(withImage({ src: '/uploads/map.png', alt: '   ' })).toEqual([
      'features.0.image.alt: must not be empty',
    ]);
    expect(withImage({ src: '/uploads/map.png', alt: null })).toEqual([
      expect.stringMatching(/^features\.0\.image\.alt: /),
    ]);
    expect(withImage({ src: '/uploads/map.png' })).toEqual([
      expect.stringMatching(/^features\.0\.image\.alt: /),
    ]);
  });

  it('accept an image with alternative text, and a blank image group as no image', () => {
    expect(withImage({ src: '/uploads/map.png', alt: 'A map of the stages' })).toEqual([]);
    expect(withImage({ src: '', alt: '' })).toEqual([]);
  });

  it('must come from /uploads/', () => {
    expect(withImage({ src: 'https://example.com/x.png', alt: 'A picture' })).toEqual([
      'features.0.image.src: must be a file in /uploads/',
    ]);
  });
});

describe('a journey map in a finding', () => {
  const finding = () => contentFiles('findings')[0].data;

  it('is optional, and a blank one from the editor counts as none', () => {
    expect(problems(findingSchema.safeParse({ ...finding(), journeyMap: undefined }))).toEqual([]);
    expect(
      problems(findingSchema.safeParse({ ...finding(), journeyMap: { title: '', stages: [] } })),
    ).toEqual([]);
  });

  it('needs a feeling from 1 to 5 for each stage', () => {
    const map = { title: 'Stages', stages: [{ name: 'Referral', feeling: 6 }] };
    expect(problems(findingSchema.safeParse({ ...finding(), journeyMap: map }))).toEqual([
      expect.stringMatching(/^journeyMap\.stages\.0\.feeling: /),
    ]);
  });
});
