import type { CmsField, CmsFieldBase, CmsFieldObject } from 'decap-cms-core';
import type { QUESTION_TYPES } from '../src/schemas/survey.ts';
import { CONDITION_WIDGET } from './conditionChoices.ts';
import {
  boolean,
  easyReadPicture,
  int,
  list,
  optional,
  SLUG_PATTERN,
  string,
  text,
} from './fields.ts';

type QuestionType = (typeof QUESTION_TYPES)[number];

/** Fields every question has. */
const common: CmsField[] = [
  string('id', 'Short name', {
    pattern: SLUG_PATTERN,
    hint: 'Unique in this survey; used by conditions and in exports. For example, your-role',
  }),
  text('label', 'Question'),
  optional(text('hint', 'Hint')),
  optional(text('easyRead', 'Easy read wording')),
  optional(text('easyReadHint', 'Easy read hint')),
  easyReadPicture(),
  boolean('optional', 'Participants may skip this question', {
    hint: 'The question then says "(optional)".',
  }),
  boolean('sensitive', 'Offer "Prefer not to say"', {
    hint: 'Choices, ratings, yes or no and numbers get a "Prefer not to say" answer. A sensitive text question must be optional instead.',
  }),
  {
    name: 'showIf',
    label: 'Show only when',
    widget: CONDITION_WIDGET,
    required: false,
    hint: 'Ask this question only after a particular answer to an earlier choice, yes or no, or rating question.',
    // What it stores, as the survey schema reads it: read by the content-model check and by the
    // editor's messages, which name "When the answer is" when no answer was chosen.
    fields: [string('question', 'Question'), string('equals', 'When the answer is')],
  } as CmsField,
];

const choiceFields = (): CmsField[] => [
  list(
    'options',
    'Options',
    [
      string('label', 'Label'),
      string('value', 'Short name', { pattern: SLUG_PATTERN }),
      // One line, not a text area: an option is a few words, and a list of them should fit on
      // a screen.
      optional(string('hint', 'Hint')),
      optional(string('easyRead', 'Easy read label')),
      optional(string('easyReadHint', 'Easy read hint')),
    ],
    { min: 2, label_singular: 'option', summary: '{{fields.label}}', collapsed: true },
  ),
  boolean('allowOther', 'Add "Other, please say"'),
];

const type = (
  name: QuestionType,
  label: string,
  fields: CmsField[] = [],
): CmsFieldBase & CmsFieldObject => ({
  name,
  label,
  widget: 'object',
  summary: '{{fields.label}}',
  fields: [...common, ...fields],
});

/** Each question type with only the fields it needs. */
export const questionTypes = [
  type('short-text', 'Short text', [
    int('maxLength', 'Character limit', { min: 1, max: 500, default: 200, required: false }),
  ]),
  type('long-text', 'Long text', [
    int('maxLength', 'Character limit', { min: 50, max: 10000, default: 1500 }),
  ]),
  type('single-choice', 'Single choice (radios)', choiceFields()),
  type('multiple-choice', 'Multiple choice (checkboxes)', [
    ...choiceFields(),
    optional(
      string('noneOption', 'Exclusive last option', {
        hint: 'For example, "None of these". Leave empty for no such option.',
      }),
    ),
    optional(string('easyReadNoneOption', 'Exclusive last option in easy read')),
  ]),
  type('rating', 'Rating scale', [
    int('min', 'Lowest number', { min: 0, max: 1, default: 1 }),
    int('max', 'Highest number', { min: 3, max: 10, default: 5 }),
    string('minLabel', 'Words for the lowest'),
    string('maxLabel', 'Words for the highest'),
    optional(string('easyReadMinLabel', 'Words for the lowest in easy read')),
    optional(string('easyReadMaxLabel', 'Words for the highest in easy read')),
  ]),
  type('yes-no', 'Yes or no'),
  type('number', 'Number', [
    optional(int('min', 'Smallest allowed')),
    optional(int('max', 'Largest allowed')),
    optional(string('unit', 'Unit (for example, children)')),
    optional(string('easyReadUnit', 'Unit in easy read')),
  ]),
  type('date', 'Date', [boolean('mustBePast', 'Must be today or earlier')]),
];
