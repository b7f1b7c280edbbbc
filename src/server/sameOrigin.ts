/**
 * Whether a request was sent by a page on this site: the one cross-site request check (CSRF,
 * docs/reliability.md G19) shared by participant forms, the JSON API and the researcher workspace.
 *
 * It replaces Astro's `security.checkOrigin` because the site sends `Referrer-Policy:
 * no-referrer`, and with that policy browsers send `Origin: null` even on our own form posts and
 * fetches, which checkOrigin refuses. `Sec-Fetch-Site` is unaffected by the referrer policy and is
 * sent by every current browser to https and localhost pages, so it is asked first; `Origin` is
 * the fallback for browsers without it.
 */

/** `same`: this site; `cross`: another site; `unknown`: nothing a browser would say either way. */
export type RequestSource = 'same' | 'cross' | 'unknown';

export function requestSource(headers: Headers, ownOrigin: string): RequestSource {
  const site = headers.get('sec-fetch-site')?.trim().toLowerCase();
  // `none` is a person typing the address or using a bookmark: not a page's doing.
  if (site === 'same-origin' || site === 'none') return 'same';
  // `same-site` is a sibling subdomain: another origin, which we do not trust either.
  if (site === 'same-site' || site === 'cross-site') return 'cross';

  const origin = headers.get('origin')?.trim();
  if (origin && origin !== 'null') return origin === ownOrigin ? 'same' : 'cross';
  // No Sec-Fetch-Site and no usable Origin: curl, server-to-server calls, or an old browser
  // (with no-referrer, old browsers send `Origin: null` on their own posts).
  return 'unknown';
}

/**
 * Unsafe requests from another site are refused. `unknown` passes: participant routes carry no
 * cookie or other ambient authority a forged request could borrow, and every researcher write
 * also needs the session's CSRF token (src/server/auth/guards.ts).
 */
export function isCrossSite(headers: Headers, ownOrigin: string): boolean {
  return requestSource(headers, ownOrigin) === 'cross';
}

export const CROSS_SITE_MESSAGE =
  'This request came from another website, so it was not accepted. Nothing was saved.';
