import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  IMMUTABLE,
  NON_PAGE_POLICY,
  pagePath,
  readPagePolicies,
  reachedOverHttps,
  secureServer,
  securityHeaders,
  trustProxyFromEnv,
} from '../../src/server/securityHeaders.ts';

const PAGES = new Map([
  ['/', 'home-policy'],
  ['/surveys/practitioners', 'survey-policy'],
  ['/404', 'not-found-policy'],
  ['/admin', 'editor-policy'],
]);
const base = { status: 200, https: false };
const html = 'text/html; charset=utf-8';

describe('which policy a response gets', () => {
  it('finds a prerendered page by its path, with or without the slash or index.html', () => {
    for (const path of [
      '/surveys/practitioners/',
      '/surveys/practitioners',
      '/surveys/practitioners/index.html',
      '/surveys/practitioners/?step=2',
    ]) {
      const headers = securityHeaders({ ...base, path, contentType: html }, PAGES);
      expect(headers['Content-Security-Policy'], path).toBe('survey-policy');
    }
    expect(securityHeaders({ ...base, path: '/', contentType: html }, PAGES)).toMatchObject({
      'Content-Security-Policy': 'home-policy',
    });
  });

  it('gives a 304 for a page the same policy, since the browser applies it to its cached copy', () => {
    const facts = { ...base, status: 304, path: '/surveys/practitioners/' };
    expect(securityHeaders(facts, PAGES)['Content-Security-Policy']).toBe('survey-policy');
    const asset = { ...base, status: 304, path: '/_astro/app.1a2b3c.js' };
    expect(securityHeaders(asset, PAGES)['Cache-Control']).toBe(IMMUTABLE);
  });

  it("keeps the policy Astro set on an on-demand page, with that page's hashes", () => {
    const facts = { ...base, path: '/research/', contentType: html, policy: 'astro-policy' };
    expect(securityHeaders(facts, PAGES)['Content-Security-Policy']).toBe('astro-policy');
  });

  it('gives the not-found page its own policy at any unknown address', () => {
    const facts = { ...base, status: 404, path: '/no/such/page', contentType: html };
    expect(securityHeaders(facts, PAGES)['Content-Security-Policy']).toBe('not-found-policy');
  });

  it('lets JSON, files and redirects load nothing at all', () => {
    for (const facts of [
      { ...base, path: '/api/health', contentType: 'application/json' },
      { ...base, path: '/_astro/app.1a2b3c.js', contentType: 'text/javascript' },
      { ...base, status: 303, path: '/surveys/practitioners/form/' },
      // HTML that is not one of our pages (an error from the framework) gets nothing either.
      { ...base, status: 500, path: '/api/x', contentType: html },
    ]) {
      expect(securityHeaders(facts, PAGES)['Content-Security-Policy']).toBe(NON_PAGE_POLICY);
    }
    expect(NON_PAGE_POLICY).toContain("frame-ancestors 'none'");
  });
});

describe('the other headers', () => {
  it('are on every response', () => {
    const headers = securityHeaders({ ...base, path: '/' }, PAGES);
    expect(headers).toMatchObject({
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    });
    expect(headers['Permissions-Policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  });

  it('let the editor keep the GitHub sign-in pop-up it opens', () => {
    const headers = securityHeaders({ ...base, path: '/admin/' }, PAGES);
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin-allow-popups');
  });

  it('send HSTS only over HTTPS', () => {
    expect(securityHeaders({ ...base, path: '/' }, PAGES)).not.toHaveProperty(
      'Strict-Transport-Security',
    );
    expect(
      securityHeaders({ ...base, path: '/', https: true }, PAGES)['Strict-Transport-Security'],
    ).toMatch(/^max-age=31536000/);
  });

  it('cache only hashed build files for good, and never the workspace or the API', () => {
    const cache = (path: string, cacheControl?: string, status = 200) =>
      securityHeaders({ ...base, path, status, cacheControl }, PAGES)['Cache-Control'];
    expect(cache('/_astro/app.1a2b3c.js', 'public, max-age=0')).toBe(IMMUTABLE);
    expect(cache('/_astro/missing.js', undefined, 404)).toBe('no-store');
    expect(cache('/scripts/preferences.js', IMMUTABLE)).not.toMatch(/immutable/);
    expect(cache('/', 'public, max-age=0')).toBe('public, max-age=0');
    expect(cache('/research/surveys/practitioners/export.csv', 'public, max-age=600')).toBe(
      'no-store',
    );
    expect(cache('/api/surveys/practitioners/responses')).toBe('no-store');
    expect(cache('/surveys/practitioners/form/')).toBe('no-store');
  });

  it('knows a direct TLS connection is HTTPS, and a plain one is not, whatever it claims', () => {
    const req = (encrypted: boolean, proto?: string) =>
      ({
        socket: { encrypted },
        headers: proto ? { 'x-forwarded-proto': proto } : {},
      }) as unknown as IncomingMessage;
    expect(reachedOverHttps(req(true), false)).toBe(true);
    expect(reachedOverHttps(req(false, 'https'), false)).toBe(false);
    expect(reachedOverHttps(req(false, 'https, http'), true)).toBe(true);
    expect(reachedOverHttps(req(false, 'http'), true)).toBe(false);
  });

  it('trusts the proxy only when told to', () => {
    expect(trustProxyFromEnv(undefined)).toBe(false);
    expect(trustProxyFromEnv('0')).toBe(false);
    expect(trustProxyFromEnv('1')).toBe(true);
    expect(trustProxyFromEnv('true')).toBe(true);
  });
});

it('reads page paths from the build the way links name them', () => {
  expect(pagePath('/')).toBe('/');
  expect(pagePath('/index.html')).toBe('/');
  expect(pagePath('/findings/caf%C3%A9/')).toBe('/findings/café');
  expect(pagePath('/%E0%A4%A')).toBe('/%E0%A4%A');
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-headers-'));
  const file = path.join(dir, '_headers.json');
  writeFileSync(
    file,
    JSON.stringify([
      { pathname: '/surveys', headers: [{ key: 'Content-Security-Policy', value: 'p1' }] },
      { pathname: '/', headers: [{ key: 'Content-Security-Policy', value: 'p2' }] },
    ]),
  );
  expect(readPagePolicies(pathToFileURL(file))).toEqual(
    new Map([
      ['/surveys', 'p1'],
      ['/', 'p2'],
    ]),
  );
  expect(() => readPagePolicies(pathToFileURL(path.join(dir, 'none.json')))).toThrow(
    /npm run build/,
  );
});

describe('a wrapped server', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function serve(
    handler: Parameters<typeof createServer>[1],
    trustProxy = false,
  ): Promise<string> {
    server = createServer(handler);
    secureServer(server, { pagePolicies: PAGES, trustProxy });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('adds the headers whichever way the response was written, and drops version headers', async () => {
    const origin = await serve((req, res) => {
      res.setHeader('X-Powered-By', 'Something/1.2.3');
      if (req.url === '/explicit') {
        res.writeHead(201, 'Created', {
          'Content-Type': 'application/json',
          'Set-Cookie': ['a=1'],
        });
        return res.end('{}');
      }
      if (req.url === '/list') {
        res.writeHead(200, ['Content-Type', 'text/plain', 'X-Test', 'kept']);
        return res.end('ok');
      }
      // Implicit headers, as a static file server writes them.
      res.setHeader('Content-Type', 'text/html');
      res.end('<p>hi</p>');
    });
    for (const [path, status] of [
      ['/explicit', 201],
      ['/list', 200],
      ['/surveys/practitioners/', 200],
    ] as const) {
      const response = await fetch(`${origin}${path}`);
      expect(response.status).toBe(status);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('content-security-policy')).toBeTruthy();
    }
    const explicit = await fetch(`${origin}/explicit`);
    expect(explicit.headers.get('set-cookie')).toBe('a=1');
    expect((await fetch(`${origin}/list`)).headers.get('x-test')).toBe('kept');
    const page = await fetch(`${origin}/surveys/practitioners/`);
    expect(page.headers.get('content-security-policy')).toBe('survey-policy');
  });

  it('sends HSTS behind a proxy that says HTTPS, only when the proxy is trusted', async () => {
    const answer: Parameters<typeof createServer>[1] = (_req, res) => res.end('ok');
    const untrusted = await serve(answer);
    const spoofed = await fetch(untrusted, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
    server!.close();
    const trusted = await serve(answer, true);
    const proxied = await fetch(trusted, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(proxied.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    const plain = await fetch(trusted, { headers: { 'X-Forwarded-Proto': 'http' } });
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });
});
