import type { Survey } from '../schemas/index.ts';
import { partsToDate, isoDay, type DateParts } from './dates.ts';
import {
  askedQuestions,
  otherKey,
  surveyQuestions,
  answerKeys,
  NUMBER_AND_DECLINED,
  PREFER_NOT_TO_SAY,
} from './questions.ts';
import { normaliseValues } from './values.ts';
import { answerShapeErrors } from './answerShapes.ts';
import { answerErrors, choseOther, consentErrors, type FieldErrors } from './validateSurvey.ts';

export type AnswerValue = string | string[] | DateParts | number;

export type SubmissionResult =
  | {
      ok: true;
      value: {
        answers: Record<string, AnswerValue>;
        consent: Record<string, true>;
        submissionId: string;
      };
    }
  | { ok: false; errors: FieldErrors };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Checks a whole submission as the server receives it (JSON, or a form post turned into the
 * same shape): every asked question, every consent statement, a well-formed submission id, and
 * no answer to a question the survey does not have. Answers to questions that were not asked
 * (their condition did not match) are dropped: skipped, not just hidden.
 */
export async function validateSubmission(survey: Survey, body: unknown): Promise<SubmissionResult> {
  if (!isObject(body))
    return { ok: false, errors: { body: 'Send a JSON object with answers and consent' } };
  const values = normaliseValues(body);
  const given = isObject(values.answers) ? coerceScalars(survey, values.answers) : {};
  const consent = isObject(values.consent) ? values.consent : {};
  // Wrongly shaped answers are reported and left out, so no rule ever sees them.
  const shapeErrors = answerShapeErrors(survey, given);
  const answers = Object.fromEntries(
    Object.entries(given).filter(([key]) => !Object.hasOwn(shapeErrors, key)),
  );
  // No prototype, so an error keyed `__proto__` (an unknown answer of that name) is kept.
  const errors: FieldErrors = Object.create(null);

  for (const key of Object.keys(values)) {
    if (!['answers', 'consent', 'submissionId'].includes(key))
      errors[key] = 'This is not part of a survey response';
  }
  if (typeof values.submissionId !== 'string' || !UUID.test(values.submissionId)) {
    errors.submissionId = 'Send a submissionId that is a UUID';
  }
  const known = new Set(surveyQuestions(survey).flatMap(answerKeys));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) errors[key] = 'This is not a question in this survey';
  }
  Object.assign(
    errors,
    consentErrors(survey, consent as Record<string, boolean>),
    await answerErrors(survey, answers),
    shapeErrors,
  );
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  return {
    ok: true,
    value: {
      answers: keptAnswers(survey, answers),
      consent: Object.fromEntries(survey.consent.statements.map((s) => [s.id, true as const])),
      submissionId: values.submissionId as string,
    },
  };
}

/** Only the answers to questions asked, in stored form: numbers as numbers, dates as ISO days. */
function keptAnswers(
  survey: Survey,
  answers: Record<string, unknown>,
): Record<string, AnswerValue> {
  const kept: Record<string, AnswerValue> = {};
  for (const question of askedQuestions(survey, answers)) {
    const value = answers[question.id];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (question.type === 'number' && value !== PREFER_NOT_TO_SAY)
      kept[question.id] = Number(value);
    else if (question.type === 'date') {
      const date = partsToDate(value as DateParts);
      if (date) kept[question.id] = isoDay(date);
    } else kept[question.id] = value as AnswerValue;
    if (choseOther(question, value))
      kept[otherKey(question.id)] = answers[otherKey(question.id)] as string;
  }
  return kept;
}

/** JSON clients may send 4 for a rating or 12 for a number; forms always send text. */
function coerceScalars(survey: Survey, answers: Record<string, unknown>) {
  const out = { ...answers };
  for (const question of surveyQuestions(survey)) {
    const value = out[question.id];
    if ((question.type === 'rating' || question.type === 'number') && typeof value === 'number') {
      out[question.id] = String(value);
    }
    if (question.type === 'multiple-choice' && typeof value === 'string')
      out[question.id] = [value];
  }
  return out;
}

/**
 * Turns a form post into the submission shape: `answers.<id>` (repeated for checkboxes),
 * `answers.<id>.day|month|year`, `answers.<id>-other`, `consent.<id>=yes` and `submissionId`.
 * The names are the same ones Formik uses, so both paths meet in one shape.
 */
export function formToSubmission(survey: Survey, form: URLSearchParams): Record<string, unknown> {
  const multiple = new Set(
    surveyQuestions(survey)
      .filter((q) => q.type === 'multiple-choice')
      .map((q) => q.id),
  );
  const dates = new Set(
    surveyQuestions(survey)
      .filter((q) => q.type === 'date')
      .map((q) => q.id),
  );
  const numbers = new Set(
    surveyQuestions(survey)
      .filter((q) => q.type === 'number')
      .map((q) => q.id),
  );
  // No prototype: a field named `answers.__proto__` must be an unknown answer like any other,
  // not a way to give this object a prototype.
  const answers: Record<string, unknown> = Object.create(null);
  const consent: Record<string, boolean> = Object.create(null);
  for (const [name, value] of form) {
    const [scope, key, part] = name.split('.');
    if (scope === 'consent' && key) consent[key] = value === 'yes';
    if (scope !== 'answers' || !key) continue;
    // Only a date question has parts. Any other `answers.<id>.<part>` is not a field of this
    // form, and would make an answer an object that no page can show (a 500 mid-page).
    // A date question has only parts, and nothing else does.
    if (dates.has(key)) {
      if (part && DATE_PARTS.has(part)) {
        answers[key] = { ...(answers[key] as object), [part]: value };
      }
    } else if (part) continue;
    else if (numbers.has(key) && answers[key] && value) {
      // A number and "Prefer not to say" both sent (no JavaScript to untick one): ask which.
      answers[key] = NUMBER_AND_DECLINED;
    } else if (multiple.has(key)) {
      const previous = answers[key];
      answers[key] = [...(Array.isArray(previous) ? previous : []), value].filter(Boolean);
    } else answers[key] = value;
  }
  return { answers, consent, submissionId: form.get('submissionId') ?? undefined };
}

const DATE_PARTS = new Set(['day', 'month', 'year']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
