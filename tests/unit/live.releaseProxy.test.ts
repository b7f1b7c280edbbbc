import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { newBackend, ReleaseProxy } from '../../src/server/live/releaseProxy.ts';
import { secureServer } from '../../src/server/securityHeaders.ts';

/** A stand-in for one build of the site: answers with its name, what it saw, and the body. */
function fakeSite(name: string, delayMs = 0): Promise<{ server: Server; port: number }> {
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () =>
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('content-security-policy', "default-src 'self'; script-src 'sha256-abc'");
        res.setHeader('cache-control', 'public, max-age=0, must-revalidate');
        res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
        res.end(
          JSON.stringify({
            name,
            body: Buffer.concat(chunks).toString(),
            proto: req.headers['x-forwarded-proto'] ?? null,
            from: req.socket.remoteAddress,
          }),
        );
      }, delayMs),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as AddressInfo).port }),
    ),
  );
}

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function front(proxy: ReleaseProxy): Promise<number> {
  const server = createServer((req, res) => proxy.forward(req, res));
  // As scripts/live.ts sets it up: the request gate and the site's headers in front.
  secureServer(server, { pagePolicies: new Map(), trustProxy: false });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function send(port: number, method = 'GET', body = '', headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    json: Record<string, string>;
    headers: IncomingMessage['headers'];
  }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: '/x', headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        const json = /json/.test(res.headers['content-type'] ?? '') ? JSON.parse(text) : {};
        resolve({ status: res.statusCode!, json, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const options = { loopbackPerClient: false, forwardedProto: () => undefined };

describe('the switch between builds', () => {
  it('answers 503 with Retry-After before any build is running', async () => {
    const port = await front(new ReleaseProxy(options));
    const answer = await send(port);
    expect(answer.status).toBe(503);
  });

  it('sends each request to the build current when it arrives; the old one finishes its own', async () => {
    const old = await fakeSite('old', 300);
    const next = await fakeSite('new');
    servers.push(old.server, next.server);
    const proxy = new ReleaseProxy(options);
    const port = await front(proxy);
    const oldBackend = newBackend(old.port);
    proxy.switchTo(oldBackend);

    const slow = send(port, 'POST', 'sent before the switch');
    while (oldBackend.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(oldBackend.inFlight).toBe(1);
    expect(proxy.switchTo(newBackend(next.port))).toBe(oldBackend);
    const after = await send(port, 'POST', 'sent after');
    expect(after.json).toMatchObject({ name: 'new', body: 'sent after' });

    let idle = false;
    const whenIdle = proxy.whenIdle(oldBackend).then(() => (idle = true));
    expect(idle).toBe(false);
    expect((await slow).json).toMatchObject({ name: 'old', body: 'sent before the switch' });
    await whenIdle;
    expect(oldBackend.inFlight).toBe(0);
  });

  it('under a steady load, not one request fails across many switches', async () => {
    const sites = await Promise.all([fakeSite('a', 5), fakeSite('b', 5)]);
    servers.push(...sites.map((s) => s.server));
    const proxy = new ReleaseProxy(options);
    const port = await front(proxy);
    proxy.switchTo(newBackend(sites[0].port));
    let stop = false;
    const statuses: (number | string)[] = [];
    const client = async () => {
      while (!stop) {
        statuses.push(
          await send(port, 'POST', 'x').then(
            (a) => a.status,
            (e: Error) => e.message,
          ),
        );
      }
    };
    const clients = Promise.all([client(), client(), client(), client()]);
    for (let i = 1; i <= 10; i++) {
      // Some answers between each switch, however slow the machine is.
      while (statuses.length < i * 5) await new Promise((resolve) => setTimeout(resolve, 5));
      const previous = proxy.switchTo(newBackend(sites[i % 2].port));
      if (previous) await proxy.whenIdle(previous);
    }
    stop = true;
    await clients;
    expect(statuses.length).toBeGreaterThanOrEqual(50);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('passes the site’s answers on with their own headers, and refuses odd requests itself', async () => {
    const site = await fakeSite('site');
    servers.push(site.server);
    const proxy = new ReleaseProxy(options);
    proxy.switchTo(newBackend(site.port));
    const port = await front(proxy);
    const answer = await send(port);
    expect(answer.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'sha256-abc'",
    );
    expect(answer.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(answer.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');

    const trace = await send(port, 'TRACE');
    expect(trace.status).toBe(405);
    expect(proxy.current?.inFlight).toBe(0);
  });

  it('passes on only the X-Forwarded-Proto it decided, never the client’s own', async () => {
    const site = await fakeSite('site');
    servers.push(site.server);
    const plain = new ReleaseProxy(options);
    plain.switchTo(newBackend(site.port));
    const answer = await send(await front(plain), 'GET', '', { 'x-forwarded-proto': 'https' });
    expect(answer.json.proto).toBeNull();

    const tls = new ReleaseProxy({ ...options, forwardedProto: () => 'https' });
    tls.switchTo(newBackend(site.port));
    expect((await send(await front(tls))).json.proto).toBe('https');
  });

  it.runIf(process.platform === 'linux')(
    'keeps clients apart for the site’s per-client limits (a loopback address per client)',
    async () => {
      const site = await fakeSite('site');
      servers.push(site.server);
      const proxy = new ReleaseProxy({ ...options, loopbackPerClient: true });
      proxy.switchTo(newBackend(site.port));
      const port = await front(proxy);
      const first = (await send(port)).json.from;
      expect(first).toMatch(/^127\.\d+\.\d+\.\d+$/);
      expect(first).not.toBe('127.0.0.1');
      // The same client keeps the same address, so its count carries on.
      expect((await send(port)).json.from).toBe(first);
    },
  );
});
