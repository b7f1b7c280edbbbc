import type { Question } from '../schemas/index.ts';

/**
 * The question as an easy-read reader sees it: its label, hint, options and scale words in their
 * easy-read versions where written. Values and ids stay the same, so answers, conditions and
 * validation do not change with the wording.
 */
export function inEasyRead(question: Question, easyRead: boolean): Question {
  if (!easyRead) return question;
  const q = {
    ...question,
    label: question.easyRead ?? question.label,
    hint: question.easyReadHint ?? question.hint,
  };
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice':
      return {
        ...q,
        options: q.options.map((o) => ({
          ...o,
          label: o.easyRead ?? o.label,
          hint: o.easyReadHint ?? o.hint,
        })),
        ...(q.type === 'multiple-choice' && { noneOption: q.easyReadNoneOption ?? q.noneOption }),
      } as Question;
    case 'rating':
      return {
        ...q,
        minLabel: q.easyReadMinLabel ?? q.minLabel,
        maxLabel: q.easyReadMaxLabel ?? q.maxLabel,
      };
    case 'number':
      return { ...q, unit: q.easyReadUnit ?? q.unit };
    default:
      return q;
  }
}
