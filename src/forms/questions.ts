import type { Question, Survey } from '../schemas/index.ts';

/** Answer values with a fixed meaning across all questions. */
export const PREFER_NOT_TO_SAY = 'prefer-not-to-say';
export const OTHER = 'other';
export const NONE = 'none';
/** A form post that sent a number and ticked "Prefer not to say" for the same question. */
export const NUMBER_AND_DECLINED = 'number-and-prefer-not-to-say';

/** Id of the optional "Did someone help you fill this in?" question a survey can add. */
export const WHO_HELPED = 'who-helped';

// Written here, not in a survey file, so it is checked for easy read like the survey's own
// questions (src/lib/participantWords.ts).
export const whoHelped: Question = {
  type: 'single-choice',
  id: WHO_HELPED,
  label: 'Did someone help you fill this in?',
  hint: 'This helps us understand who our surveys reach. You do not have to answer.',
  easyRead: 'Did someone help you answer these questions?',
  easyReadHint: 'We want to know who our surveys reach. You do not have to answer.',
  picture: { pictogram: 'other-people', alt: 'Two people' },
  optional: true,
  sensitive: false,
  allowOther: false,
  options: [
    { value: 'no', label: 'No, I filled it in myself', easyRead: 'No. I did it myself.' },
    {
      value: 'family-or-friend',
      label: 'Yes, a family member or friend',
      easyRead: 'Yes. Someone in my family or a friend helped.',
    },
    {
      value: 'support-worker',
      label: 'Yes, a support worker, advocate or carer',
      easyRead: 'Yes. A support worker or carer helped.',
    },
    { value: 'someone-else', label: 'Yes, someone else', easyRead: 'Yes. Someone else helped.' },
  ],
};

/** The survey's questions, with "Did someone help you?" at the end when the survey asks it. */
export function surveyQuestions(survey: Survey): Question[] {
  return survey.askWhoHelped ? [...survey.questions, whoHelped] : survey.questions;
}

export type Answers = Record<string, unknown>;

/**
 * Whether a question is asked, given the answers so far. A question whose condition points at
 * a question that is itself not asked is not asked either, so skipped branches stay skipped.
 */
export function isAsked(question: Question, answers: Answers, all: Question[]): boolean {
  if (!question.showIf) return true;
  const target = all.find((q) => q.id === question.showIf!.question);
  if (!target || !isAsked(target, answers, all)) return false;
  const answer = answers[target.id];
  const expected = question.showIf.equals;
  if (Array.isArray(answer)) return answer.includes(expected);
  // Only text or a number can match; String() on a posted object could throw.
  return (typeof answer === 'string' || typeof answer === 'number') && String(answer) === expected;
}

/** The questions a participant is asked, in order, given their answers so far. */
export function askedQuestions(survey: Survey, answers: Answers): Question[] {
  const all = surveyQuestions(survey);
  return all.filter((question) => isAsked(question, answers, all));
}

/** The form keys a question may fill: its id, and "<id>-other" when it offers "Other". */
export function answerKeys(question: Question): string[] {
  return 'allowOther' in question && question.allowOther
    ? [question.id, otherKey(question.id)]
    : [question.id];
}

export const otherKey = (id: string) => `${id}-other`;

/** The wording to show: the easy-read version when chosen and written. */
export function questionText(question: Question, easyRead: boolean): string {
  return easyRead && question.easyRead ? question.easyRead : question.label;
}

/** The id of a question's field (its first input), which error links and "Change" point at. */
export const fieldId = (id: string) => `answer-${id}`;
