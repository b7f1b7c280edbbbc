import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import { PORT } from '../../playwright.config.ts';
import { signInAsNewResearcher } from './researchers.ts';
import { apiPath, isApi, routesUnder } from './routes.ts';

/**
 * The security headers on every route the site has (derived from src/pages, so new routes are
 * covered as they are added), each kind of static file, the not-found page and the editor, as
 * `node scripts/serve.ts` sends them.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const ORIGIN = `http://127.0.0.1:${PORT}`;
const all = routesUnder();
const url = (route: string) => (isApi(route) ? apiPath(route) : route);

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(/[;,]/)) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), [...(map.get(name.toLowerCase()) ?? []), ...values]);
  }
  return map;
}

function expectSecure(where: string, response: APIResponse) {
  const h = response.headers();
  const policy = h['content-security-policy'];
  expect(policy, `${where}: Content-Security-Policy`).toBeTruthy();
  const csp = directives(policy);
  expect(csp.get('frame-ancestors'), where).toEqual(["'none'"]);
  for (const name of ['default-src', 'script-src', 'script-src-elem', 'script-src-attr']) {
    expect(csp.get(name) ?? [], `${where}: ${name}`).not.toContain("'unsafe-inline'");
  }
  if (/^text\/html/.test(h['content-type'] ?? '')) {
    expect(csp.get('default-src'), where).toEqual(["'self'"]);
    expect(csp.get('object-src'), where).toEqual(["'none'"]);
    expect(csp.get('base-uri'), where).toEqual(["'none'"]);
    expect(csp.get('script-src'), `${where}: scripts from here or hashed`).toContain("'self'");
  }
  expect(h['referrer-policy'], where).toBe('no-referrer');
  expect(h['x-content-type-options'], where).toBe('nosniff');
  expect(h['permissions-policy'], where).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  const editor = /^\w+ \/admin\//.test(where);
  expect(h['cross-origin-opener-policy'], where).toBe(
    editor ? 'same-origin-allow-popups' : 'same-origin',
  );
  // Plain http: HSTS would be ignored, and must not be sent where it cannot be honoured.
  expect(h['strict-transport-security'], where).toBeUndefined();
  expect(h['x-powered-by'], where).toBeUndefined();
  expect(h['server'], where).toBeUndefined();
  const cache = h['cache-control'] ?? '';
  if (/\/_astro\//.test(where) && [200, 304].includes(response.status())) {
    expect(cache, where).toBe('public, max-age=31536000, immutable');
  } else {
    expect(cache, where).not.toMatch(/immutable/);
  }
  if (/ \/(research|api)\b/.test(where)) expect(cache, where).toBe('no-store');
}

test('the route list covers pages, forms, the workspace and the API', () => {
  expect(all).toEqual(
    expect.arrayContaining(['/', '/404/', '/admin/', '/research/', '/api/health/']),
  );
  expect(all.filter((r) => /^\/surveys\/[\w-]+\/form\/$/.test(r))).toHaveLength(1);
  expect(all.filter((r) => /^\/api\/surveys\/[\w-]+\/responses\/$/.test(r))).toHaveLength(1);
  expect(all.length).toBeGreaterThan(30);
});

test('every route, read and written without signing in, has the headers', async ({ request }) => {
  for (const route of all) {
    const get = await request.get(url(route), { maxRedirects: 0 });
    expectSecure(`GET ${route}`, get);
    const post = await request.post(url(route), {
      data: {},
      headers: { Origin: ORIGIN },
      maxRedirects: 0,
    });
    expectSecure(`POST ${route}`, post);
  }
});

test('a form step answered by the server is never cached: it may hold answers', async ({
  request,
}) => {
  const form = all.find((r) => /^\/surveys\/[\w-]+\/form\/$/.test(r))!;
  for (const route of [form, '/withdraw/']) {
    const response = await request.post(route, {
      form: { receipt: 'AAAA-BBBB-CCCC-DDDD', step: 'consent' },
      headers: { Origin: ORIGIN },
      maxRedirects: 0,
    });
    expectSecure(`POST ${route}`, response);
    expect(response.headers()['cache-control'], route).toBe('no-store');
  }
});

test('every workspace page and export, signed in, has the headers and is never cached', async ({
  page,
}) => {
  await signInAsNewResearcher(page, 'headers', 'admin');
  for (const route of all.filter(
    (r) => r.startsWith('/research/') || r.startsWith('/api/research/'),
  )) {
    const response = await page.request.get(url(route), { maxRedirects: 0 });
    // Signed in, sign-in and sign-out pages send you on; every other page must show itself.
    if (!/\/log(in|out)\/$/.test(route)) expect(response.status(), route).not.toBe(303);
    expectSecure(`GET ${route}`, response);
  }
});

test('static files, built assets, the not-found page and the editor have the headers', async ({
  request,
}) => {
  const home = await (await request.get('/')).text();
  const assets = [...home.matchAll(/(?:href|src)="(\/_astro\/[^"]+)"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThan(0);
  for (const target of [
    ...new Set(assets),
    '/_astro/no-such-file.js',
    '/favicon.svg',
    '/no/such/page/',
    '/admin/',
    '/admin/index.html',
    '/surveys/practitioners',
    '/surveys/practitioners/index.html',
  ]) {
    const response = await request.get(target, { maxRedirects: 0 });
    expectSecure(`GET ${target}`, response);
  }
  // A reload revalidates: the 304's headers replace the cached page's, so they must match.
  for (const target of ['/about/', assets[0]]) {
    const first = await request.get(target);
    const again = await request.get(target, {
      headers: { 'If-None-Match': first.headers().etag },
    });
    expect(again.status(), target).toBe(304);
    expectSecure(`GET ${target} (304)`, again);
    for (const name of ['content-security-policy', 'cache-control']) {
      expect(again.headers()[name], `${target} ${name}`).toBe(first.headers()[name]);
    }
  }
  const missing = await request.get('/no/such/page/');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-type']).toMatch(/^text\/html/);
  const editor = await request.get('/admin/');
  const editorPolicy = directives(editor.headers()['content-security-policy']);
  // What Decap needs, and no more: eval for Ajv, and only the git host and this machine.
  expect(editorPolicy.get('script-src')).toContain("'unsafe-eval'");
  expect(editorPolicy.get('connect-src')).toEqual([
    "'self'",
    'blob:',
    'https://api.github.com',
    `http://127.0.0.1:${PORT - 1}`,
  ]);
  const site = directives((await request.get('/')).headers()['content-security-policy']);
  expect(site.get('script-src')).not.toContain("'unsafe-eval'");
  expect(site.get('connect-src')).toEqual(["'self'"]);
});

test('HSTS is sent over HTTPS through a trusted proxy, and only then', async () => {
  const port = PORT - 21;
  const server = spawn(process.execPath, ['scripts/serve.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sg-hsts-')),
      HOST: '127.0.0.1',
      PORT: String(port),
      TRUST_PROXY: '1',
    },
    stdio: 'ignore',
  });
  try {
    let answer: Response | undefined;
    for (let i = 0; i < 100 && !answer; i++) {
      answer = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { 'X-Forwarded-Proto': 'https' },
      }).catch(() => new Promise<undefined>((resolve) => setTimeout(resolve, 100)));
    }
    expect(answer?.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const plain = await fetch(`http://127.0.0.1:${port}/`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  } finally {
    server.kill();
  }
  // The shared test server does not trust the header: anyone could send it.
  const spoofed = await fetch(`${ORIGIN}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(spoofed.headers.get('strict-transport-security')).toBeNull();
});
