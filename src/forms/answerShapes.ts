import type { Question, Survey } from '../schemas/index.ts';
import { allowedValues } from './answerSchemas.ts';
import type { FieldErrors } from './validateSurvey.ts';
import { otherKey, surveyQuestions, type Answers } from './questions.ts';

/**
 * The shape each answer must have before any rule looks at it: text, a list of texts, or a date's
 * day, month and year as texts. Forms always send these shapes; a JSON client may send anything,
 * and the rules (Yup, conditions, dates) call string methods and String() on what they get, so a
 * number where a date part belongs, or an object with its own `toString`, would throw and answer
 * 500. Checking the shape first keeps every wrong shape a 422 with a message.
 */
export function answerShapeErrors(survey: Survey, answers: Answers): FieldErrors {
  const errors: FieldErrors = {};
  for (const question of surveyQuestions(survey)) {
    const value = answers[question.id];
    if (value !== undefined && !hasShape(question, value)) {
      errors[question.id] = SHAPE_MESSAGES[shapeOf(question)];
    }
    const other = answers[otherKey(question.id)];
    if (other !== undefined && typeof other !== 'string') {
      errors[otherKey(question.id)] = SHAPE_MESSAGES.text;
    }
  }
  return errors;
}

type Shape = 'text' | 'list' | 'date';

const SHAPE_MESSAGES: Record<Shape, string> = {
  text: 'Send this answer as text',
  list: 'Send this answer as a list of option values, each at most once',
  date: 'Send this date as { "day", "month", "year" }, each as text',
};

function shapeOf(question: Question): Shape {
  if (question.type === 'multiple-choice') return 'list';
  if (question.type === 'date') return 'date';
  return 'text';
}

function hasShape(question: Question, value: unknown): boolean {
  switch (shapeOf(question)) {
    case 'list':
      // No more items than there are options: 10,000 ticks took most of a second to check.
      return (
        Array.isArray(value) &&
        value.length <= allowedValues(question).length &&
        value.every((item) => typeof item === 'string')
      );
    case 'date':
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(
          ([key, part]) =>
            ['day', 'month', 'year'].includes(key) &&
            (part === undefined || typeof part === 'string'),
        )
      );
    default:
      return typeof value === 'string';
  }
}
