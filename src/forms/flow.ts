import type { FieldErrors, SurveyValues } from './validateSurvey.ts';
import type { Question, Survey } from '../schemas/index.ts';
import {
  askedQuestions,
  isAsked,
  questionText,
  surveyQuestions,
  type Answers,
} from './questions.ts';

/**
 * Where a participant is in a survey. The same steps drive the page without JavaScript (each
 * step a form post to the server) and the island with it (each step a state change).
 */
export type Step =
  | { name: 'start' }
  | { name: 'questions' }
  | { name: 'question'; id: string }
  | { name: 'check' }
  | { name: 'done'; receipt: string };

export function encodeStep(step: Step): string {
  return step.name === 'question' ? `question:${step.id}` : step.name;
}

export function decodeStep(text: string | null | undefined): Step {
  if (text?.startsWith('question:'))
    return { name: 'question', id: text.slice('question:'.length) };
  if (text === 'questions' || text === 'check') return { name: text };
  return { name: 'start' };
}

/**
 * The address of a step of a survey filled in without JavaScript (see src/server/surveyProgress.ts);
 * `fragment` is the id of the field the page should open at.
 */
export function stepUrl(
  slug: string,
  token: string,
  step: Step,
  returnToCheck = false,
  fragment?: string,
): string {
  const query = new URLSearchParams({ p: token, step: encodeStep(step) });
  if (returnToCheck) query.set('from', 'check');
  return `/surveys/${slug}/form/?${query}${fragment ? `#${encodeURIComponent(fragment)}` : ''}`;
}

/**
 * Exit this page from a step without JavaScript: this address forgets the answers kept for it
 * (src/server/surveyProgress.ts), then sends on to the neutral site, so the next person on the
 * device finds nothing by reopening the survey or pressing Back.
 */
export function exitAndForgetUrl(slug: string, token: string): string {
  return `/surveys/${slug}/form/?${new URLSearchParams({ p: token, exit: '1' })}`;
}

/** The step after this one, once its answers are valid. */
export function nextStep(
  survey: Survey,
  step: Step,
  answers: Answers,
  returnToCheck: boolean,
): Step {
  const asked = askedQuestions(survey, answers);
  switch (step.name) {
    case 'start':
      return survey.layout === 'one-page'
        ? { name: 'questions' }
        : { name: 'question', id: asked[0].id };
    case 'question': {
      if (returnToCheck) return { name: 'check' };
      const at = asked.findIndex((q) => q.id === step.id);
      const next = asked[at + 1];
      return next ? { name: 'question', id: next.id } : { name: 'check' };
    }
    default:
      return { name: 'check' };
  }
}

/** The step "Back" leads to. */
export function previousStep(survey: Survey, step: Step, answers: Answers): Step {
  const asked = askedQuestions(survey, answers);
  switch (step.name) {
    case 'question': {
      const at = asked.findIndex((q) => q.id === step.id);
      return at > 0 ? { name: 'question', id: asked[at - 1].id } : { name: 'start' };
    }
    case 'check':
      return survey.layout === 'one-page'
        ? { name: 'questions' }
        : { name: 'question', id: asked[asked.length - 1].id };
    default:
      return { name: 'start' };
  }
}

/** "Change" on the check-your-answers page. */
export function changeStep(survey: Survey, id: string): Step {
  return survey.layout === 'one-page' ? { name: 'questions' } : { name: 'question', id };
}

/**
 * "Question 3 of 12", worded so it never goes backwards as the participant moves on: the number
 * counts the questions they have been asked, and the total counts those they will or may still be
 * asked. A question whose condition depends on an answer not given yet counts as possible, so
 * answering can only shrink the total ("of up to 11" becomes "of 6"), never grow it.
 */
export function progress(survey: Survey, id: string, answers: Answers) {
  const all = surveyQuestions(survey);
  const here = all.findIndex((q) => q.id === id);
  const decided = (q: Question): boolean | undefined => {
    if (!q.showIf) return true;
    const at = all.findIndex((t) => t.id === q.showIf!.question);
    if (at < 0) return false;
    // The question it depends on is this one or a later one: its answer may still change.
    if (at >= here) return decided(all[at]) === false ? false : undefined;
    return isAsked(q, answers, all);
  };
  const asked = askedQuestions(survey, answers);
  const number = asked.findIndex((q) => q.id === id) + 1;
  const later = all.slice(here + 1).map(decided);
  const of = number + later.filter((d) => d !== false).length;
  return { number, of, exact: later.every((d) => d !== undefined) };
}

/**
 * The page title for a step; every step has its own, as every GOV.UK page does. Titles are kept
 * short enough to read in a tab or a screen reader's window list (about 70 characters with the
 * site name, `room` being what the site name leaves): the page first, then the survey, each
 * shortened at a word when it has to be.
 */
export function stepTitle(survey: Survey, step: Step, easyRead: boolean, siteName: string): string {
  const room = 70 - siteName.length - 3;
  const name = shortTitle(survey.title);
  const page = (text: string) => {
    const left = room - name.length - 3;
    return left >= 20 ? `${clip(text, left)} – ${name}` : clip(text, room);
  };
  switch (step.name) {
    case 'start':
      return clip(name, room);
    case 'questions':
      return page('Questions');
    case 'question': {
      const question = surveyQuestions(survey).find((q) => q.id === step.id);
      return page(question ? questionText(question, easyRead) : 'Question');
    }
    case 'check':
      return page('Check your answers');
    case 'done':
      return page('Answers sent');
  }
}

/** A survey's title up to its first question mark or colon, when it has one and runs long. */
function shortTitle(title: string): string {
  if (title.length <= 40) return title;
  const cut = title.match(/^(.{20,}?[?:])\s/);
  return cut ? cut[1].replace(/:$/, '') : title;
}

function clip(text: string, room: number): string {
  if (text.length <= room) return text;
  const cut = text.slice(0, room - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

export interface FlowState {
  step: Step;
  values: SurveyValues;
  errors: FieldErrors;
  easyRead: boolean;
  /** Came here from "Change" on the check page: Continue goes back there. */
  returnToCheck: boolean;
  /** A message from the server that is not about one field (the survey closed, say). */
  notice?: string;
  /** Without JavaScript: the code of the answers so far (src/server/surveyProgress.ts). */
  progress?: string;
}
