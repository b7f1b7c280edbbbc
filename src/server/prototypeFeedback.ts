import type { Prototype } from '../schemas/index.ts';
import { checkFeedback, HONEYPOT, type FeedbackErrors } from '../forms/feedback.ts';
import { ukDay } from './activityDates.ts';
import { feedbackSources, type SourceGrouper } from './feedbackSources.ts';
import { feedbackTexts, saveFeedback } from './feedbackStore.ts';
import { limiterPerProcess, type FailureLimiter, type LimiterOptions } from './rateLimit.ts';
import { findRiskPhrases } from './research/flags.ts';
import { CONFLICT_MESSAGE, definitionHash } from './surveySubmissions.ts';
import { StoreUnavailableError, type StoreUnavailableReason } from './storeErrors.ts';
import { jsonAnswer, unavailableAnswer, type JsonAnswer } from './jsonResponses.ts';
import type { Store } from './store.ts';

/**
 * New feedback allowed from one client (an IPv6 /64: see clientAddress.ts). A workshop on one
 * office network sending a comment each stays well inside it; a script posting in a loop does
 * not. Retries of feedback already stored never count. Overridable for a known large event
 * (FEEDBACK_LIMIT_PER_HOUR).
 *
 * The site-wide ceiling was reviewed with withdrawal's (issue 12) and kept: strangers from about
 * 67 networks can fill it for an hour, but what it refuses is only new feedback, while what it
 * bounds (rows written and comments queued for moderators by many addresses together) has no
 * other limit. Withdrawals and retries never meet it, and neither does a filled-in honeypot,
 * which stores nothing.
 */
export function feedbackLimits(env: NodeJS.ProcessEnv = process.env): LimiterOptions {
  const perHour = Number(env.FEEDBACK_LIMIT_PER_HOUR);
  const perClient = perHour > 0 ? perHour : 30;
  return {
    perClient: { max: perClient, windowMs: 60 * 60_000 },
    // Raising the limit for one address (a large event behind one network) raises this with it.
    global: { max: Math.max(2000, perClient), windowMs: 60 * 60_000 },
  };
}

/** One limiter per process, shared by the API and the no-JavaScript form. */
export const feedbackLimiter = () => limiterPerProcess('feedbackLimiter', feedbackLimits);

export type FeedbackOutcome =
  | { outcome: 'created' | 'replayed'; receipt: string }
  | { outcome: 'not-found' }
  | { outcome: 'closed' }
  | { outcome: 'invalid'; errors: FeedbackErrors }
  /** The hidden field was filled in: software, not a person. Nothing is stored. */
  | { outcome: 'automated' }
  | { outcome: 'rate-limited'; retryAfterSeconds: number }
  | { outcome: 'unavailable'; reason: StoreUnavailableReason };

/**
 * Checks and stores feedback on a prototype scope. Nothing is stored unless the outcome is
 * `created`, and `created` is returned only after the store has committed.
 */
export async function submitFeedback(
  store: Store,
  slug: string,
  prototype: Prototype | undefined,
  body: unknown,
  now: Date,
  {
    limiter,
    client,
    riskPhrases = [],
    sources = feedbackSources(),
  }: {
    limiter: FailureLimiter;
    client: string;
    riskPhrases?: readonly string[];
    sources?: SourceGrouper;
  },
): Promise<FeedbackOutcome> {
  if (!prototype) return { outcome: 'not-found' };
  if (!prototype.feedbackOpen) return { outcome: 'closed' };

  const fields = typeof body === 'object' && body !== null ? { ...body } : body;
  if (fields && typeof fields === 'object' && HONEYPOT in fields) {
    const trap = (fields as Record<string, unknown>)[HONEYPOT];
    delete (fields as Record<string, unknown>)[HONEYPOT];
    if (trap !== '' && trap !== undefined && trap !== null) {
      limiter.recordFailure(client, now.getTime(), { siteWide: false });
      return { outcome: 'automated' };
    }
  }

  const checked = await checkFeedback(prototype, fields);
  if (!checked.ok) return { outcome: 'invalid', errors: checked.errors };

  let limited: { retryAfterSeconds: number } | undefined;
  try {
    const saved = saveFeedback(
      store.database(),
      {
        slug,
        scopeVersion: prototype.version,
        definitionHash: definitionHash(prototype),
        feedback: checked.value,
        receivedOn: ukDay(now),
        sourceGroup: sources.groupFor(slug, client, now.getTime()),
        riskMatch: findRiskPhrases(feedbackTexts(checked.value), riskPhrases),
      },
      () => {
        const check = limiter.check(client, now.getTime());
        if (check.allowed) return true;
        limited = { retryAfterSeconds: check.retryAfterSeconds };
        return false;
      },
    );
    switch (saved.status) {
      case 'conflict':
        return { outcome: 'invalid', errors: { submissionId: CONFLICT_MESSAGE } };
      case 'refused':
        return { outcome: 'rate-limited', retryAfterSeconds: limited!.retryAfterSeconds };
      case 'created':
        // Counts against the client's allowance (the limiter counts events; here, new feedback).
        limiter.recordFailure(client, now.getTime());
        return { outcome: 'created', receipt: saved.receipt };
      default:
        return { outcome: 'replayed', receipt: saved.receipt };
    }
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      return { outcome: 'unavailable', reason: error.reason };
    }
    throw error;
  }
}

/** The HTTP answer for the JSON API. */
export function feedbackAnswer(result: FeedbackOutcome): JsonAnswer {
  switch (result.outcome) {
    case 'created':
      return jsonAnswer(201, { receipt: result.receipt });
    case 'replayed':
      return jsonAnswer(200, { receipt: result.receipt });
    case 'not-found':
      return jsonAnswer(404, { error: 'There is no prototype scope at this address.' });
    case 'closed':
      return jsonAnswer(410, { error: 'This prototype scope is closed for feedback.' });
    case 'invalid':
      return jsonAnswer(422, { errors: result.errors });
    case 'automated':
      return jsonAnswer(400, {
        error: 'This feedback could not be accepted. If you are a person, please use the form.',
      });
    case 'rate-limited':
      return jsonAnswer(
        429,
        { error: 'Too much feedback has been sent from here. Please try again later.' },
        { 'Retry-After': String(result.retryAfterSeconds) },
      );
    case 'unavailable':
      return unavailableAnswer(result.reason);
  }
}
