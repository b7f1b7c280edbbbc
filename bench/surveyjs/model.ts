/**
 * Our survey definition as a SurveyJS model, for the page-weight and time-to-interactive
 * comparison. The mapping keeps what a participant sees and must do the same where SurveyJS has
 * an equivalent (see MAPPING, which the report prints).
 */
import type { Question, Survey } from '../../src/schemas/index.ts';
import { surveyQuestions } from '../../src/forms/questions.ts';

export const MAPPING: [string, string][] = [
  [
    'intro + consent statements (our start step)',
    'page 1: `html` element with the intro, then one required `boolean` (renderAs `checkbox`) per statement, validated to be ticked',
  ],
  ['`layout: one-page` questions', 'page 2 holding every question'],
  ['`single-choice` (+ `allowOther`)', '`radiogroup` (+ `showOtherItem`)'],
  [
    '`multiple-choice` (+ `noneOption`, `allowOther`)',
    '`checkbox` (+ `showNoneItem` with our wording, `showOtherItem`)',
  ],
  ['`long-text` / `short-text` with `maxLength`', '`comment` / `text` with `maxLength`'],
  [
    '`rating` min–max with labels',
    '`rating` `rateMin`/`rateMax` with `minRateDescription`/`maxRateDescription`',
  ],
  ['`yes-no`', '`radiogroup` with Yes/No (values `yes`/`no`, as ours)'],
  ['`number` min/max/unit', '`text` `inputType: number` with `min`/`max`, unit in the description'],
  [
    '`date` (`mustBePast`)',
    '`text` `inputType: date` with `max: today` (SurveyJS has no day/month/year fields)',
  ],
  ['`showIf: { question, equals }`', '`visibleIf: "{question} = \'value\'"`'],
  ['`hint`, `optional`', '`description`, `isRequired: false` (otherwise `isRequired: true`)'],
  [
    '`sensitive` ("Prefer not to say")',
    'on choice questions a `Prefer not to say` choice; free answers are optional, as ours',
  ],
];

type Element = Record<string, unknown>;

const base = (q: Question): Element => ({
  name: q.id,
  title: q.label,
  ...(q.hint ? { description: q.hint } : {}),
  isRequired: !q.optional,
  ...(q.showIf ? { visibleIf: `{${q.showIf.question}} = '${q.showIf.equals}'` } : {}),
});

const preferNot = (q: Question) =>
  q.sensitive ? [{ value: 'prefer-not-to-say', text: 'Prefer not to say' }] : [];

function element(q: Question): Element {
  switch (q.type) {
    case 'single-choice':
      return {
        ...base(q),
        type: 'radiogroup',
        choices: [...q.options.map((o) => ({ value: o.value, text: o.label })), ...preferNot(q)],
        showOtherItem: q.allowOther,
        otherText: 'Other, please say',
      };
    case 'multiple-choice':
      return {
        ...base(q),
        type: 'checkbox',
        choices: [...q.options.map((o) => ({ value: o.value, text: o.label })), ...preferNot(q)],
        showOtherItem: q.allowOther,
        otherText: 'Other, please say',
        showNoneItem: Boolean(q.noneOption),
        ...(q.noneOption ? { noneText: q.noneOption } : {}),
      };
    case 'long-text':
      return { ...base(q), type: 'comment', maxLength: q.maxLength };
    case 'short-text':
      return { ...base(q), type: 'text', maxLength: q.maxLength };
    case 'rating':
      return {
        ...base(q),
        type: 'rating',
        rateMin: q.min,
        rateMax: q.max,
        ...(q.minLabel ? { minRateDescription: q.minLabel } : {}),
        ...(q.maxLabel ? { maxRateDescription: q.maxLabel } : {}),
      };
    case 'yes-no':
      return {
        ...base(q),
        type: 'radiogroup',
        choices: [{ value: 'yes', text: 'Yes' }, { value: 'no', text: 'No' }, ...preferNot(q)],
      };
    case 'number':
      return {
        ...base(q),
        type: 'text',
        inputType: 'number',
        ...(q.min !== undefined ? { min: q.min } : {}),
        ...(q.max !== undefined ? { max: q.max } : {}),
        ...(q.unit ? { description: [q.hint, `In ${q.unit}.`].filter(Boolean).join(' ') } : {}),
      };
    case 'date':
      return {
        ...base(q),
        type: 'text',
        inputType: 'date',
        ...(q.mustBePast ? { max: '=today()' } : {}),
      };
  }
}

export function surveyJsModel(survey: Survey): Record<string, unknown> {
  const intro = survey.intro
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('');
  return {
    title: survey.title,
    showQuestionNumbers: 'off',
    pages: [
      {
        name: 'start',
        elements: [
          { type: 'html', name: 'intro', html: intro },
          ...survey.consent.statements.map((s) => ({
            type: 'boolean',
            renderAs: 'checkbox',
            name: `consent-${s.id}`,
            title: s.text,
            titleLocation: 'hidden',
            label: s.text,
            isRequired: true,
            validators: [{ type: 'expression', expression: `{consent-${s.id}} = true` }],
          })),
        ],
      },
      { name: 'questions', elements: surveyQuestions(survey).map(element) },
    ],
  };
}
