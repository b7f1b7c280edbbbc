import { defineMiddleware } from 'astro:middleware';
import { secondFactorRequired } from './server/auth/accounts.ts';
import {
  ACCOUNT_PATH,
  allowedDuringSetup,
  classifyPath,
  isAdminPath,
  isFormBody,
  loginRedirect,
  STATE_CHANGING,
  writeAllowed,
} from './server/auth/guards.ts';
import { cookieName, findSession } from './server/auth/sessions.ts';
import { json, unavailable } from './server/jsonResponses.ts';
import { paramsWellFormed } from './server/routeParams.ts';
import { CROSS_SITE_MESSAGE, isCrossSite } from './server/sameOrigin.ts';
import { getStore } from './server/store.ts';
import { asStoreError, StoreUnavailableError } from './server/storeErrors.ts';

/** The GOV.UK-styled page a refused cross-site form post is shown (403). */
const REFUSED_PAGE = '/request-refused/';

/**
 * Refuses cross-site writes to every on-demand route (src/server/sameOrigin.ts), then guards the
 * researcher workspace: /research/ (except the login page) and /api/research/. Every other route
 * passes straight through, so participant pages stay static and cookie-free. The decisions live
 * in src/server/ (unit-tested); this only applies them.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const { url, request } = context;
  // Cross-site writes are refused on every on-demand route, before any route reads the body.
  if (STATE_CHANGING.has(request.method) && isCrossSite(request.headers, url.origin)) {
    if (url.pathname.startsWith('/api/')) return json(403, { error: CROSS_SITE_MESSAGE });
    return next(new Request(new URL(REFUSED_PAGE, url), { method: 'GET' }));
  }
  const kind = classifyPath(url.pathname);
  // A slug or id that could not name anything is "not found" before any route looks it up.
  if (!paramsWellFormed(context.params)) {
    if (url.pathname.startsWith('/api/')) return json(404, { error: 'Not found' });
    // An empty 404, as the pages return for an unknown slug: Astro answers with the 404 page.
    return new Response(null, { status: 404 });
  }
  if (kind === 'public' || kind === 'login') return next();

  const refuse = (status: number, error: string) =>
    kind === 'api'
      ? json(status, { error })
      : new Response(`${error}\n`, {
          status,
          headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
        });

  let session;
  let mustSetUp: boolean;
  try {
    const db = getStore().database();
    session = findSession(db, context.cookies.get(cookieName(context))?.value);
    mustSetUp = Boolean(session && !session.hasSecondFactor && secondFactorRequired(db));
  } catch (error) {
    const storeError = asStoreError(error);
    if (storeError instanceof StoreUnavailableError) return unavailable(storeError.reason);
    throw error;
  }

  if (!session || session.awaitingSecondFactor) {
    if (kind === 'api') return json(401, { error: 'Sign in first' });
    return context.redirect(loginRedirect(url.pathname, url.search), 303);
  }
  if (isAdminPath(url.pathname) && session.researcher.role !== 'admin') {
    return refuse(403, 'Only administrators can use this.');
  }
  if (mustSetUp && !allowedDuringSetup(url.pathname)) {
    if (kind === 'api') return json(403, { error: 'Set up a second factor first' });
    return context.redirect(ACCOUNT_PATH, 303);
  }
  if (STATE_CHANGING.has(request.method)) {
    let sent: string | null = null;
    if (isFormBody(request.headers)) {
      const field = await request
        .clone()
        .formData()
        .then((form) => form.get('csrf'))
        .catch(() => null);
      sent = typeof field === 'string' ? field : null;
    }
    if (!writeAllowed(request.headers, url.origin, session.csrfToken, sent)) {
      return refuse(
        403,
        'This request could not be checked. Go back, reload the page and try again.',
      );
    }
  }

  context.locals.researcher = session.researcher;
  context.locals.csrfToken = session.csrfToken;
  const response = await next();
  try {
    response.headers.set('Cache-Control', 'no-store');
    return response;
  } catch {
    // Some responses (Response.redirect) have read-only headers: copy them.
    const copy = new Response(response.body, response);
    copy.headers.set('Cache-Control', 'no-store');
    return copy;
  }
});
