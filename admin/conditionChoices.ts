/**
 * What the "Show only when" control offers (admin/conditionWidget.tsx): the earlier questions a
 * condition can use, by their wording, and each one's answers. It reads the entry as it is being
 * written (half-filled questions included), so the choices follow questions as they are added,
 * renamed or moved. It stores what the survey schema reads, `{ question, equals }` with short
 * names (src/schemas/survey.ts); the schema's cross-check still runs before saving.
 */

/** The widget name of the "Show only when" control (admin/questions.ts, admin/cms.ts). */
export const CONDITION_WIDGET = 'condition';
/** The attribute each rendered control carries, so it can find its place among the others. */
export const CONDITION_MARK = 'data-sg-condition';

/** A question as the editor holds it: any field may still be missing. */
export interface DraftQuestion {
  type?: string;
  id?: string;
  label?: string;
  options?: { value?: string; label?: string }[];
  min?: number | string;
  max?: number | string;
  minLabel?: string;
  maxLabel?: string;
}

export interface Answer {
  value: string;
  label: string;
}

export interface ConditionQuestion {
  id: string;
  /** "Question 2: Have you shared information with another agency this week?" */
  label: string;
  answers: Answer[];
}

export interface Condition {
  question?: string;
  equals?: string;
}

/** The answers a question can be given, in words, with the short names the schema checks. */
export function answersOf(question: DraftQuestion): Answer[] {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      return (question.options ?? [])
        .filter((option) => option?.value)
        .map((option) => ({ value: option.value!, label: option.label || option.value! }));
    case 'yes-no':
      return [
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
      ];
    case 'rating': {
      // The defaults the editor fills in for a new rating question (admin/questions.ts).
      const min = Number(question.min ?? 1);
      const max = Number(question.max ?? 5);
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) return [];
      return Array.from({ length: max - min + 1 }, (_, i) => {
        const n = min + i;
        const words = n === min ? question.minLabel : n === max ? question.maxLabel : undefined;
        return { value: String(n), label: words ? `${n} (${words})` : String(n) };
      });
    }
    default:
      // Text, numbers and dates have no fixed answers to compare with.
      return [];
  }
}

/** The questions before `index` that a condition can use: named, with answers to choose. */
export function earlierQuestions(questions: DraftQuestion[], index: number): ConditionQuestion[] {
  return questions.slice(0, Math.max(0, index)).flatMap((question, i) => {
    const answers = answersOf(question ?? {});
    if (!question?.id || answers.length === 0) return [];
    const words = question.label?.trim() || question.id;
    return [{ id: question.id, label: `Question ${i + 1}: ${words}`, answers }];
  });
}

/**
 * A condition that no longer matches the questions before it (its question was renamed,
 * removed or moved below): kept, and named, so the researcher sees it and the check before
 * saving says what is wrong, rather than it silently changing.
 */
export function staleCondition(
  condition: Condition | undefined,
  choices: ConditionQuestion[],
): { question?: string; equals?: string } {
  if (!condition?.question) return {};
  const target = choices.find((choice) => choice.id === condition.question);
  if (!target) return { question: condition.question, equals: condition.equals };
  const known = target.answers.some((answer) => answer.value === condition.equals);
  return condition.equals && !known ? { equals: condition.equals } : {};
}
