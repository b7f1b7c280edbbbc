import type { Survey } from '../schemas/index.ts';
import { validateSubmission } from '../forms/submission.ts';
import { findRiskPhrases } from './research/flags.ts';
import { canonicalJson, sha256Hex } from './canonicalJson.ts';
import { contentDay, ukDay } from './activityDates.ts';
import { StoreUnavailableError, type StoreUnavailableReason } from './storeErrors.ts';
import type { ActivityKind, Store } from './store.ts';
import type { SubmissionLimit } from './submissionLimit.ts';

export type Availability = 'open' | 'closed' | 'not-yet-open';

/**
 * Whether a survey takes answers at `now`. Closed by its status, or once the UK day is past its
 * close date (the whole close day counts). Drafts are not listed anywhere; callers treat them as
 * unknown before asking this.
 */
export function surveyAvailability(
  survey: Pick<Survey, 'status' | 'opens' | 'closes'>,
  now: Date,
): Availability {
  if (survey.status === 'closed') return 'closed';
  const today = ukDay(now);
  if (today > contentDay(survey.closes)) return 'closed';
  if (survey.status === 'draft' || today < contentDay(survey.opens)) return 'not-yet-open';
  return 'open';
}

const definitionHashes = new WeakMap<object, string>();

/**
 * SHA-256 of the survey definition (questions, wording, consent, dates) as canonical JSON.
 * Stored with each answer, so that an answer can always be read against the exact questions and
 * consent text the person saw, even after the survey is edited.
 */
export function definitionHash(survey: object): string {
  let hash = definitionHashes.get(survey);
  if (!hash) {
    hash = sha256Hex(canonicalJson(survey));
    definitionHashes.set(survey, hash);
  }
  return hash;
}

/** What happened to a submission; the routes turn each into an HTTP answer. */
export type SubmitOutcome =
  | { outcome: 'created'; receipt: string }
  | { outcome: 'replayed'; receipt: string }
  | { outcome: 'not-found' }
  | { outcome: 'closed'; closes: string }
  | { outcome: 'not-yet-open'; opens: string }
  | { outcome: 'invalid'; errors: Record<string, string> }
  /** Nothing was stored: the database was locked or could not be written. Try again later. */
  | { outcome: 'unavailable'; reason: StoreUnavailableReason }
  /** Nothing was stored: this address has sent its hour's allowance (submissionLimit.ts). */
  | { outcome: 'rate-limited'; retryAfterSeconds: number };

export const CONFLICT_MESSAGE =
  'This submissionId was already used for different answers. Make a new submissionId for a new submission.';

type Validate = typeof validateSubmission;

/** What every activity (survey or journey) has that storing an answer needs. */
type Activity = Pick<Survey, 'status' | 'opens' | 'closes' | 'consent'>;

type Checked =
  | {
      ok: true;
      value: {
        answers: Record<string, unknown>;
        consent: Record<string, true>;
        submissionId: string;
      };
    }
  | { ok: false; errors: Record<string, string> };

/**
 * Checks and stores one survey response. Nothing is stored unless the outcome is `created`, and
 * `created` is returned only after the store has committed. `validate` is replaceable for tests.
 */
export function submitSurveyResponse(
  store: Store,
  slug: string,
  survey: Survey | undefined,
  body: unknown,
  now: Date,
  {
    riskPhrases = [],
    validate = validateSubmission,
    limit,
  }: { riskPhrases?: readonly string[]; validate?: Validate; limit?: SubmissionLimit } = {},
): Promise<SubmitOutcome> {
  return submitActivityResponse(store, 'survey', slug, survey, body, now, {
    riskPhrases,
    validate: (activity, input) => validate(activity, input),
    limit,
  });
}

/** The same for any kind of activity: availability, validation, one committed row, flags. */
export async function submitActivityResponse<T extends Activity>(
  store: Store,
  kind: ActivityKind,
  slug: string,
  activity: T | undefined,
  body: unknown,
  now: Date,
  {
    riskPhrases = [],
    validate,
    limit,
  }: {
    riskPhrases?: readonly string[];
    validate: (activity: T, body: unknown) => Promise<Checked>;
    /** Counts new submissions per address; the routes always pass it. */
    limit?: SubmissionLimit;
  },
): Promise<SubmitOutcome> {
  if (!activity || activity.status === 'draft') return { outcome: 'not-found' };
  const availability = surveyAvailability(activity, now);
  if (availability === 'closed') return { outcome: 'closed', closes: contentDay(activity.closes) };
  if (availability === 'not-yet-open') {
    return { outcome: 'not-yet-open', opens: contentDay(activity.opens) };
  }

  const checked = await validate(activity, body);
  if (!checked.ok) return { outcome: 'invalid', errors: checked.errors };

  let retryAfterSeconds = 0;
  const allow = () => {
    if (!limit) return true;
    const check = limit.limiter.check(limit.client, now.getTime());
    if (!check.allowed) retryAfterSeconds = check.retryAfterSeconds;
    return check.allowed;
  };
  try {
    const saved = store.saveResponse(
      {
        kind,
        slug,
        definitionHash: definitionHash(activity),
        consentVersion: activity.consent.version,
        answers: checked.value.answers,
        consent: checked.value.consent,
        submissionId: checked.value.submissionId,
        receivedOn: ukDay(now),
        riskMatch: findRiskPhrases(checked.value.answers, riskPhrases),
      },
      allow,
    );
    if (saved.status === 'conflict') {
      return { outcome: 'invalid', errors: { submissionId: CONFLICT_MESSAGE } };
    }
    if (saved.status === 'refused') return { outcome: 'rate-limited', retryAfterSeconds };
    // The limiter counts events; here, new submissions (a retry was 'replayed', never counted).
    if (saved.status === 'created') limit?.limiter.recordFailure(limit.client, now.getTime());
    return { outcome: saved.status, receipt: saved.receipt };
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      return { outcome: 'unavailable', reason: error.reason };
    }
    throw error;
  }
}
