import { existsSync, readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { contentType } from 'mime-types';
import Negotiator from 'negotiator';
import send from 'send';

/**
 * Serves the build's hashed assets (`/_astro/…`) from the Brotli or gzip copies that
 * src/server/precompress.ts wrote at build, chosen by the browser's Accept-Encoding (with its
 * q-values, through `negotiator`) and sent by `send` (ranges, ETag, HEAD). Anything else, or a
 * browser that takes neither, is left to the next handler.
 */

const ASSETS = '/_astro/';
const EXTENSIONS = { br: '.br', gzip: '.gz' } as const;
type Encoding = keyof typeof EXTENSIONS;

/** Asset path (`/_astro/x.js`) → the encodings written for it. Read once: a build never changes. */
export function indexPrecompressed(clientDir: string): Map<string, Encoding[]> {
  const index = new Map<string, Encoding[]>();
  const dir = path.join(clientDir, ASSETS);
  if (!existsSync(dir)) return index;
  const names = new Set(readdirSync(dir, { recursive: true }).map(String));
  for (const name of names) {
    const encodings = (Object.keys(EXTENSIONS) as Encoding[]).filter((encoding) =>
      names.has(name + EXTENSIONS[encoding]),
    );
    if (encodings.length > 0) index.set(ASSETS + name.split(path.sep).join('/'), encodings);
  }
  return index;
}

/** The encoding to send, or undefined for the file as it is. Brotli first when both are fine. */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding | undefined {
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
  // `preferred` is negotiator 1.x's (breaks ties the client leaves); @types/negotiator is 0.6.
  const encoding = negotiator.encoding as unknown as (
    available: string[],
    options: { preferred: string[] },
  ) => string | undefined;
  const chosen = encoding.call(negotiator, [...available, 'identity'], {
    preferred: ['br', 'gzip', 'identity'],
  });
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}

/** Returns a handler that answers and returns true when it serves a compressed copy. */
export function precompressedAssets(clientDir: string) {
  const index = indexPrecompressed(clientDir);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = (req.url ?? '/').split('?', 1)[0];
    const available = index.get(pathname);
    if (!available) return false;
    // Caches must keep the copies apart, whichever one this request gets.
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = chooseEncoding(headerText(req.headers['accept-encoding']), available);
    if (!encoding) return false;
    res.setHeader('Content-Encoding', encoding);
    res.setHeader(
      'Content-Type',
      contentType(path.extname(pathname)) || 'application/octet-stream',
    );
    send(req, pathname + EXTENSIONS[encoding], { root: clientDir, index: false })
      .on('error', (error: { status?: number }) => {
        res.removeHeader('Content-Encoding');
        res.statusCode = error.status ?? 500;
        res.end();
      })
      .pipe(res);
    return true;
  };
}

const headerText = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(', ') : value;
