import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { forwardedHttps, trustProxyFromEnv } from '../securityHeaders.ts';

/**
 * Researcher sessions (docs/reliability.md G13–G15). The cookie holds 32 random bytes; the database only
 * their SHA-256, so neither a database copy nor a log line holds a working session. A session
 * ends after 30 minutes without a request, 12 hours after sign-in, at sign-out, and when its
 * account is disabled or removed. "now" is a parameter everywhere so tests can move the clock.
 */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** The step between a right password and a right code must be finished within this. */
export const SECOND_FACTOR_TIMEOUT_MS = 5 * 60_000;
/** last_seen_at is written at most this often, so reading pages is not a write each time. */
const TOUCH_EVERY_MS = 60_000;

export const SECURE_COOKIE = '__Host-sg_session';
export const PLAIN_COOKIE = 'sg_session';

export interface Session {
  researcher: { id: number; email: string; role: 'admin' | 'researcher' };
  csrfToken: string;
  /** The password was right; a code has still to be given. */
  awaitingSecondFactor: boolean;
  hasSecondFactor: boolean;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Starts a session and returns its token (for the cookie only). `replacing` is the token of the
 * session being rotated (a half-finished or earlier sign-in), deleted in the same transaction.
 */
export function createSession(
  db: DatabaseSync,
  researcherId: number,
  options: { awaitingSecondFactor?: boolean; replacing?: string; now?: number } = {},
): string {
  const now = options.now ?? Date.now();
  const token = randomBytes(32).toString('base64url');
  if (options.replacing) deleteSession(db, options.replacing);
  db.prepare(
    `INSERT INTO sessions (token_hash, researcher_id, csrf_token, awaiting_second_factor,
       created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    hashToken(token),
    researcherId,
    randomBytes(32).toString('base64url'),
    options.awaitingSecondFactor ? 1 : 0,
    now,
    now,
  );
  return token;
}

interface Row {
  id: number;
  email: string;
  role: 'admin' | 'researcher';
  disabled: number;
  totp: number;
  csrfToken: string;
  awaiting: number;
  createdAt: number;
  lastSeenAt: number;
}

/** The live session for `token`, or undefined (unknown, expired, or the account disabled). */
export function findSession(
  db: DatabaseSync,
  token: string | undefined,
  now = Date.now(),
): Session | undefined {
  if (!token || token.length > 100) return undefined;
  const tokenHash = hashToken(token);
  const row = db
    .prepare(
      `SELECT r.id, r.email, r.role, r.disabled, r.totp_secret IS NOT NULL AS totp,
         s.csrf_token AS csrfToken, s.awaiting_second_factor AS awaiting,
         s.created_at AS createdAt, s.last_seen_at AS lastSeenAt
       FROM sessions s JOIN researchers r ON r.id = s.researcher_id
       WHERE s.token_hash = ?`,
    )
    .get(tokenHash) as Row | undefined;
  if (!row) return undefined;
  const limit = row.awaiting ? SECOND_FACTOR_TIMEOUT_MS : ABSOLUTE_TIMEOUT_MS;
  if (row.disabled || now - row.lastSeenAt >= IDLE_TIMEOUT_MS || now - row.createdAt >= limit) {
    db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    return undefined;
  }
  if (now - row.lastSeenAt >= TOUCH_EVERY_MS) {
    db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, tokenHash);
  }
  return {
    researcher: { id: row.id, email: row.email, role: row.role },
    csrfToken: row.csrfToken,
    awaitingSecondFactor: row.awaiting === 1,
    hasSecondFactor: row.totp === 1,
  };
}

export function deleteSession(db: DatabaseSync, token: string) {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
}

/** Ends every session of one researcher (disable, password change, removal). */
export function deleteSessionsOf(db: DatabaseSync, researcherId: number, exceptToken?: string) {
  db.prepare('DELETE FROM sessions WHERE researcher_id = ? AND token_hash IS NOT ?').run(
    researcherId,
    exceptToken ? hashToken(exceptToken) : null,
  );
}

/** Removes expired sessions; called now and then at sign-in so the table stays small. */
export function pruneSessions(db: DatabaseSync, now = Date.now()) {
  db.prepare(
    `DELETE FROM sessions WHERE last_seen_at <= ? OR created_at <= ?
       OR (awaiting_second_factor = 1 AND created_at <= ?)`,
  ).run(now - IDLE_TIMEOUT_MS, now - ABSOLUTE_TIMEOUT_MS, now - SECOND_FACTOR_TIMEOUT_MS);
}

/** What the cookie helpers need of a request: Astro's context or page global has both. */
interface RequestContext {
  url: URL;
  request: Request;
}

/**
 * HTTPS as the browser sees it: Astro's URL says so when Node serves TLS (or when Astro's
 * `security.allowedDomains` lets it believe the proxy); TRUST_PROXY=1 alone is enough too, so
 * one setting behind a TLS proxy gives the Secure, `__Host-` cookie.
 */
export function overHttps(context: RequestContext, env: NodeJS.ProcessEnv = process.env): boolean {
  if (context.url.protocol === 'https:') return true;
  return forwardedHttps(
    context.request.headers.get('x-forwarded-proto'),
    trustProxyFromEnv(env.TRUST_PROXY),
  );
}

/** `__Host-` needs Secure, so the prefixed name is only used over HTTPS. */
export function cookieName(context: RequestContext): string {
  return overHttps(context) ? SECURE_COOKIE : PLAIN_COOKIE;
}

/** Options for Astro's cookies.set: host-only (no Domain), whole site, not readable by scripts. */
export function cookieOptions(context: RequestContext) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: overHttps(context),
    path: '/',
  };
}
