import { addressGroup } from './clientAddress.ts';
import {
  clientKey,
  limiterPerProcess,
  type FailureLimiter,
  type LimiterOptions,
} from './rateLimit.ts';
import { StoreUnavailableError, type StoreUnavailableReason } from './storeErrors.ts';
import type { Store, Withdrawn } from './store.ts';

/**
 * Failed withdrawal attempts allowed from one address (an IPv6 /64): a person mistyping a code
 * a few times never meets the limit; one machine guessing codes does. A successful withdrawal
 * never counts.
 *
 * There is deliberately no site-wide limit. Withdrawal is a right, and a site-wide ceiling is
 * one that strangers can fill (20 addresses x 10 misses did), refusing everyone's real code.
 * What makes guessing hopeless across many addresses is the code itself: 80 random bits. Even
 * 1,000 guesses a second for a year against a million stored codes has about one chance in
 * 38 million of hitting any code, and a hit deletes answers, it never shows them.
 */
export const WITHDRAWAL_LIMITS: LimiterOptions = {
  perClient: { max: 10, windowMs: 15 * 60_000 },
};

/** One limiter per process, shared by the API route and the /withdraw/ page. */
export const withdrawalLimiter = () =>
  limiterPerProcess('withdrawalLimiter', () => WITHDRAWAL_LIMITS);

export type WithdrawOutcome =
  | { outcome: 'withdrawn'; deleted: Withdrawn }
  /** Unknown, already withdrawn or not a code at all: one answer, so nothing can be learned. */
  | { outcome: 'not-found' }
  | { outcome: 'empty' }
  | { outcome: 'rate-limited'; retryAfterSeconds: number }
  | { outcome: 'unavailable'; reason: StoreUnavailableReason };

/** Deletes the answers that a receipt code belongs to, within the attempt limits. */
export function withdrawAnswers(
  store: Store,
  limiter: FailureLimiter,
  client: string,
  input: unknown,
  now = Date.now(),
): WithdrawOutcome {
  const receipt = typeof input === 'string' ? input.trim() : '';
  if (receipt === '') return { outcome: 'empty' };
  const check = limiter.check(client, now);
  if (!check.allowed)
    return { outcome: 'rate-limited', retryAfterSeconds: check.retryAfterSeconds };
  try {
    const deleted = store.withdrawResponse(receipt);
    if (deleted) return { outcome: 'withdrawn', deleted };
  } catch (error) {
    if (error instanceof StoreUnavailableError) {
      return { outcome: 'unavailable', reason: error.reason };
    }
    throw error;
  }
  limiter.recordFailure(client, now);
  return { outcome: 'not-found' };
}

/**
 * The limiter key for a request: a hash of the address Astro reports (X-Forwarded-For only when
 * `security.allowedDomains` trusts the proxy), an IPv6 address by its /64 (see clientAddress.ts).
 * Astro throws when the adapter cannot tell; such requests share one bucket.
 */
export function requestClientKey(context: { clientAddress: string }): string {
  let address: string | undefined;
  try {
    address = addressGroup(context.clientAddress);
  } catch {
    address = undefined;
  }
  return clientKey(address);
}
