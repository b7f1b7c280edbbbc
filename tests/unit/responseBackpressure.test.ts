import { createServer, get, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGunzip } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { withBackpressure } from '../../src/server/responseBackpressure.ts';
import { withCompression } from '../../src/server/compressResponses.ts';
import { streamOf } from '../../src/server/research/exports.ts';

const ROWS = 100_000;
const ROW_BYTES = 1001;
// Random rows, cycled over more than gzip's 32 KB window, so compression does not shrink the
// export to almost nothing (then the compressor would never make the server wait).
const DISTINCT = Array.from({ length: 500 }, () => `${randomBytes(500).toString('hex')}\n`);

/**
 * Writes a streamed body as the Node adapter does (writeResponse in astro/dist/core/app/node.js):
 * each chunk as soon as it is read, never waiting for the socket.
 */
function likeTheAdapter(body: () => ReadableStream<Uint8Array>): RequestListener {
  return async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    const reader = body().getReader();
    let result = await reader.read();
    while (!result.done) {
      res.write(result.value);
      result = await reader.read();
    }
    res.end();
  };
}

let server: Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

/** Serves an export of ROWS rows, counting the rows read so far. */
async function serveExport(wrap: (l: RequestListener) => RequestListener) {
  const read = { rows: 0 };
  function* rows() {
    for (let i = 0; i < ROWS; i++) {
      read.rows++;
      yield DISTINCT[i % DISTINCT.length];
    }
  }
  server = createServer(wrap(likeTheAdapter(() => streamOf(rows()))));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { read, port: (server.address() as AddressInfo).port };
}

/** A download that reads nothing for `pauseMs`, then everything: the bytes of the body. */
function slowDownload(port: number, pauseMs: number, { gzip = false } = {}) {
  const headers = { 'accept-encoding': gzip ? 'gzip' : 'identity' };
  return new Promise<{ bytes: number; encoding?: string }>((resolve, reject) => {
    get({ port, host: '127.0.0.1', path: '/', headers }, (res) => {
      res.pause();
      res.on('aborted', () => reject(new Error('The server closed the download.')));
      let bytes = 0;
      const later = setTimeout(() => {
        const body = gzip ? res.pipe(createGunzip()) : res;
        body.on('data', (chunk: Buffer) => (bytes += chunk.length));
        body.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'] }));
        res.resume();
      }, pauseMs);
      later.unref();
    }).on('error', reject);
  });
}

const until = async (done: () => boolean, ms = 20_000) => {
  for (const end = Date.now() + ms; !done() && Date.now() < end;)
    await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('a streamed export to a client that reads slowly', () => {
  it('without the wrapper, the whole export is read while the client takes nothing', async () => {
    const { read, port } = await serveExport((l) => l);
    const download = slowDownload(port, 30_000);
    await until(() => read.rows === ROWS);
    // The control: this is what the wrapper is for (about 100 MB held by the server).
    expect(read.rows).toBe(ROWS);
    server!.closeAllConnections();
    void download.catch(() => undefined);
  });

  it('reads only a little ahead of the client, and the client still gets every byte', async () => {
    const { read, port } = await serveExport(withBackpressure);
    const download = slowDownload(port, 1500);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    // What the socket's buffers hold, a few MB at most, not the 100 MB of the whole export.
    expect(read.rows).toBeLessThan(ROWS / 5);
    expect((await download).bytes).toBe(ROWS * ROW_BYTES);
    expect(read.rows).toBe(ROWS);
  });

  it('waits for the compressor too, when the export is compressed', async () => {
    const { read, port } = await serveExport((l) =>
      withCompression(withBackpressure(l), '/nowhere'),
    );
    const download = slowDownload(port, 1500, { gzip: true });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(read.rows).toBeLessThan(ROWS / 5);
    const { bytes, encoding } = await download;
    expect(encoding).toBe('gzip');
    expect(bytes).toBe(ROWS * ROW_BYTES);
  });
});
