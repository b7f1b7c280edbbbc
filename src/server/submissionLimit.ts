import { limiterPerProcess, type FailureLimiter, type LimiterOptions } from './rateLimit.ts';
import { requestClientKey } from './withdrawals.ts';

/**
 * New survey responses and journey maps accepted from one address an hour, together. Generous
 * enough for a workshop or a shared office behind one address (30 people each sending a survey
 * and a map stay well inside it); a script sending hundreds in a loop does not, and cannot open a
 * safeguarding flag (which blocks the purge) with each. Retries of a submission already stored
 * never count (Store.saveResponse asks only before storing something new).
 * SUBMISSION_LIMIT_PER_HOUR changes it, as FEEDBACK_LIMIT_PER_HOUR does for feedback.
 */
export const DEFAULT_SUBMISSIONS_PER_HOUR = 100;

export function submissionLimits(env: NodeJS.ProcessEnv = process.env): LimiterOptions {
  const perHour = Number(env.SUBMISSION_LIMIT_PER_HOUR);
  const hour = 60 * 60_000;
  return {
    perClient: { max: perHour > 0 ? perHour : DEFAULT_SUBMISSIONS_PER_HOUR, windowMs: hour },
    // No site-wide ceiling: strangers filling one would stop everyone else taking part.
    global: { max: Number.MAX_SAFE_INTEGER, windowMs: hour },
  };
}

/** What a route passes so a submission is counted against its sender's address. */
export interface SubmissionLimit {
  limiter: FailureLimiter;
  /** The keyed hash of the address (requestClientKey), never the address. */
  client: string;
}

/** One limiter per process, shared by both APIs and both no-JavaScript forms. */
export const submissionLimiter = () => limiterPerProcess('submissionLimiter', submissionLimits);

/** The limit for the request in `context` (an Astro page or endpoint). */
export function requestSubmissionLimit(context: { clientAddress: string }): SubmissionLimit {
  return { limiter: submissionLimiter(), client: requestClientKey(context) };
}

/** What the no-JavaScript forms say when the limit is reached; `what` is "Your answers were". */
export function limitNotice(retryAfterSeconds: number, what: string): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Many answers have been sent from this connection in the last hour, so ${what.toLowerCase()} not sent yet. Please press the button again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
