import { timingSafeEqual } from 'node:crypto';
import { isCrossSite } from '../sameOrigin.ts';

/**
 * The pure decisions behind src/middleware.ts, kept here so they can be unit-tested: which
 * paths need a researcher, which need an admin, whether a write request may go ahead, and where
 * to send someone after sign-in.
 */

export const LOGIN_PATH = '/research/login';
/** Where a one-time invitation or password reset link opens (src/server/auth/accountLinks.ts). */
export const LINK_PATH = '/research/login/link';
export const HOME_PATH = '/research/';
export const ACCOUNT_PATH = '/research/account/';

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
const trim = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

export type RouteClass = 'public' | 'login' | 'page' | 'api';

export function classifyPath(pathname: string): RouteClass {
  const path = trim(pathname);
  // The link page needs no session: its one-time token is the proof.
  if (path === LOGIN_PATH || path === LINK_PATH) return 'login';
  if (under(path, '/api/research')) return 'api';
  if (under(path, '/research')) return 'page';
  return 'public';
}

export function isAdminPath(pathname: string): boolean {
  const path = trim(pathname);
  return under(path, '/research/admin') || under(path, '/api/research/admin');
}

/** Paths a researcher who must still set up a second factor may use. */
export function allowedDuringSetup(pathname: string): boolean {
  const path = trim(pathname);
  return path === trim(ACCOUNT_PATH) || path === '/research/logout';
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a write request may go ahead (docs/reliability.md G19): the browser must not say it came from
 * another site (src/server/sameOrigin.ts), and it must carry the session's CSRF token, in the
 * form field `csrf` or the `X-CSRF-Token` header. Both, because either alone has gaps: some
 * requests say nothing of where they came from, and a token alone does not stop a page on our
 * own origin being framed.
 */
export function writeAllowed(
  headers: Headers,
  ownOrigin: string,
  expectedToken: string,
  sentToken: string | null | undefined,
): boolean {
  if (isCrossSite(headers, ownOrigin)) return false;
  return tokensMatch(expectedToken, sentToken ?? headers.get('x-csrf-token'));
}

export function tokensMatch(expected: string, sent: string | null | undefined): boolean {
  if (!sent || !expected) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only form posts carry a `csrf` field; other bodies (JSON) use the header. */
export function isFormBody(headers: Headers): boolean {
  const type = (headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
}

/**
 * A path on this site under /research/ to return to after sign-in, or the workspace home.
 * Refuses anything that could leave the site: absolute URLs, `//host`, `/\host` (browsers read
 * a backslash as a slash), control characters, and the login page itself (a loop).
 */
export function safeNextPath(raw: string | null | undefined): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (!raw || raw.length > 512 || !raw.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(raw)) {
    return HOME_PATH;
  }
  let url: URL;
  try {
    url = new URL(raw, 'http://sg.invalid');
  } catch {
    return HOME_PATH;
  }
  if (url.origin !== 'http://sg.invalid' || raw.startsWith('//')) return HOME_PATH;
  const path = url.pathname;
  if (!under(trim(path), '/research') || classifyPath(path) === 'login') return HOME_PATH;
  return `${path}${url.search}`;
}

/** The login address that brings someone back to `pathname` afterwards. */
export function loginRedirect(pathname: string, search = ''): string {
  const next = safeNextPath(`${pathname}${search}`);
  return next === HOME_PATH ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}
