import { randomUUID } from 'node:crypto';
import type { Journey } from '../schemas/index.ts';
import {
  formToJourney,
  journeyErrors,
  MAX_STAGES,
  validateJourneySubmission,
} from '../forms/journeyMap.ts';
import {
  addStage,
  removeStage,
  shiftStage,
  startingStages,
  type StageChange,
} from '../forms/journeyStages.ts';
import { consentErrors } from '../forms/validateSurvey.ts';
import type { JourneyState, JourneyStep } from '../islands/JourneyBuilder.tsx';
import type { Store } from './store.ts';
import { limitNotice, type SubmissionLimit } from './submissionLimit.ts';
import { submitActivityResponse } from './surveySubmissions.ts';
import { formatDate } from '../lib/dates.ts';

/**
 * One step of the journey builder without JavaScript. Adding, removing and moving a stage are
 * form posts; the server renders the map back with the change, and nothing is stored until the
 * participant sends it.
 */
export async function journeyFormPost(
  store: Store,
  slug: string,
  journey: Journey,
  form: URLSearchParams,
  now: Date,
  riskPhrases: readonly string[] = [],
  limit?: SubmissionLimit,
): Promise<{ status: number; state: JourneyState }> {
  const posted = formToJourney(form);
  const values = { ...posted, submissionId: posted.submissionId || randomUUID() };
  const stepText = form.get('step');
  const step: JourneyStep = stepText === 'build' || stepText === 'check' ? stepText : 'start';
  const action = form.get('action') ?? 'continue';
  const base: JourneyState = { step, values, errors: {}, easyRead: form.get('easyRead') === '1' };
  const show = (state: Partial<JourneyState>, status = 200) => ({
    status,
    state: { ...base, ...state },
  });
  const stage = (prefix: string) =>
    action.startsWith(prefix) ? Number(action.slice(prefix.length)) : NaN;

  if (action === 'back') return show({ step: step === 'check' ? 'build' : 'start' });
  if (action === 'easy-read') return show({ easyRead: !base.easyRead });
  const changed = (change: StageChange | undefined) =>
    change
      ? show({ values: { ...values, stages: change.stages }, changed: change })
      : show({ errors: { stages: `A map can have at most ${MAX_STAGES} stages` } }, 422);
  if (action === 'add') return changed(addStage(values.stages));
  for (const [prefix, by] of [
    ['up:', -1],
    ['down:', 1],
  ] as const) {
    const index = stage(prefix);
    if (Number.isInteger(index) && values.stages[index])
      return changed(shiftStage(values.stages, index, by));
  }
  const removed = stage('remove:');
  if (Number.isInteger(removed) && values.stages[removed])
    return changed(removeStage(values.stages, removed));
  // "Change" on the check page: back to the builder, at that stage (the button's #fragment).
  if (action.startsWith('change:')) return show({ step: 'build' });

  if (step === 'start') {
    const errors = consentErrors(journey, values.consent);
    if (Object.keys(errors).length > 0) return show({ errors }, 422);
    const stages = startingStages(journey, values.stages, form.get('start') === 'blank');
    return show({ step: 'build', values: { ...values, stages } });
  }
  if (step === 'build') {
    const errors = await journeyErrors(journey, values);
    if (Object.keys(errors).length > 0) return show({ errors }, 422);
    return show({ step: 'check' });
  }

  const result = await submitActivityResponse(store, 'journey', slug, journey, values, now, {
    riskPhrases,
    validate: validateJourneySubmission,
    limit,
  });
  switch (result.outcome) {
    case 'created':
    case 'replayed':
      return show({ step: { done: result.receipt } }, result.outcome === 'created' ? 201 : 200);
    case 'invalid':
      return show({ step: 'build', errors: result.errors }, 422);
    case 'closed':
      return show(
        {
          notice: `This activity closed on ${formatDate(new Date(result.closes))}. Your map was not sent.`,
        },
        410,
      );
    case 'unavailable':
      return show(
        {
          notice:
            result.reason === 'busy'
              ? 'The site is busy. Your map was not sent yet: please press “Send your journey map” again in a minute.'
              : 'The site cannot save maps just now. Your map was not sent yet: please press “Send your journey map” again in a few minutes.',
        },
        503,
      );
    case 'rate-limited':
      return show({ notice: limitNotice(result.retryAfterSeconds, 'Your map was') }, 429);
    default:
      return show({ notice: 'This activity is not open. Your map was not sent.' }, 404);
  }
}
