import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drainServer } from '../../src/server/drainServer.ts';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

/** A server whose one route answers only when the test says so. */
async function slowServer() {
  let finish: () => void = () => {};
  const answered = new Promise<void>((resolve) => (finish = resolve));
  const started = Promise.withResolvers<void>();
  server = createServer(async (_req, res) => {
    started.resolve();
    await answered;
    res.end('done');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, port, started: started.promise, finish };
}

/** GET / on a keep-alive connection, as browsers and fetch do. */
function get(port: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('draining the server at shutdown', () => {
  it('refuses new connections but answers the request in flight, then resolves', async () => {
    const slow = await slowServer();
    const inFlight = get(slow.port);
    await slow.started;

    const drained = drainServer(slow.server, 10_000);
    await expect(get(slow.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    slow.finish();

    expect(await inFlight).toEqual({ status: 200, body: 'done' });
    expect(await drained).toBe(true);
  });

  it('cuts off a request that outlives the timeout and says so', async () => {
    const slow = await slowServer();
    const inFlight = get(slow.port);
    await slow.started;

    expect(await drainServer(slow.server, 200)).toBe(false);
    await expect(inFlight).rejects.toMatchObject({ code: 'ECONNRESET' });
    slow.finish();
  });
});
