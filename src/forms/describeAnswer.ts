import type { Question } from '../schemas/index.ts';
import { otherKey, PREFER_NOT_TO_SAY, type Answers } from './questions.ts';
import { choiceOptions } from './choiceOptions.ts';
import { partsToDate, type DateParts } from './dates.ts';
import { formatDate } from '../lib/dates.ts';
import { flowWords } from './flowWords.ts';

/**
 * An answer as words: option labels rather than codes, dates as "3 February 2026", ratings with
 * their scale's words, numbers with their unit, "Not provided" when skipped.
 */
export function describeAnswer(question: Question, answers: Answers, easyRead = false): string {
  const words = flowWords(easyRead);
  const value = answers[question.id];
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return words.notProvided;
  if (value === PREFER_NOT_TO_SAY) return words.preferNotToSay;
  switch (question.type) {
    case 'date': {
      const parts = value as DateParts;
      const date = partsToDate(parts);
      return date
        ? formatDate(date)
        : [parts.day, parts.month, parts.year].filter(Boolean).join(' ');
    }
    case 'number':
      return question.unit ? `${String(value)} ${question.unit}` : String(value);
    case 'rating':
      return `${String(value)} out of ${question.max} (${question.min} is ${question.minLabel}, ${question.max} is ${question.maxLabel})`;
  }
  const { options, exclusive } = choiceOptions(question, easyRead);
  const all = [...options, ...exclusive];
  if (all.length === 0) return String(value);
  const label = (v: string) =>
    v === 'other'
      ? `${words.otherAnswer}: ${String(answers[otherKey(question.id)] ?? '')}`
      : (all.find((o) => o.value === v)?.label ?? v);
  return Array.isArray(value) ? value.map(label).join(', ') : label(String(value));
}
