import { asStoreError, StoreUnavailableError, type StoreUnavailableReason } from './storeErrors.ts';

/** JSON responses for the API, never cached: they describe live state. */
export function json(status: number, body: unknown, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    },
  });
}

/** Seconds a client should wait before retrying when the database was busy. */
export const BUSY_RETRY_AFTER_SECONDS = 2;
/** A disk that refuses writes needs a person to fix it: ask clients to wait longer. */
export const UNWRITABLE_RETRY_AFTER_SECONDS = 60;

/** What to tell a person when nothing could be saved, and how long before trying again. */
export const UNAVAILABLE: Record<StoreUnavailableReason, { error: string; retryAfter: number }> = {
  busy: {
    error: 'The service is busy. Nothing was saved; please try again in a moment.',
    retryAfter: BUSY_RETRY_AFTER_SECONDS,
  },
  unwritable: {
    error:
      'The service cannot save anything just now. Nothing was saved; please try again in a few minutes.',
    retryAfter: UNWRITABLE_RETRY_AFTER_SECONDS,
  },
};

/**
 * 503 when the store could not write: nothing was stored, and the same request (same
 * submissionId) may simply be sent again after Retry-After.
 */
export function unavailable(reason: StoreUnavailableReason): Response {
  const { error, retryAfter } = UNAVAILABLE[reason];
  return json(503, { error }, { 'Retry-After': String(retryAfter) });
}

/**
 * 500 without a stack trace, or 503 when the error is the database refusing a write (see
 * asStoreError), wherever in the route it happened. Only the error's name is logged: messages
 * can quote request data (JSON.parse does), and logs must hold no answers (docs/reliability.md G24).
 */
export function serverError(where: string, error: unknown): Response {
  const storeError = asStoreError(error);
  if (storeError instanceof StoreUnavailableError) {
    console.error(`${where}: database ${storeError.reason}`);
    return unavailable(storeError.reason);
  }
  const code = (error as { code?: unknown })?.code;
  console.error(
    `${where} failed:`,
    error instanceof Error ? error.name : typeof error,
    typeof code === 'string' ? code : '',
  );
  return json(500, { error: 'Something went wrong on our side. Please try again later.' });
}

/**
 * 405 for a method a JSON route does not take, as JSON with `Allow`. Without it Astro answers an
 * unknown method with the HTML "Page not found" page, which an API client cannot read.
 * Export it from an API route as `ALL`: Astro uses `ALL` only for methods the route does not
 * export itself.
 */
export function methodNotAllowed(allowed: readonly string[]) {
  return (): Response =>
    json(405, { error: `Use ${allowed.join(' or ')} here.` }, { Allow: allowed.join(', ') });
}
