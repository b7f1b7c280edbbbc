import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { withCompression } from '../../src/server/compressResponses.ts';

let server: Server | undefined;
afterEach(() => server?.close());

/**
 * A server whose one route streams `chunks` × 50 rows of CSV, waiting for `release` half way.
 * Each row holds random text, as answers do, so compressed bytes are due before the end.
 */
async function streamingServer(chunks: number, release: Promise<void>): Promise<number> {
  const clientDir = mkdtempSync(path.join(tmpdir(), 'sg-compress-'));
  server = createServer(
    withCompression(async (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' });
      for (let i = 0; i < chunks; i++) {
        const rows = Array.from(
          { length: 50 },
          () => `${i},"${randomBytes(12).toString('hex')}"\n`,
        );
        res.write(rows.join(''));
        if (i === chunks / 2) await release;
      }
      res.end();
    }, clientDir),
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

describe('compressing responses', () => {
  // gzip, since it emits every 16 KiB; Brotli keeps up to its window (4 MiB) before emitting.
  it('streams an export compressed, without waiting for the whole file', async () => {
    let releaseSecondHalf!: () => void;
    const port = await streamingServer(
      400,
      new Promise((resolve) => (releaseSecondHalf = resolve)),
    );
    const body = await new Promise<Buffer>((resolve, reject) => {
      const req = request(
        { port, host: '127.0.0.1', headers: { 'accept-encoding': 'gzip' } },
        (res) => {
          expect(res.headers['content-encoding']).toBe('gzip');
          expect(res.headers.vary).toMatch(/Accept-Encoding/i);
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => {
            // Bytes arrive while the route still holds back its second half.
            parts.push(part);
            releaseSecondHalf();
          });
          res.on('end', () => resolve(Buffer.concat(parts)));
        },
      );
      req.on('error', reject);
      req.end();
    });
    const text = gunzipSync(body).toString();
    expect(text.split('\n').filter(Boolean)).toHaveLength(400 * 50);
    expect(body.length).toBeLessThan(text.length * 0.8);
  });

  it('answers Brotli to a browser that takes it', async () => {
    const port = await streamingServer(10, Promise.resolve());
    const body = await new Promise<Buffer>((resolve) =>
      request({ port, host: '127.0.0.1', headers: { 'accept-encoding': 'gzip, br' } }, (res) => {
        expect(res.headers['content-encoding']).toBe('br');
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => resolve(Buffer.concat(parts)));
      }).end(),
    );
    expect(brotliDecompressSync(body).toString().split('\n').filter(Boolean)).toHaveLength(500);
  });

  it('sends the text as it is to a client that does not ask for compression', async () => {
    const port = await streamingServer(10, Promise.resolve());
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { 'accept-encoding': 'identity' },
    });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect((await response.text()).split('\n').filter(Boolean)).toHaveLength(500);
  });
});
