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

/** 503 for a lock timeout: nothing was written, and the same request may simply be sent again. */
export function busy(): Response {
  return json(
    503,
    { error: 'The service is busy. Nothing was saved; please try again in a moment.' },
    { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) },
  );
}

/**
 * 500 without a stack trace. Only the error's name is logged: messages can quote request data
 * (JSON.parse does), and logs must hold no answers (RELIABILITY G24).
 */
export function serverError(where: string, error: unknown): Response {
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
