import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clientErrorStatus,
  describeFailure,
  gatedListener,
  isValidHost,
  refusalFor,
} from '../../src/server/requestGate.ts';

const incoming = (method: string, url: string, headers: Record<string, string> = {}) =>
  ({ method, url, headers, httpVersion: '1.1' }) as unknown as IncomingMessage;

describe('isValidHost', () => {
  it.each(['localhost', '127.0.0.1', 'example.org:8080', 'a-b.example.', '[::1]', '[::1]:4321'])(
    'accepts %s',
    (host) => expect(isValidHost(host)).toBe(true),
  );
  it.each([
    '127.0.0@1',
    'user:pw@example.org',
    'a b',
    'example.org/path',
    'example.org:99999',
    'café.example',
    '',
    '-a.example',
    'a..b',
    '[zz::1]',
    `${'a'.repeat(300)}.org`,
  ])('refuses %j', (host) => expect(isValidHost(host)).toBe(false));
});

describe('refusalFor', () => {
  it('lets ordinary requests through', () => {
    expect(refusalFor(incoming('GET', '/surveys/', { host: 'localhost:4321' }))).toBeUndefined();
    expect(refusalFor(incoming('POST', '/api/withdrawals', { host: 'x.org' }))).toBeUndefined();
  });
  it('refuses methods the fetch standard forbids with 405, unknown ones with 501', () => {
    expect(refusalFor(incoming('TRACE', '/', { host: 'x' }))?.status).toBe(405);
    expect(refusalFor(incoming('CONNECT', '/', { host: 'x' }))?.status).toBe(405);
    expect(refusalFor(incoming('PROPFIND', '/', { host: 'x' }))?.status).toBe(501);
  });
  it('refuses targets that are not a path, and Hosts with credentials', () => {
    expect(refusalFor(incoming('GET', 'http://evil/', { host: 'x' }))?.status).toBe(400);
    expect(refusalFor(incoming('OPTIONS', '*', { host: 'x' }))?.status).toBe(400);
    expect(refusalFor(incoming('GET', '/', { host: '127.0.0@1' }))?.status).toBe(400);
    expect(refusalFor(incoming('GET', '/%'))?.status).toBe(400);
  });
  it('needs a Host in HTTP/1.1 but not in HTTP/1.0', () => {
    expect(refusalFor(incoming('GET', '/'))?.status).toBe(400);
    const old = { ...incoming('GET', '/'), httpVersion: '1.0' } as IncomingMessage;
    expect(refusalFor(old)).toBeUndefined();
  });
});

describe('what is logged of a failure', () => {
  it('names the kind of error, never its message', () => {
    const error = Object.assign(new TypeError('GET /\nFAKE LOG LINE'), { code: 'E_X\n\u001b' });
    expect(describeFailure(error)).toBe('TypeError (E_X)');
    expect(describeFailure('text from a request')).toBe('string');
  });
  it('maps parser errors to the status Node would give', () => {
    expect(clientErrorStatus('HPE_HEADER_OVERFLOW')).toBe(431);
    expect(clientErrorStatus('ERR_HTTP_REQUEST_TIMEOUT')).toBe(408);
    expect(clientErrorStatus('HPE_INVALID_METHOD')).toBe(400);
  });
});

describe('gatedListener', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function listen(listener: Parameters<typeof gatedListener>[0]) {
    server = createServer(gatedListener(listener));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }
  const get = (port: number, path = '/') =>
    new Promise<{ status?: number; body: string }>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      });
      req.on('error', () => resolve({ body: 'connection closed' }));
      req.end();
    });

  it('answers 500 when the listener throws, and keeps serving', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const port = await listen((_req, res) => {
      if (calls++ === 0) throw new Error('secret words from the request');
      res.end('fine');
    });
    expect(await get(port)).toEqual({
      status: 500,
      body: 'Something went wrong. Please try again.\n',
    });
    expect(await get(port)).toEqual({ status: 200, body: 'fine' });
    expect(log.mock.calls.flat().join(' ')).not.toContain('secret words');
    log.mockRestore();
  });

  it('answers JSON on the API when an async listener rejects', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const port = await listen(async () => {
      throw new Error('boom');
    });
    const answer = await get(port, '/api/health');
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toEqual({ error: 'Something went wrong. Please try again.' });
    log.mockRestore();
  });

  it('closes the connection when the answer had already started', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const port = await listen((_req, res) => {
      res.writeHead(200);
      res.write('half');
      throw new Error('late');
    });
    expect((await get(port)).body).not.toBe('half');
    log.mockRestore();
  });
});
