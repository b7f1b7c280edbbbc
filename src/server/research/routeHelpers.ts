import type { DatabaseSync } from 'node:sqlite';
import { recordAudit } from '../auth/audit.ts';
import { readGuardedBody } from '../requestGuards.ts';
import { getStore } from '../store.ts';

export type Researcher = NonNullable<App.Locals['researcher']>;

/**
 * The signed-in researcher, or a 401. src/middleware.ts already turns away anyone signed out;
 * this second check means a route can never serve answers if the middleware is misconfigured.
 */
export function requireResearcher(locals: App.Locals): Researcher | Response {
  return (
    locals.researcher ??
    new Response('Sign in to see this page.', {
      status: 401,
      headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' },
    })
  );
}

/**
 * The start of every workspace page: the signed-in researcher (or a 401, as requireResearcher),
 * with the page kept out of every cache since it shows answers.
 */
export function researcherPage(astro: {
  locals: App.Locals;
  response: { headers: Headers };
}): Researcher | Response {
  const researcher = requireResearcher(astro.locals);
  astro.response.headers.set('Cache-Control', 'no-store');
  return researcher;
}

/** The database connection research routes use (the store's own, already migrated). */
export function researchDb(): DatabaseSync {
  return getStore().database();
}

/** Records who did what. Detail names things (survey, response id, counts), never answers. */
export function audit(researcher: Researcher, action: string, detail: string) {
  recordAudit(researchDb(), { researcherId: researcher.id, action, detail });
}

/** A researcher form post's fields (size- and origin-checked), or the response refusing it. */
export async function readForm(request: Request, origin: string) {
  const read = await readGuardedBody(request, origin);
  if (!read.ok) return read.response;
  if (read.kind !== 'form') return new Response('Send a form post.', { status: 415 });
  return read.form;
}

/** A positive integer id from a URL segment or form field, or undefined. */
export function parseId(value: string | null | undefined): number | undefined {
  return value && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : undefined;
}

export const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });

export const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
