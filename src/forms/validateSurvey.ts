import { ValidationError, type Schema } from 'yup';
import type { Question, Survey } from '../schemas/index.ts';
import { answerSchema, otherAnswerSchema, shorten } from './answerSchemas.ts';
import { answerShapeErrors } from './answerShapes.ts';
import { askedQuestions, OTHER, otherKey, questionText, type Answers } from './questions.ts';

/** The values a survey form holds: the same shape in Formik, in a form post and in the API. */
export interface SurveyValues {
  answers: Answers;
  consent: Record<string, boolean | undefined>;
  submissionId?: string;
}

/** Errors by field: a question id, "<id>-other", or "consent.<statement id>". */
export type FieldErrors = Record<string, string>;

/**
 * Every consent statement of a survey or journey activity must be agreed to. Each message names
 * its statement, so the error summary's links differ (WCAG 2.4.4).
 */
export function consentErrors(
  activity: Pick<Survey, 'consent'>,
  consent: SurveyValues['consent'],
  easyRead = false,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const statement of activity.consent.statements) {
    if (consent?.[statement.id] !== true) {
      // In easy read the error quotes the statement as the participant read it, in easy words.
      errors[`consent.${statement.id}`] =
        easyRead && statement.easyRead
          ? `Tick this box if you agree: ‘${shorten(statement.easyRead)}’`
          : `Select the box if you agree: ‘${shorten(statement.text)}’`;
    }
  }
  return errors;
}

/**
 * Validates the answers to the given questions (by default every question asked), in question
 * order, so the error summary lists problems in the order of the page.
 */
export async function answerErrors(
  survey: Survey,
  answers: Answers,
  options: { only?: string[]; easyRead?: boolean } = {},
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  // Shapes first (text, a list, a date's parts): the rules below call string methods on what
  // they get, and a form field such as `answers.role.toString` would make them throw.
  const shapes = answerShapeErrors(survey, answers);
  const usable = Object.fromEntries(
    Object.entries(answers).filter(([key]) => !Object.hasOwn(shapes, key)),
  );
  const asked = askedQuestions(survey, usable).filter(
    (q) => !options.only || options.only.includes(q.id),
  );
  for (const question of asked) {
    const shape = shapes[question.id] ?? shapes[otherKey(question.id)];
    if (shape) {
      errors[shapes[question.id] ? question.id : otherKey(question.id)] = shape;
      continue;
    }
    // In easy read, the message names the question in its easy-read words.
    const label = questionText(question, options.easyRead ?? false);
    const message = await firstError(
      schemaFor(question, label, options.easyRead ?? false),
      usable[question.id],
    );
    if (message) {
      errors[question.id] = message;
    } else if (choseOther(question, usable[question.id])) {
      const otherMessage = await firstError(
        otherAnswerSchema(label, options.easyRead),
        usable[otherKey(question.id)],
      );
      if (otherMessage) errors[otherKey(question.id)] = otherMessage;
    }
  }
  return errors;
}

const schemas = new WeakMap<Question, Map<string, Schema>>();

/**
 * A question's schema, built once per question and wording and then reused (Yup schemas are
 * immutable; the date rule reads the clock when it runs, not when it is built). Building them
 * afresh was about a tenth of the server's time per submission (bench/REPORT.md).
 */
function schemaFor(question: Question, label: string, easyRead: boolean): Schema {
  let byWording = schemas.get(question);
  if (!byWording) schemas.set(question, (byWording = new Map()));
  const wording = `${easyRead ? 'easy' : 'standard'}:${label}`;
  let schema = byWording.get(wording);
  if (!schema) byWording.set(wording, (schema = answerSchema(question, label, easyRead)));
  return schema;
}

export function choseOther(question: Question, value: unknown): boolean {
  if (!('allowOther' in question) || !question.allowOther) return false;
  return Array.isArray(value) ? value.includes(OTHER) : value === OTHER;
}

async function firstError(schema: { validate(v: unknown): Promise<unknown> }, value: unknown) {
  try {
    await schema.validate(value);
    return undefined;
  } catch (error) {
    if (error instanceof ValidationError) return error.errors[0];
    throw error;
  }
}
