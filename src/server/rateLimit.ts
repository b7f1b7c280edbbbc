import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { processSingleton } from './processSingleton.ts';

/**
 * Counts failures in fixed windows, per client and for everyone together, in memory only.
 * Nothing here is stored or logged: the client key is an HMAC of the address under a key made
 * fresh each time the process starts, so even a memory dump does not list who tried.
 */

export interface Window {
  max: number;
  windowMs: number;
}

export interface LimiterOptions {
  perClient: Window;
  /**
   * A ceiling across all clients, if any. Strangers can fill it for everyone, so it suits only
   * what may be refused to all for a while (new feedback), never a right (withdrawal).
   */
  global?: Window;
  /**
   * Clients remembered at once (memory stays bounded). Past this, a new client is not counted
   * until old entries expire: a table filled by strangers must not refuse newcomers.
   */
  maxClients?: number;
}

export type LimitCheck = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Count {
  count: number;
  resetAt: number;
}

// A KeyObject, so each request's HMAC does not import the key again (bench/REPORT.md, write path).
const processKey = createSecretKey(randomBytes(32));

/** A short, one-way key for a client address, valid only for this process's lifetime. */
export function clientKey(address: string | undefined): string {
  return createHmac('sha256', processKey)
    .update(address ?? 'unknown')
    .digest('base64url')
    .slice(0, 22);
}

export class FailureLimiter {
  readonly #options: LimiterOptions & { maxClients: number };
  readonly #clients = new Map<string, Count>();
  #global: Count = { count: 0, resetAt: 0 };

  constructor(options: LimiterOptions) {
    this.#options = { maxClients: 10_000, ...options };
  }

  /** Whether this client may try now; does not count the attempt. */
  check(client: string, now = Date.now()): LimitCheck {
    const global = this.#current(this.#global, now);
    const bucket = this.#bucket(client, now);
    const own = bucket === undefined ? undefined : this.#current(this.#clients.get(bucket), now);
    const blocked = [
      [own, this.#options.perClient.max],
      [global, this.#options.global?.max ?? Infinity],
    ] as const;
    const waits = blocked
      .filter(([count, max]) => count && count.count >= max)
      .map(([count]) => Math.ceil((count!.resetAt - now) / 1000));
    return waits.length === 0
      ? { allowed: true }
      : { allowed: false, retryAfterSeconds: Math.max(1, ...waits) };
  }

  /**
   * Counts one failed attempt against the client and (unless `siteWide` is false: an attempt
   * that used nothing the ceiling protects) against the global ceiling.
   */
  recordFailure(client: string, now = Date.now(), { siteWide = true } = {}) {
    if (this.#options.global && siteWide) {
      this.#global = this.#increment(this.#current(this.#global, now), this.#options.global, now);
    }
    const key = this.#bucket(client, now);
    if (key === undefined) return;
    this.#clients.set(
      key,
      this.#increment(this.#current(this.#clients.get(key), now), this.#options.perClient, now),
    );
  }

  #current(count: Count | undefined, now: number): Count | undefined {
    return count && count.resetAt > now ? count : undefined;
  }

  #increment(count: Count | undefined, window: Window, now: number): Count {
    return count
      ? { count: count.count + 1, resetAt: count.resetAt }
      : { count: 1, resetAt: now + window.windowMs };
  }

  /** The client's own key, or undefined when the table is full of live entries. */
  #bucket(client: string, now: number): string | undefined {
    if (this.#clients.has(client) || this.#clients.size < this.#options.maxClients) return client;
    for (const [key, count] of this.#clients) {
      if (count.resetAt <= now) this.#clients.delete(key);
    }
    return this.#clients.size < this.#options.maxClients ? client : undefined;
  }
}

/**
 * One limiter per process for `name`. Kept on globalThis because the server start script and the
 * bundled routes are separate module graphs in the same process, and the API and the
 * no-JavaScript form must share one allowance.
 */
export function limiterPerProcess(name: string, options: () => LimiterOptions): FailureLimiter {
  return processSingleton(name, () => new FailureLimiter(options()));
}
