import { parseJsonBody } from './jsonBody.ts';
import { json } from './jsonResponses.ts';
import { CROSS_SITE_MESSAGE, isCrossSite } from './sameOrigin.ts';

/**
 * Checks every write request meets before a route looks at it: same origin, a content type we
 * read, and a small body. Each refusal is a short JSON answer; nothing here echoes the body or
 * logs it, since a body may hold someone's answers (docs/reliability.md G24).
 */

/** No survey or withdrawal needs more: the longest survey is ~10 answers of ≤1,500 characters. */
export const MAX_BODY_BYTES = 64 * 1024;

export type ReadBody =
  | { ok: true; kind: 'json'; json: unknown }
  | { ok: true; kind: 'form'; form: URLSearchParams }
  | { ok: false; response: Response };

const refuse = (status: number, error: string) => ({
  ok: false as const,
  response: json(status, { error }),
});

/**
 * 403 when the request says it comes from another site. The middleware refuses these already;
 * routes check again so that a handler called on its own (tests, a future refactor that moves a
 * route out of the middleware's reach) is never open. `ownOrigin` is the origin Astro worked out
 * for the request (context.url.origin), which honours `security.allowedDomains` behind a proxy.
 */
export function refuseCrossOrigin(request: Request, ownOrigin: string): Response | undefined {
  return isCrossSite(request.headers, ownOrigin)
    ? json(403, { error: CROSS_SITE_MESSAGE })
    : undefined;
}

/**
 * Reads a JSON or urlencoded body of at most `limit` bytes. Order matters: origin and type are
 * checked before a byte is read, and the size before the whole body is held in memory.
 */
export async function readGuardedBody(
  request: Request,
  ownOrigin: string,
  limit = MAX_BODY_BYTES,
): Promise<ReadBody> {
  const crossOrigin = refuseCrossOrigin(request, ownOrigin);
  if (crossOrigin) return { ok: false, response: crossOrigin };

  const type = mediaType(request);
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
    return refuse(415, 'Send application/json or application/x-www-form-urlencoded.');
  }

  const bytes = await readLimited(request, limit);
  if (bytes === 'too-large') return refuse(413, `The request is too large (limit ${limit} bytes).`);
  let text: string;
  try {
    if (bytes === 'unreadable') throw new Error('unreadable');
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(400, 'The request body could not be read as UTF-8 text.');
  }

  if (type === 'application/x-www-form-urlencoded') {
    return { ok: true, kind: 'form', form: new URLSearchParams(text) };
  }
  const parsed = parseJsonBody(text);
  return parsed.ok ? { ok: true, kind: 'json', json: parsed.value } : refuse(400, parsed.error);
}

function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

async function readLimited(
  request: Request,
  limit: number,
): Promise<Uint8Array | 'too-large' | 'unreadable'> {
  // An honest Content-Length lets us refuse without reading anything.
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return 'too-large';
  if (!request.body) return new Uint8Array(0);

  // A missing or false Content-Length (chunked uploads) is caught by counting as we read.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limit) {
        await reader.cancel().catch(() => {});
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch (error) {
    return isAdapterSizeLimit(error) ? 'too-large' : 'unreadable';
  }
  return Buffer.concat(chunks);
}

/**
 * @astrojs/node enforces its own bodySizeLimit by throwing "Body size limit exceeded" from the
 * body stream (astro/dist/core/app/node.js); undici may wrap it, so look down the cause chain.
 */
function isAdapterSizeLimit(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as Error).cause, depth++) {
    if (e instanceof Error && /body size limit exceeded/i.test(e.message)) return true;
  }
  return false;
}
