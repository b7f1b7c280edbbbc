import * as yup from 'yup';
import type { Question } from '../schemas/index.ts';
import { answerErrorWords } from './answerErrorWords.ts';
import { inEasyRead } from './easyReadQuestion.ts';
import { firstWrongPart, partsToDate, type DateParts } from './dates.ts';
import { NONE, NUMBER_AND_DECLINED, OTHER, PREFER_NOT_TO_SAY } from './questions.ts';

/**
 * One Yup schema a question type, generated from the survey definition and used by both the
 * browser (Formik) and the server. Every rule has its own message in GOV.UK style, so Yup's
 * defaults ("is a required field") never reach a participant; in easy read the messages are in
 * easy-read words (src/forms/answerErrorWords.ts).
 */
export function answerSchema(
  question: Question,
  label = question.label,
  easyRead = false,
): yup.Schema {
  const about = shorten(label);
  const say = answerErrorWords(easyRead);
  switch (question.type) {
    case 'short-text':
    case 'long-text': {
      const schema = yup
        .string()
        .typeError(say.enterText(about))
        .max(question.maxLength, say.textTooLong(about, question.maxLength));
      return question.optional ? schema : schema.required(say.enterText(about));
    }
    case 'single-choice':
    case 'yes-no':
    case 'rating': {
      const schema = yup
        .string()
        .typeError(say.selectOne(about))
        .oneOf(allowedValues(question), say.selectOne(about));
      return question.optional ? schema : schema.required(say.selectAnswer(about));
    }
    case 'multiple-choice': {
      const noneName = inEasyRead(question, easyRead) as typeof question;
      let schema = yup
        .array()
        .typeError(say.selectAtLeastOne(about))
        .of(yup.string().oneOf(allowedValues(question), say.onlyShown(about)))
        .test('exclusive', (values, context) => {
          const picked = (values ?? []) as string[];
          for (const exclusive of [NONE, PREFER_NOT_TO_SAY]) {
            if (picked.includes(exclusive) && picked.length > 1) {
              const name =
                exclusive === NONE ? (noneName.noneOption ?? say.noneOfThese) : say.preferNotToSay;
              return context.createError({ message: say.notBoth(name) });
            }
          }
          return true;
        });
      if (!question.optional)
        schema = schema.min(1, say.selectAtLeastOne(about)).required(say.selectAtLeastOne(about));
      return schema;
    }
    case 'number': {
      // A sensitive number may be declined instead (the form's "Prefer not to say" box).
      const declined = (v: string | undefined) => question.sensitive && v === PREFER_NOT_TO_SAY;
      const counted = (v: string | undefined) => v !== undefined && !declined(v);
      let schema = yup
        .string()
        .typeError(say.notANumber(about))
        .test('one-or-other', say.numberAndDeclined(about), (v) => v !== NUMBER_AND_DECLINED)
        .test('number', say.notANumber(about), (v) => !counted(v) || /^-?\d+(\.\d+)?$/.test(v!))
        .test(
          'min',
          say.atLeast(about, question.min ?? 0),
          (v) => !counted(v) || question.min === undefined || Number(v) >= question.min,
        )
        .test(
          'max',
          say.atMost(about, question.max ?? 0),
          (v) => !counted(v) || question.max === undefined || Number(v) <= question.max,
        );
      if (!question.optional)
        schema = schema.required(
          question.sensitive ? say.enterNumberOrDecline(about) : say.enterNumber(about),
        );
      return schema;
    }
    case 'date':
      return yup.mixed<DateParts>().test('date', (parts, context) => {
        const given = parts && (parts.day || parts.month || parts.year);
        if (!given) {
          return question.optional ? true : context.createError({ message: say.enterDate(about) });
        }
        if (!parts.day || !parts.month || !parts.year) {
          const missing = (['day', 'month', 'year'] as const).filter((p) => !parts[p]);
          return context.createError({ message: say.dateMissing(about, missing) });
        }
        const date = partsToDate(parts);
        if (!date) return context.createError({ message: say.notARealDate(about) });
        if (question.mustBePast && date.getTime() > Date.now()) {
          return context.createError({ message: say.notInFuture(about) });
        }
        return true;
      });
  }
}

/** The text for "Other, please say" when the participant chose Other, named by its question. */
export function otherAnswerSchema(label: string, easyRead = false): yup.Schema {
  const about = shorten(label);
  const say = answerErrorWords(easyRead);
  return yup.string().max(200, say.otherTooLong(about)).required(say.enterOther(about));
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
