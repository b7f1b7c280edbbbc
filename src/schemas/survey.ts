import { z } from 'astro/zod';
import { activityFields, closesAfterOpens, optionalGroup, slugId, text } from './common.ts';
import { checkEasyRead, easyReadPictureSchema } from './easyRead.ts';

const option = z.object({
  value: slugId,
  label: text(200),
  hint: text(300).optional(),
  easyRead: text(200).optional(),
  easyReadHint: text(300).optional(),
});

/** Fields every question has, whatever its type. */
const questionBase = {
  id: slugId,
  label: text(300),
  hint: text(500).optional(),
  /** Plain-words wording shown when the participant chooses easy read. */
  easyRead: text(300).optional(),
  easyReadHint: text(500).optional(),
  /** The picture beside the question in easy read. */
  picture: optionalGroup(easyReadPictureSchema),
  optional: z.boolean().default(false),
  /** Sensitive questions offer "Prefer not to say". */
  sensitive: z.boolean().default(false),
  /** Ask this question only when an earlier question was answered with this value. */
  showIf: optionalGroup(z.object({ question: slugId, equals: z.string().min(1) })),
};

const choiceFields = {
  options: z.array(option).min(2, 'must have at least two options'),
  /** Adds "Other, please say" with a text box. */
  allowOther: z.boolean().default(false),
};

export const QUESTION_TYPES = [
  'short-text',
  'long-text',
  'single-choice',
  'multiple-choice',
  'rating',
  'yes-no',
  'number',
  'date',
] as const;

export const questionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('short-text'),
    ...questionBase,
    maxLength: z.number().int().min(1).max(500).default(200),
  }),
  z.object({
    type: z.literal('long-text'),
    ...questionBase,
    maxLength: z.number().int().min(50).max(10000),
  }),
  z.object({ type: z.literal('single-choice'), ...questionBase, ...choiceFields }),
  z.object({
    type: z.literal('multiple-choice'),
    ...questionBase,
    ...choiceFields,
    /** Label of an exclusive last option, such as "None of these". */
    noneOption: text(100).optional(),
    easyReadNoneOption: text(100).optional(),
  }),
  z.object({
    type: z.literal('rating'),
    ...questionBase,
    min: z.number().int().min(0).max(1),
    max: z.number().int().min(3).max(10),
    minLabel: text(60),
    maxLabel: text(60),
    easyReadMinLabel: text(60).optional(),
    easyReadMaxLabel: text(60).optional(),
  }),
  z.object({ type: z.literal('yes-no'), ...questionBase }),
  z.object({
    type: z.literal('number'),
    ...questionBase,
    min: z.number().optional(),
    max: z.number().optional(),
    unit: text(30).optional(),
    easyReadUnit: text(30).optional(),
  }),
  z.object({
    type: z.literal('date'),
    ...questionBase,
    /** The date must be today or earlier (e.g. "when did this happen"). */
    mustBePast: z.boolean().default(false),
  }),
]);

export type Question = z.output<typeof questionSchema>;

/** The values a question can be answered with, for checking `showIf` conditions. */
export function answerValues(question: Question): string[] | undefined {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      return question.options.map((o) => o.value);
    case 'yes-no':
      return ['yes', 'no'];
    case 'rating':
      return Array.from({ length: question.max - question.min + 1 }, (_, i) =>
        String(question.min + i),
      );
    default:
      return undefined;
  }
}

/** Cross-question rules a hand edit could break: unique ids, options and valid conditions. */
export function checkQuestions(questions: Question[], ctx: z.RefinementCtx, path: PropertyKey[]) {
  const seen = new Map<string, Question>();
  questions.forEach((question, index) => {
    const at = [...path, index];
    if (seen.has(question.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [...at, 'id'],
        message: `"${question.id}" is used by another question`,
      });
    }
    if ('options' in question) {
      const values = question.options.map((o) => o.value);
      const duplicate = values.find((v, i) => values.indexOf(v) !== i);
      if (duplicate) {
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'options'],
          message: `option "${duplicate}" appears twice`,
        });
      }
    }
    const declinable = ['single-choice', 'multiple-choice', 'rating', 'yes-no', 'number'].includes(
      question.type,
    );
    if (question.sensitive && !declinable && !question.optional) {
      // "Prefer not to say" is an answer of choices and numbers; on text it means leaving it blank.
      ctx.addIssue({
        code: 'custom',
        path: [...at, 'optional'],
        message:
          'a sensitive question without options must be optional, so people can leave it blank',
      });
    }
    if (question.id === 'who-helped') {
      ctx.addIssue({
        code: 'custom',
        path: [...at, 'id'],
        message: '"who-helped" is kept for the "Did someone help you?" question',
      });
    }
    if (question.showIf) {
      const target = seen.get(question.showIf.question);
      if (!target) {
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'showIf'],
          message: `there is no earlier question called "${question.showIf.question}"`,
        });
      } else {
        const allowed = answerValues(target);
        if (!allowed) {
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'showIf'],
            message: `"${target.id}" is a ${target.type} question, which cannot be used in a condition`,
          });
        } else if (question.showIf.equals && !allowed.includes(question.showIf.equals)) {
          // (An empty answer is already reported by the field itself, as not filled in.)
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'showIf'],
            message: `"${question.showIf.equals}" is not an answer to "${target.id}" (one of: ${allowed.join(', ')})`,
          });
        }
      }
    }
    seen.set(question.id, question);
  });
}

export const SURVEY_LAYOUTS = ['one-page', 'question-per-page'] as const;

export const surveySchema = z
  .object({
    ...activityFields,
    /** All questions on one page, or one question a page with "Question 3 of 12". */
    layout: z.enum(SURVEY_LAYOUTS),
    /** Offer the optional "Did someone help you fill this in?" question at the end. */
    askWhoHelped: z.boolean().default(true),
    questions: z.array(questionSchema).min(1, 'must have at least one question'),
  })
  .strict()
  .superRefine((survey, ctx) => {
    closesAfterOpens(survey, ctx);
    checkQuestions(survey.questions, ctx, ['questions']);
    checkEasyRead(survey, ctx);
  });

export type Survey = z.output<typeof surveySchema>;
