import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The first thing every request meets, before the Astro adapter sees it. The adapter turns each
 * Node request into a WHATWG `Request`, whose constructor throws on what Node's HTTP parser lets
 * through (a TRACE method, a Host with credentials such as `a@b`), and an exception there would
 * stop the process for everyone (docs/reliability.md G25). So the gate:
 * - refuses the shapes we know of with a short answer (`refusalFor`);
 * - then builds the same `Request` once itself, so any shape we did not think of is refused too;
 * - and answers 500 (or drops the connection, when the answer had started) for anything a handler
 *   still throws, instead of letting it reach the process.
 * Nothing from the request itself is logged: a URL or header can carry line breaks and escape
 * codes meant to forge log lines, or someone's words.
 */

/** What the site's pages and API answer; anything else never reaches a route. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

/** Methods HTTP knows but that no resource here supports (fetch forbids them outright). */
const REFUSED_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

export interface Refusal {
  status: 400 | 405 | 417 | 500 | 501;
  message: string;
}

// A host name or IPv4 address, or an IPv6 address in brackets, with an optional port. Anything
// else (user info, spaces, paths, non-ASCII) is not a Host a browser sends.
const NAME =
  /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
const IPV6 = /^\[[0-9a-f:.]{2,45}\]$/i;

/** Whether a Host header value is a host name (or address) with an optional port. */
export function isValidHost(host: string): boolean {
  if (host.length > 260) return false;
  const match = /^(.*?)(?::(\d{1,5}))?$/.exec(host);
  if (!match) return false;
  const [, name, port] = match;
  if (port !== undefined && Number(port) > 65535) return false;
  return NAME.test(name) || IPV6.test(name);
}

/** Why a request cannot be handled at all, or undefined when it may go on to the site. */
export function refusalFor(req: IncomingMessage): Refusal | undefined {
  return basicRefusal(req) ?? adapterRefusal(req);
}

/** refusalFor without the adapter's check: method, target and Host. */
function basicRefusal(req: IncomingMessage): Refusal | undefined {
  const method = req.method ?? '';
  if (REFUSED_METHODS.has(method)) {
    return { status: 405, message: 'This method is not allowed here.' };
  }
  if (!ALLOWED_METHODS.includes(method)) {
    return { status: 501, message: 'This method is not supported.' };
  }
  const target = req.url ?? '';
  // Only origin-form targets (`/path?query`): no `*`, no absolute URLs sent to us as a proxy.
  if (!target.startsWith('/')) return { status: 400, message: 'Bad request target.' };
  const host = req.headers.host;
  // HTTP/1.1 requires a Host; HTTP/1.0 may leave it out. (Node's own check is turned off in
  // secureServer so that this answer carries the usual headers.)
  if (host === undefined && req.httpVersion !== '1.0') {
    return { status: 400, message: 'A Host header is needed.' };
  }
  if (host !== undefined && !isValidHost(host)) {
    return { status: 400, message: 'Bad Host header.' };
  }
  return undefined;
}

/**
 * 400 when @astrojs/node could not turn the request into a web `Request` (it makes exactly this
 * for each request, and throws outside any handler when it cannot). Only requests that go on to
 * Astro need it, so secureServer asks it after the submission endpoints have had their turn.
 */
export function adapterRefusal(req: IncomingMessage): Refusal | undefined {
  const target = req.url ?? '';
  try {
    decodeURI(target);
    new Request(new URL(target, `http://${req.headers.host || 'localhost'}`), {
      method: req.method,
      headers: requestHeaders(req),
    });
  } catch {
    return { status: 400, message: 'Bad request.' };
  }
  return undefined;
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

const isApi = (req: IncomingMessage) => /^\/api(?:[/?#]|$)/.test(req.url ?? '');

/** A short answer in the form the caller reads: JSON for the API, plain text elsewhere. */
export function answerRefusal(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const json = isApi(req);
  const body = json ? JSON.stringify({ error: refusal.message }) : `${refusal.message}\n`;
  const headers: Record<string, string> = {
    'Content-Type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    // A malformed request may have left the connection's framing in doubt.
    Connection: 'close',
  };
  if (refusal.status === 405 || refusal.status === 501) headers.Allow = ALLOWED_METHODS.join(', ');
  res.writeHead(refusal.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const FAILED: Refusal = { status: 500, message: 'Something went wrong. Please try again.' };

/** What the log says of a failure: the kind of error only, never text that came with the request. */
export function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === 'string' ? ` (${code.replace(/[^\w.-]/g, '')})` : ''}`;
  }
  return typeof error;
}

function failed(req: IncomingMessage, res: ServerResponse, error: unknown) {
  console.error(`A request failed unexpectedly: ${describeFailure(error)}.`);
  if (res.headersSent || res.writableEnded) {
    // Half an answer cannot be taken back; closing tells the client it is incomplete.
    res.destroy();
    return;
  }
  try {
    answerRefusal(req, res, FAILED);
  } catch {
    res.destroy();
  }
}

/** `listener`, behind the gate: odd requests are refused, and nothing it throws escapes. */
export function gatedListener(
  listener: RequestListener,
  { skipAdapterCheck = false }: { skipAdapterCheck?: boolean } = {},
): RequestListener {
  return (req, res) => {
    const refusal = skipAdapterCheck ? basicRefusal(req) : refusalFor(req);
    if (refusal) {
      // Whatever body came with it is not read; the connection closes after the answer.
      req.resume();
      answerRefusal(req, res, refusal);
      return;
    }
    try {
      const result = listener(req, res) as unknown;
      if (result instanceof Promise) result.catch((error: unknown) => failed(req, res, error));
    } catch (error) {
      failed(req, res, error);
    }
  };
}

/**
 * For the server's `checkExpectation` event: an `Expect` other than `100-continue`, which Node
 * would otherwise answer with a bare 417 that skips every listener (and so every header).
 */
export const refuseExpectation: RequestListener = (req, res) => {
  req.resume();
  answerRefusal(req, res, { status: 417, message: 'Only "Expect: 100-continue" is understood.' });
};

/** The status Node itself would give a request its parser could not read. */
export function clientErrorStatus(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return 413;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Content Too Large',
  431: 'Request Header Fields Too Large',
};

/**
 * For the server's `clientError` event: requests Node's parser refused never reach a listener,
 * and Node's own answer to them is a bare status line. This one carries the same security
 * headers as every other answer, then closes the connection.
 */
export function answerClientError(
  error: NodeJS.ErrnoException,
  socket: Duplex & { bytesWritten?: number },
  headers: Record<string, string>,
): void {
  // Nothing to say to a client that has gone, or once an answer has started on this connection.
  if (error.code === 'ECONNRESET' || !socket.writable || (socket.bytesWritten ?? 0) > 0) {
    socket.destroy();
    return;
  }
  const status = clientErrorStatus(error.code);
  const body = `${REASONS[status]}.\n`;
  const lines = [
    `HTTP/1.1 ${status} ${REASONS[status]}`,
    ...Object.entries({
      ...headers,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      Connection: 'close',
    }).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
  // `end` waits for the client to close its side; a client that never does is not waited for.
  setTimeout(() => socket.destroy(), 1000).unref();
}
