import type { Survey } from '../schemas/index.ts';
import { decodeStep, encodeStep, type Step } from '../forms/flow.ts';
import { askedQuestions } from '../forms/questions.ts';
import { normaliseValues } from '../forms/values.ts';
import type { FlowState } from '../forms/flow.ts';
import { readProgress } from './surveyProgress.ts';

/**
 * A step's page, reached by the redirect after its form post or again with the browser's Back
 * and Forward buttons. The step comes from the address; the answers from what was kept. An
 * address whose answers are no longer kept (expired, restarted, sent from another device) starts
 * again, saying why.
 */
export function surveyFormGet(
  slug: string,
  survey: Survey,
  url: URL,
  now = Date.now(),
): { status: number; state: FlowState } {
  const found = readProgress(url.searchParams.get('p'), slug, now);
  if (!found) {
    return {
      status: 200,
      state: {
        step: { name: 'start' },
        values: { answers: {}, consent: {} },
        errors: {},
        easyRead: false,
        returnToCheck: false,
        notice:
          'The answers from that page are no longer kept (they are forgotten 2 hours after your last step). Please start again.',
      },
    };
  }
  const { state, status } = found;
  // Once sent, every step's address shows the receipt: the answers are gone from the server.
  if (state.step.name === 'done') return { status, state };
  const wanted = decodeStep(url.searchParams.get('step'));
  const step = reachable(survey, wanted, state) ? wanted : state.step;
  const moved = encodeStep(step) !== encodeStep(state.step);
  return {
    // Errors belong to the step they were found on.
    status: moved ? 200 : status,
    state: {
      ...state,
      step,
      errors: moved ? {} : state.errors,
      returnToCheck: url.searchParams.get('from') === 'check',
    },
  };
}

/** A question step only for a question this participant is asked; the rest need no answers. */
function reachable(survey: Survey, step: Step, state: FlowState): boolean {
  if (step.name === 'question') {
    if (survey.layout === 'one-page') return false;
    return askedQuestions(survey, normaliseValues(state.values).answers).some(
      (q) => q.id === step.id,
    );
  }
  if (step.name === 'questions') return survey.layout === 'one-page';
  return true;
}
