import type { Prototype } from '../schemas/index.ts';
import { formToFeedback, HONEYPOT } from '../forms/feedback.ts';
import type { FeedbackState } from '../forms/feedback.ts';
import { UNAVAILABLE } from './jsonResponses.ts';
import { submitFeedback } from './prototypeFeedback.ts';
import type { FailureLimiter } from './rateLimit.ts';
import type { Store } from './store.ts';

/**
 * Feedback sent without JavaScript: the form post goes through the same service as the JSON
 * API, and this says what the person sees next (the receipt, or the form again with errors).
 */
export async function feedbackFormPost(
  store: Store,
  slug: string,
  prototype: Prototype,
  form: URLSearchParams,
  now: Date,
  options: { limiter: FailureLimiter; client: string; riskPhrases: readonly string[] },
): Promise<{ status: number; state: FeedbackState; headers?: Record<string, string> }> {
  const values = formToFeedback(prototype, form);
  const result = await submitFeedback(
    store,
    slug,
    prototype,
    { ...values, [HONEYPOT]: form.get(HONEYPOT) ?? '' },
    now,
    options,
  );
  const again = (status: number, notice: string, headers?: Record<string, string>) => ({
    status,
    state: { values, errors: {}, notice },
    headers,
  });
  switch (result.outcome) {
    case 'created':
      return { status: 201, state: { values, errors: {}, receipt: result.receipt } };
    case 'replayed':
      return { status: 200, state: { values, errors: {}, receipt: result.receipt } };
    case 'invalid':
      return { status: 422, state: { values, errors: result.errors } };
    case 'closed':
    case 'not-found':
      return again(410, 'This prototype scope is closed for feedback.');
    case 'automated':
      return again(400, 'This feedback could not be accepted. Please try again.');
    case 'rate-limited':
      return again(
        429,
        'Too much feedback has been sent from here in the last hour. Please try again later.',
        { 'Retry-After': String(result.retryAfterSeconds) },
      );
    case 'unavailable':
      return again(503, UNAVAILABLE[result.reason].error, {
        'Retry-After': String(UNAVAILABLE[result.reason].retryAfter),
      });
  }
}
