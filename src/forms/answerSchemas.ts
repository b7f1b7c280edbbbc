import * as yup from 'yup';
import type { Question } from '../schemas/index.ts';
import { firstWrongPart, partsToDate, type DateParts } from './dates.ts';
import { NONE, NUMBER_AND_DECLINED, OTHER, PREFER_NOT_TO_SAY } from './questions.ts';

/**
 * One Yup schema a question type, generated from the survey definition and used by both the
 * browser (Formik) and the server. Every rule has its own message in GOV.UK style, so Yup's
 * defaults ("is a required field") never reach a participant.
 */
export function answerSchema(question: Question, label = question.label): yup.Schema {
  const about = shorten(label);
  switch (question.type) {
    case 'short-text':
    case 'long-text': {
      const schema = yup
        .string()
        .typeError(`Enter an answer to: ${about}`)
        .max(
          question.maxLength,
          `Your answer to ‘${about}’ must be ${question.maxLength} characters or fewer`,
        );
      return question.optional ? schema : schema.required(`Enter an answer to: ${about}`);
    }
    case 'single-choice':
    case 'yes-no':
    case 'rating': {
      const schema = yup
        .string()
        .typeError(`Select one of the options for: ${about}`)
        .oneOf(allowedValues(question), `Select one of the options for: ${about}`);
      return question.optional ? schema : schema.required(`Select an answer to: ${about}`);
    }
    case 'multiple-choice': {
      let schema = yup
        .array()
        .typeError(`Select at least one option for: ${about}`)
        .of(
          yup
            .string()
            .oneOf(allowedValues(question), `Select only the options shown for: ${about}`),
        )
        .test('exclusive', (values, context) => {
          const picked = (values ?? []) as string[];
          for (const exclusive of [NONE, PREFER_NOT_TO_SAY]) {
            if (picked.includes(exclusive) && picked.length > 1) {
              const name =
                exclusive === NONE ? (question.noneOption ?? 'None of these') : 'Prefer not to say';
              return context.createError({
                message: `Select ‘${name}’ or select other options, not both`,
              });
            }
          }
          return true;
        });
      if (!question.optional)
        schema = schema
          .min(1, `Select at least one option for: ${about}`)
          .required(`Select at least one option for: ${about}`);
      return schema;
    }
    case 'number': {
      // A sensitive number may be declined instead (the form's "Prefer not to say" box).
      const declined = (v: string | undefined) => question.sensitive && v === PREFER_NOT_TO_SAY;
      const counted = (v: string | undefined) => v !== undefined && !declined(v);
      let schema = yup
        .string()
        .typeError(`Your answer to ‘${about}’ must be a number, like 12`)
        .test(
          'one-or-other',
          `Enter a number for ‘${about}’ or select ‘Prefer not to say’, not both`,
          (v) => v !== NUMBER_AND_DECLINED,
        )
        .test(
          'number',
          `Your answer to ‘${about}’ must be a number, like 12`,
          (v) => !counted(v) || /^-?\d+(\.\d+)?$/.test(v!),
        )
        .test(
          'min',
          `Your answer to ‘${about}’ must be ${question.min} or more`,
          (v) => !counted(v) || question.min === undefined || Number(v) >= question.min,
        )
        .test(
          'max',
          `Your answer to ‘${about}’ must be ${question.max} or less`,
          (v) => !counted(v) || question.max === undefined || Number(v) <= question.max,
        );
      if (!question.optional)
        schema = schema.required(
          question.sensitive
            ? `Enter a number for ‘${about}’, or select ‘Prefer not to say’`
            : `Enter a number for: ${about}`,
        );
      return schema;
    }
    case 'date':
      return yup.mixed<DateParts>().test('date', (parts, context) => {
        const given = parts && (parts.day || parts.month || parts.year);
        if (!given) {
          return question.optional
            ? true
            : context.createError({ message: `Enter a date for: ${about}` });
        }
        if (!parts.day || !parts.month || !parts.year) {
          const missing = (['day', 'month', 'year'] as const).filter((p) => !parts[p]);
          return context.createError({
            message: `The date for ‘${about}’ must include a ${missing.join(' and ')}`,
          });
        }
        const date = partsToDate(parts);
        if (!date)
          return context.createError({ message: `The date for ‘${about}’ must be a real date` });
        if (question.mustBePast && date.getTime() > Date.now()) {
          return context.createError({
            message: `The date for ‘${about}’ must be today or in the past`,
          });
        }
        return true;
      });
  }
}

/** The text for "Other, please say" when the participant chose Other, named by its question. */
export function otherAnswerSchema(label: string, easyRead = false): yup.Schema {
  const about = shorten(label);
  return easyRead
    ? yup
        .string()
        .max(
          200,
          `Please write less about ‘something else’ for: ${about}. Use 200 letters or fewer.`,
        )
        .required(`Tell us what ‘something else’ is for: ${about}`)
    : yup
        .string()
        .max(200, `Your other answer to ‘${about}’ must be 200 characters or fewer`)
        .required(`Enter your other answer to: ${about}`);
}

/** Every value a choice-like question accepts, including Other, None and Prefer not to say. */
export function allowedValues(question: Question): string[] {
  const extra = (list: (string | false | undefined)[]) => list.filter(Boolean) as string[];
  const declined = question.sensitive ? [PREFER_NOT_TO_SAY] : [];
  switch (question.type) {
    case 'single-choice':
      return [
        ...question.options.map((o) => o.value),
        ...extra([question.allowOther && OTHER]),
        ...declined,
      ];
    case 'multiple-choice':
      return [
        ...question.options.map((o) => o.value),
        ...extra([question.allowOther && OTHER, question.noneOption && NONE]),
        ...declined,
      ];
    case 'yes-no':
      return ['yes', 'no', ...declined];
    case 'rating':
      return [
        ...Array.from({ length: question.max - question.min + 1 }, (_, i) =>
          String(question.min + i),
        ),
        ...declined,
      ];
    default:
      return [];
  }
}

/** Which part of a date input an error belongs to, for the error summary's link. */
export function dateErrorPart(parts: DateParts | undefined): 'day' | 'month' | 'year' {
  return firstWrongPart(parts ?? {});
}

/** Long questions make long messages; keep the summary readable. */
export function shorten(label: string): string {
  const clean = label.replace(/[?.:]+$/, '');
  return clean.length > 90 ? `${clean.slice(0, 87).trimEnd()}…` : clean;
}
