import type { Question } from '../schemas/index.ts';
import { allowedValues } from './answerSchemas.ts';
import { NONE, OTHER, PREFER_NOT_TO_SAY } from './questions.ts';
import { flowWords } from './flowWords.ts';

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

/**
 * The options a choice question shows, in order, with the extra ones the survey asks for (in
 * easy-read words when `easyRead`; the question's own options come easy-read from inEasyRead).
 */
export function choiceOptions(
  question: Question,
  easyRead = false,
): { options: Option[]; exclusive: Option[] } {
  const words = flowWords(easyRead);
  const declined = question.sensitive
    ? [{ value: PREFER_NOT_TO_SAY, label: words.preferNotToSay }]
    : [];
  switch (question.type) {
    case 'yes-no':
      return {
        options: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
        exclusive: declined,
      };
    case 'rating': {
      const numbers = allowedValues({ ...question, sensitive: false });
      return {
        options: numbers.map((n, i) => ({
          value: n,
          label:
            i === 0
              ? `${n} – ${question.minLabel}`
              : i === numbers.length - 1
                ? `${n} – ${question.maxLabel}`
                : n,
        })),
        exclusive: declined,
      };
    }
    case 'single-choice':
      return {
        options: [
          ...question.options,
          ...(question.allowOther ? [{ value: OTHER, label: words.other }] : []),
        ],
        exclusive: declined,
      };
    case 'multiple-choice':
      return {
        options: [
          ...question.options,
          ...(question.allowOther ? [{ value: OTHER, label: words.other }] : []),
        ],
        exclusive: [
          ...(question.noneOption ? [{ value: NONE, label: question.noneOption }] : []),
          ...declined,
        ],
      };
    default:
      return { options: [], exclusive: [] };
  }
}
