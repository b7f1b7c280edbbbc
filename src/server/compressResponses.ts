import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import compression from 'compression';
import { precompressedAssets } from './precompressedAssets.ts';

/**
 * Compression for every text response, whatever sits in front of the server: the build's assets
 * from their precompressed copies, everything else (pages, JSON, streamed CSV exports) on the
 * fly by Express's `compression`, Brotli or gzip by Accept-Encoding, with `Vary`. It leaves
 * alone what is small, already encoded or not text, and streams: an export is compressed as it
 * is written, never held whole in memory.
 *
 * Compressed pages that hold a secret next to text an attacker chose can leak the secret through
 * their size (BREACH). The only secrets in pages are the workspace's CSRF tokens, and the session
 * cookie is SameSite=Strict, so another site cannot make a signed-in browser fetch those pages.
 */
export function withCompression(listener: RequestListener, clientDir: string): RequestListener {
  const compress = compression({ threshold: 1024 });
  const servePrecompressed = precompressedAssets(clientDir);
  return (req: IncomingMessage, res: ServerResponse) =>
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => {
      if (!servePrecompressed(req, res)) listener(req, res);
    });
}
