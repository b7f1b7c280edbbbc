import { clientKey, FailureLimiter, type LimiterOptions } from './rateLimit.ts';
import { StoreUnavailableError, type StoreUnavailableReason } from './storeErrors.ts';
import type { Store, Withdrawn } from './store.ts';

/**
 * Failed withdrawal attempts allowed. A person mistyping a code a few times never meets the
 * limit; someone guessing codes does. 80-bit codes and 200 misses per 15 minutes site-wide
 * leave a guess-the-code attack hopeless, and a successful withdrawal never counts.
 */
export const WITHDRAWAL_LIMITS: LimiterOptions = {
  perClient: { max: 10, windowMs: 15 * 60_000 },
  global: { max: 200, windowMs: 15 * 60_000 },
};

// One limiter per process, shared by the API route and the /withdraw/ page; kept on globalThis
// because the bundled routes may not share one module instance.
const KEY = Symbol.for('safeguarding.withdrawalLimiter');
type Holder = { [KEY]?: FailureLimiter };

export function withdrawalLimiter(): FailureLimiter {
  const holder = globalThis as Holder;
  holder[KEY] ??= new FailureLimiter(WITHDRAWAL_LIMITS);
  return holder[KEY];
}

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
 * `security.allowedDomains` trusts the proxy). Astro throws when the adapter cannot tell; such
 * requests share one bucket.
 */
export function requestClientKey(context: { clientAddress: string }): string {
  let address: string | undefined;
  try {
    address = context.clientAddress;
  } catch {
    address = undefined;
  }
  return clientKey(address);
}
