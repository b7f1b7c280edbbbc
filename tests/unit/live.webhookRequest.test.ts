import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_PATH, webhookRequest } from '../../src/server/live/webhookRequest.ts';

const SECRET = 'the shared webhook secret';
let server: Server;
let base: string;
let pushes = 0;

beforeAll(async () => {
  server = createServer((req, res) => void webhookRequest(req, res, SECRET, () => pushes++));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${WEBHOOK_PATH}`;
});
afterAll(() => server.close());

const github = (body: string, secret = SECRET) => ({
  'content-type': 'application/json',
  'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
});

describe('the live-update webhook', () => {
  it('accepts a signed push with 202 and makes the site look for a new version', async () => {
    const before = pushes;
    const body = JSON.stringify({ ref: 'refs/heads/main' });
    const answer = await fetch(base, { method: 'POST', body, headers: github(body) });
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ status: 'checking', host: 'github' });
    expect(answer.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(pushes).toBe(before + 1);
  });

  it('refuses a wrong or missing signature with 401, and nothing happens', async () => {
    const before = pushes;
    const body = '{}';
    for (const headers of [{}, github(body, 'not the secret'), github('{ }')]) {
      const answer = await fetch(base, { method: 'POST', body, headers });
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({
        error: 'The webhook signature does not match the shared secret.',
      });
    }
    expect(pushes).toBe(before);
  });

  it('answers 405 with Allow to anything but POST, and 413 to an oversized body', async () => {
    const before = pushes;
    const get = await fetch(base);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const huge = 'x'.repeat(1024 * 1024 + 1);
    const big = await fetch(base, { method: 'POST', body: huge, headers: github(huge) });
    expect(big.status).toBe(413);
    expect(pushes).toBe(before);
  });
});
