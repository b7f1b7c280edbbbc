import { clientKey } from '../rateLimit.ts';

/**
 * Slows down password and code guessing without letting anyone lock an account (docs/reliability.md
 * G12, ASVS 6.3.1). Failures are counted for 15 minutes, by email and by client address, both
 * kept only as keyed hashes in memory (see rateLimit.ts):
 *
 * - after 5 failures for an email, or 10 from one address, every further attempt waits
 *   1 s, then 2 s, 4 s, 8 s, up to 16 s before it is answered, whether the email exists or not;
 * - an address past 30 failures gets 429 with Retry-After until its window ends.
 *
 * An address gets more room than an email because an office or a mobile network puts many
 * people behind one address, and one person's typos should not slow their colleagues. An email
 * is never refused outright, only slowed, so a stranger cannot lock a researcher out.
 */
export interface ThrottleSettings {
  windowMs: number;
  freeEmailFailures: number;
  freeClientFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  refuseClientAfter: number;
  /** Entries kept at most; the oldest are dropped past this, keeping memory bounded. */
  maxEntries: number;
}

export const LOGIN_THROTTLE: ThrottleSettings = {
  windowMs: 15 * 60_000,
  freeEmailFailures: 5,
  freeClientFailures: 10,
  firstDelayMs: 1000,
  maxDelayMs: 16_000,
  refuseClientAfter: 30,
  maxEntries: 20_000,
};

export type ThrottleDecision =
  { refused: false; delayMs: number } | { refused: true; retryAfterSeconds: number };

interface Count {
  failures: number;
  resetAt: number;
}

export class LoginThrottle {
  readonly #settings: ThrottleSettings;
  readonly #counts = new Map<string, Count>();

  constructor(settings: ThrottleSettings = LOGIN_THROTTLE) {
    this.#settings = settings;
  }

  /** How long to hold this attempt before answering, or a refusal. Does not count it. */
  decide(email: string, client: string, now = Date.now()): ThrottleDecision {
    const s = this.#settings;
    const byClient = this.#get(clientBucket(client), now);
    if (byClient && byClient.failures >= s.refuseClientAfter) {
      return {
        refused: true,
        retryAfterSeconds: Math.max(1, Math.ceil((byClient.resetAt - now) / 1000)),
      };
    }
    const over = Math.max(
      (this.#get(emailBucket(email), now)?.failures ?? 0) - s.freeEmailFailures + 1,
      (byClient?.failures ?? 0) - s.freeClientFailures + 1,
    );
    if (over <= 0) return { refused: false, delayMs: 0 };
    return {
      refused: false,
      delayMs: Math.min(s.maxDelayMs, s.firstDelayMs * 2 ** Math.min(over - 1, 20)),
    };
  }

  recordFailure(email: string, client: string, now = Date.now()) {
    for (const key of [emailBucket(email), clientBucket(client)]) {
      const current = this.#get(key, now);
      this.#counts.delete(key);
      this.#counts.set(
        key,
        current
          ? { failures: current.failures + 1, resetAt: current.resetAt }
          : { failures: 1, resetAt: now + this.#settings.windowMs },
      );
    }
    while (this.#counts.size > this.#settings.maxEntries) {
      this.#counts.delete(this.#counts.keys().next().value!);
    }
  }

  /** A right password clears the email's count (not the address's: that is shared). */
  recordSuccess(email: string) {
    this.#counts.delete(emailBucket(email));
  }

  #get(key: string, now: number): Count | undefined {
    const count = this.#counts.get(key);
    if (count && count.resetAt <= now) {
      this.#counts.delete(key);
      return undefined;
    }
    return count;
  }
}

const emailBucket = (email: string) => `e:${clientKey(email.trim().toLowerCase())}`;
const clientBucket = (client: string) => `c:${client}`;

// One throttle a process, shared by every route (see withdrawals.ts for why on globalThis).
const KEY = Symbol.for('safeguarding.loginThrottle');
type Holder = { [KEY]?: LoginThrottle };

export function loginThrottle(): LoginThrottle {
  const holder = globalThis as Holder;
  holder[KEY] ??= new LoginThrottle();
  return holder[KEY];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
