import { asStoreError, StoreUnavailableError, type StoreUnavailableReason } from './storeErrors.ts';

/**
 * A JSON answer as plain data. The submission write path decides in these and writes them to
 * Node's response directly: building a web `Response` and reading it back cost about a third of
 * a submission's CPU (bench/REPORT.md, "Submission write path"). Astro routes turn one into a
 * `Response` with toResponse.
 */
export interface JsonAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function jsonAnswer(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): JsonAnswer {
  return { status, body, headers };
}

/** The headers every JSON answer carries: never cached, as they describe live state. */
export function answerHeaders(answer: JsonAnswer): Record<string, string> {
  return {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...answer.headers,
  };
}

export function toResponse(answer: JsonAnswer): Response {
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: answerHeaders(answer),
  });
}

/** JSON responses for the API, never cached: they describe live state. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return toResponse(jsonAnswer(status, body, headers));
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
export function unavailableAnswer(reason: StoreUnavailableReason): JsonAnswer {
  const { error, retryAfter } = UNAVAILABLE[reason];
  return jsonAnswer(503, { error }, { 'Retry-After': String(retryAfter) });
}

export function unavailable(reason: StoreUnavailableReason): Response {
  return toResponse(unavailableAnswer(reason));
}

/**
 * 500 without a stack trace, or 503 when the error is the database refusing a write (see
 * asStoreError), wherever in the route it happened. Only the error's name is logged: messages
 * can quote request data (JSON.parse does), and logs must hold no answers (docs/reliability.md G24).
 */
export function serverError(where: string, error: unknown): Response {
  return toResponse(serverErrorAnswer(where, error));
}

export function serverErrorAnswer(where: string, error: unknown): JsonAnswer {
  const storeError = asStoreError(error);
  if (storeError instanceof StoreUnavailableError) {
    console.error(`${where}: database ${storeError.reason}`);
    return unavailableAnswer(storeError.reason);
  }
  const code = (error as { code?: unknown })?.code;
  console.error(
    `${where} failed:`,
    error instanceof Error ? error.name : typeof error,
    typeof code === 'string' ? code : '',
  );
  return jsonAnswer(500, { error: 'Something went wrong on our side. Please try again later.' });
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
