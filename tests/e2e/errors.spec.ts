import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { PORT } from '../../playwright.config.ts';
import { apiPath, isApi, routesUnder } from './routes.ts';

/**
 * Errors say what went wrong in words, never how the server is built: no stack trace, file path,
 * package or version, in the body or the headers. Provoked on every route (derived from
 * src/pages) with what a careless client or a prober sends.
 */
const ORIGIN = `http://127.0.0.1:${PORT}`;
const all = routesUnder();
const url = (route: string) => (isApi(route) ? apiPath(route) : route);

const LEAKS: [string, RegExp][] = [
  ['a stack line', /^\s+at /m],
  ['a stack frame', /\bat \S+ \(?\S+:\d+:\d+\)?/],
  ['a file path', /\/work\/|\/home\/|\/root\/|\/tmp\/|[A-Z]:\\/],
  ['node_modules', /node_modules/],
  ['a file URL', /file:\/\//],
  ['an Astro version', /astro[@/ v]*\d+\.\d+/i],
  ['a Node version', /node(\.js)?[/ v]*\d+\.\d+|\bv2\d\.\d+\.\d+/i],
  ['an error class', /\b(TypeError|ReferenceError|SyntaxError|SqliteError|AstroError)\b/],
];

async function expectClean(what: string, response: APIResponse) {
  const body = await response.text();
  for (const [leak, pattern] of LEAKS) {
    expect(body, `${what} (${response.status()}) shows ${leak}`).not.toMatch(pattern);
  }
  const h = response.headers();
  expect(h['x-powered-by'], what).toBeUndefined();
  expect(h['server'], what).toBeUndefined();
  expect(response.status(), `${what}: a server error for a client's mistake`).toBeLessThan(500);
}

async function send(
  request: APIRequestContext,
  method: string,
  path: string,
  options: { body?: string | Buffer; type?: string; headers?: Record<string, string> } = {},
) {
  const response = await request.fetch(path, {
    method,
    data: options.body,
    headers: {
      Origin: ORIGIN,
      ...(options.type ? { 'Content-Type': options.type } : {}),
      ...options.headers,
    },
    maxRedirects: 0,
  });
  await expectClean(`${method} ${path}`, response);
  return response;
}

test('malformed, mistyped and invalid bodies on every route that takes one', async ({
  request,
}) => {
  const bodies: [string, string | Buffer][] = [
    ['application/json', '{"answers": {"role": "social-worker"'],
    ['application/json', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]'],
    ['application/json', '{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}'],
    ['application/json', Buffer.from([0x7b, 0xff, 0xfe, 0x22, 0x7d])],
    ['application/x-www-form-urlencoded', 'a=%E0%A4%A&csrf=%&&&=='],
    ['text/plain', 'hello'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data\r\n\r\n--'],
  ];
  for (const route of all) {
    // Each readable body is a failed sign-in, and sign-in slows down after five (by design):
    // the sign-in page gets only the bodies it refuses before trying.
    const signIn = route === '/research/login/';
    await Promise.all(
      (signIn ? [bodies[0], ...bodies.slice(-2)] : bodies).map(([type, body]) =>
        send(request, 'POST', url(route), { type, body }),
      ),
    );
  }
});

test('wrong methods on every route', async ({ request }) => {
  for (const route of all) {
    await Promise.all(
      ['PUT', 'DELETE', 'PATCH', 'OPTIONS'].map((method) =>
        send(request, method, url(route), { type: 'application/json', body: '{}' }),
      ),
    );
  }
});

test('bodies too large for the site, with and without an honest length', async ({ request }) => {
  // The API and the no-JavaScript form posts; workspace forms send you to sign in first (303).
  const targets = all.filter((r) => isApi(r) || /form\/$|withdraw\/$|login\/$/.test(r));
  expect(targets.length).toBeGreaterThan(4);
  for (const route of targets) {
    for (const size of [70 * 1024, 300 * 1024, 2 * 1024 * 1024]) {
      const body = `{"answers":{"x":"${'a'.repeat(size)}"}}`;
      const response = await send(request, 'POST', url(route), { type: 'application/json', body });
      expect([303, 400, 401, 403, 404, 405, 413, 415], `${route} ${size}`).toContain(
        response.status(),
      );
    }
  }
});

test('unknown addresses, odd parameters and probes for files', async ({ request }) => {
  for (const path of [
    '/nope',
    '/api/nope',
    '/api/surveys/no-such-survey/responses',
    '/surveys/%3Cscript%3Ealert(1)%3C%2Fscript%3E/',
    '/surveys/%E0%A4%A/',
    '/surveys/practitioners/%00/',
    '/findings/..%2F..%2Fpackage.json',
    '/_astro/../../package.json',
    '/_astro/%2e%2e/%2e%2e/package.json',
    '/package.json',
    '/.env',
    '/.git/config',
    '/node_modules/astro/package.json',
    '/dist/server/entry.mjs',
    '/src/middleware.ts',
    '/research/surveys/practitioners/?sort=password_hash&filter=%27%20OR%201=1--',
    '/research/surveys/practitioners/responses/not-a-number/',
    '/api/research/surveys/practitioners/responses/1',
    `/surveys/${'a'.repeat(4000)}/`,
  ]) {
    const response = await send(request, 'GET', path);
    expect(response.status(), path).not.toBe(200);
  }
});
