import {
  decodeJourneyStep,
  decodeReturnTo,
  encodeJourneyStep,
  type JourneyStep,
} from '../forms/journeyFlow.ts';
import type { JourneyState } from '../forms/journeyFlow.ts';
import { keepState, readState } from './surveyProgress.ts';

/** Journey codes are kept apart from survey codes of the same slug. */
const scope = (slug: string) => `journey:${slug}`;

/**
 * Keeps a journey step's state between its form post and the page it redirects to (post/
 * redirect/get), in memory only and for as long as survey steps are kept. Once sent, only the
 * receipt is kept: Back after sending must not show the map again.
 */
export function keepJourneyStep(
  token: string | null | undefined,
  slug: string,
  state: JourneyState,
  status: number,
): string {
  const sent = typeof state.step === 'object' && 'done' in state.step;
  const keep: JourneyState = sent
    ? { ...state, values: { stages: [], consent: {} }, errors: {} }
    : state;
  return keepState(token, scope(slug), keep, status);
}

/**
 * A step's page, reached by the redirect after its form post or again with the browser's Back
 * and Forward buttons: the step from the address, the map from what was kept. An address whose
 * map is no longer kept starts again, saying why.
 */
export function journeyFormGet(
  slug: string,
  url: URL,
  now = Date.now(),
): { status: number; state: JourneyState } {
  const found = readState<JourneyState>(url.searchParams.get('p'), scope(slug), now);
  if (!found) {
    return {
      status: 200,
      state: {
        step: 'start',
        values: { stages: [], consent: {} },
        errors: {},
        notice:
          'The map from that page is no longer kept (it is forgotten 2 hours after your last step). Please start again.',
      },
    };
  }
  const { state, status } = found;
  if (typeof state.step === 'object' && 'done' in state.step) return { status, state };
  const wanted: JourneyStep = decodeJourneyStep(
    url.searchParams.get('step'),
    state.values.stages.length,
  );
  const moved = encodeJourneyStep(wanted) !== encodeJourneyStep(state.step);
  return {
    // Errors and "what changed" belong to the step they were found on.
    status: moved ? 200 : status,
    state: {
      ...state,
      step: wanted,
      from: decodeReturnTo(url.searchParams.get('from')),
      errors: moved ? {} : state.errors,
      changed: moved ? undefined : state.changed,
    },
  };
}
