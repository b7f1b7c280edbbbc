import { randomUUID } from 'node:crypto';
import type { Journey } from '../schemas/index.ts';
import { formToJourney, validateJourneySubmission } from '../forms/journeyMap.ts';
import {
  decodeJourneyStep,
  decodeReturnTo,
  firstStageWithErrors,
  nextJourneyStep,
  type JourneyStep,
} from '../forms/journeyFlow.ts';
import type { FieldErrors } from '../forms/validateSurvey.ts';
import type { JourneyState } from '../forms/journeyFlow.ts';
import type { Store } from './store.ts';
import { limitNotice, type SubmissionLimit } from './submissionLimit.ts';
import { submitActivityResponse } from './surveySubmissions.ts';
import { formatDate } from '../lib/dates.ts';

/**
 * One step of the journey builder without JavaScript, one stage a page. The form post carries the
 * step, the button pressed and the whole map so far (the page's own fields and the rest as hidden
 * fields); this decides what the participant sees next. Nothing is stored until "Send".
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
  const step = decodeJourneyStep(form.get('step'), values.stages.length);
  const from = decodeReturnTo(form.get('from'));
  const action = form.get('action') ?? 'continue';
  const base: JourneyState = {
    step,
    values,
    errors: {},
    from,
    easyRead: form.get('easyRead') === '1',
  };
  const show = (state: Partial<JourneyState>, status = 200) => ({
    status,
    state: { ...base, ...state },
  });

  if (action === 'easy-read') return show({ easyRead: !base.easyRead });
  const next = await nextJourneyStep(journey, { step, values, from }, action, {
    another: form.get('another'),
    blank: form.get('start') === 'blank',
    easyRead: base.easyRead,
  });
  if (next !== 'send') return show({ from: undefined, ...next }, next.errors ? 422 : 200);

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
      return show({ step: stepToFix(result.errors), errors: result.errors }, 422);
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

/** A map refused when sent opens where the first thing to fix is. */
function stepToFix(errors: FieldErrors): JourneyStep {
  const stage = firstStageWithErrors(errors);
  if (stage !== undefined) return { stage };
  return errors.role ? 'role' : 'stages';
}
