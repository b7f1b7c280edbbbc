import { randomUUID } from 'node:crypto';
import type { Survey } from '../schemas/index.ts';
import { changeStep, decodeStep, nextStep, previousStep } from '../forms/flow.ts';
import { askedQuestions } from '../forms/questions.ts';
import { formToSubmission } from '../forms/submission.ts';
import { answerErrors, consentErrors, type SurveyValues } from '../forms/validateSurvey.ts';
import { normaliseValues } from '../forms/values.ts';
import type { FlowState } from '../forms/flow.ts';
import type { Store } from './store.ts';
import { limitNotice, type SubmissionLimit } from './submissionLimit.ts';
import { submitSurveyResponse } from './surveySubmissions.ts';
import { formatDate } from '../lib/dates.ts';
import { fieldId } from '../forms/questions.ts';

/**
 * One step of a survey without JavaScript: the form post carries the step, the button pressed
 * and every answer so far; this decides what the participant sees next. Nothing is stored until
 * "Send your answers", and then through the same service as the JSON API.
 */
export async function surveyFormPost(
  store: Store,
  slug: string,
  survey: Survey,
  form: URLSearchParams,
  now: Date,
  riskPhrases: readonly string[] = [],
  limit?: SubmissionLimit,
): Promise<{ status: number; state: FlowState; focus?: string }> {
  const posted = formToSubmission(survey, form) as Required<SurveyValues>;
  const values: SurveyValues = {
    answers: posted.answers,
    consent: posted.consent,
    // Made on the first post; it then travels with the form, so a resend is recognised.
    submissionId: posted.submissionId || randomUUID(),
  };
  const clean = normaliseValues(values);
  const step = decodeStep(form.get('step'));
  const action = form.get('action') ?? 'continue';
  const base: FlowState = {
    step,
    values,
    errors: {},
    easyRead: form.get('easyRead') === '1',
    returnToCheck: form.get('returnToCheck') === '1',
  };
  const show = (state: Partial<FlowState>, status = 200) => ({
    status,
    state: { ...base, ...state },
  });

  if (action === 'easy-read') return show({ easyRead: !base.easyRead });
  if (action === 'back')
    return show({ step: previousStep(survey, step, clean.answers), returnToCheck: false });
  if (action.startsWith('change:')) {
    const id = action.slice('change:'.length);
    // The field's id becomes the address's fragment: without JavaScript, Change lands a keyboard
    // or screen-reader user at that question, not at the top of the page.
    return {
      ...show({ step: changeStep(survey, id), returnToCheck: true }),
      focus: fieldId(id),
    };
  }

  if (step.name === 'start') {
    const errors = consentErrors(survey, clean.consent, base.easyRead);
    if (Object.keys(errors).length > 0) return show({ errors }, 422);
  }
  if (step.name === 'questions' || step.name === 'question' || step.name === 'check') {
    const only = step.name === 'question' ? [step.id] : undefined;
    const errors = await answerErrors(survey, clean.answers, { only, easyRead: base.easyRead });
    if (Object.keys(errors).length > 0) {
      const first = askedQuestions(survey, clean.answers).find(
        (q) => errors[q.id] || errors[`${q.id}-other`],
      );
      const where = step.name === 'check' && first ? changeStep(survey, first.id) : step;
      return show({ step: where, errors }, 422);
    }
  }
  if (step.name !== 'check') {
    return show({
      step: nextStep(survey, step, clean.answers, base.returnToCheck),
      returnToCheck: false,
    });
  }

  const result = await submitSurveyResponse(store, slug, survey, values, now, {
    riskPhrases,
    limit,
  });
  switch (result.outcome) {
    case 'created':
    case 'replayed':
      return show(
        { step: { name: 'done', receipt: result.receipt } },
        result.outcome === 'created' ? 201 : 200,
      );
    case 'invalid':
      return show({ step: { name: 'start' }, errors: result.errors }, 422);
    case 'closed':
      return show(
        {
          notice: `This survey closed on ${formatDate(new Date(result.closes))}. Your answers were not sent.`,
        },
        410,
      );
    case 'unavailable':
      return show(
        {
          notice:
            result.reason === 'busy'
              ? 'The site is busy. Your answers were not sent yet: please press “Send your answers” again in a minute.'
              : 'The site cannot save answers just now. Your answers were not sent yet: please press “Send your answers” again in a few minutes.',
        },
        503,
      );
    case 'rate-limited':
      return show({ notice: limitNotice(result.retryAfterSeconds, 'Your answers were') }, 429);
    default:
      return show({ notice: 'This survey is not open. Your answers were not sent.' }, 404);
  }
}
