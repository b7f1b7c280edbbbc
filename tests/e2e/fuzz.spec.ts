import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import {
  expect,
  request as http,
  test,
  type APIRequestContext,
  type APIResponse,
} from '@playwright/test';
import { DATABASE_FILE } from '../../src/server/sqliteStore.ts';
import { FUZZ_ROUTES, formFields, formValue, type FuzzRoute } from '../fixtures/fuzzRoutes.ts';
import {
  brokenBody,
  deepJsonText,
  deeplyNested,
  hostileJson,
  hostileString,
  withInvalidUtf8,
} from '../fixtures/hostile.ts';
import { snapshotDatabase, type AllowedWrites } from '../helpers/dbSnapshot.ts';
import { jsonRefusalProblems, pageLeaks } from '../helpers/fuzzChecks.ts';
import { fuzzOptions } from '../helpers/fuzzOptions.ts';

/**
 * Fuzzing over real HTTP, for what only the built server shows: the adapter's body limit, raw
 * bytes, content types, methods, the origin check, and the pages the no-JS forms render. It runs
 * its own server on its own empty database (next to the shared test server's port), so "nothing
 * was stored" can be checked across every table while other specs write elsewhere. The many-run
 * fuzzing of validation is in tests/unit/fuzz.submissions.test.ts.
 */

// In order, in one worker; a failure never skips the tests after it ('serial' would).
test.describe.configure({ mode: 'default' });

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = Number(process.env.FUZZ_PORT || Number(process.env.TEST_PORT || 4399) + 1);
const BASE = `http://127.0.0.1:${PORT}`;

let server: ChildProcess;
let dataDir: string;
let db: DatabaseSync;
let api: APIRequestContext;

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'sg-fuzz-http-'));
  server = spawn(process.execPath, ['scripts/serve.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(PORT),
      DATA_DIR: dataDir,
      // The fuzz sends far more feedback, answers and maps from one address than the limits
      // allow a person.
      FEEDBACK_LIMIT_PER_HOUR: '1000000',
      SUBMISSION_LIMIT_PER_HOUR: '1000000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr?.on('data', (chunk) => (stderr += chunk));
  api = await http.newContext({ baseURL: BASE });
  for (let tries = 0; ; tries++) {
    const up = await api.get('/api/health').then(
      (r) => r.ok(),
      () => false,
    );
    if (up) break;
    if (tries > 200 || server.exitCode !== null)
      throw new Error(`fuzz server did not start\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  db = new DatabaseSync(path.join(dataDir, DATABASE_FILE), { readOnly: true });
});

test.afterAll(async () => {
  db?.close();
  await api?.dispose();
  server?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sign-in may record that an attempt failed; nothing else may change. */
const allowedWrites = (route: FuzzRoute): AllowedWrites =>
  route.kind === 'sign-in' ? { audit_log: "action = 'sign-in-failed'" } : {};

/** Routes the fuzz may post to; research pages are swept separately below. */
const POST_ROUTES = Object.entries(FUZZ_ROUTES).filter(
  ([, route]) =>
    route.kind !== 'read-only' && route.kind !== 'researcher' && route.kind !== 'html-page',
);

/**
 * The rules every answer to a hostile request meets: no 5xx, no leak, nothing stored. JSON
 * routes must refuse with a clear JSON error (a submission route may store a body the fuzz left
 * valid). HTML forms may instead show the form again; a 2xx page must then say what is wrong,
 * unless it is a step of the form that needs no answer yet.
 */
async function expectHandled(
  route: FuzzRoute,
  response: APIResponse,
  before: Record<string, string>,
  what: string,
) {
  const status = response.status();
  const text = await response.text();
  const type = response.headers()['content-type'] ?? null;
  expect(status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
  const stored = status === 201 && route.kind === 'submission';
  if (!stored) {
    expect(snapshotDatabase(db, allowedWrites(route)), `${what} stored something`).toEqual(before);
  }
  if (stored) return;
  if (answersJson(route) || /json/.test(type ?? '')) {
    expect(jsonRefusalProblems(status, type, text), what).toEqual([]);
  } else {
    expect(pageLeaks(text, ROOT), what).toEqual([]);
    // A form that refuses what was sent shows itself again with an error summary.
    if (status === 422) expect(text, what).toContain('govuk-error-summary');
  }
}

/** JSON routes answer only JSON; HTML forms answer pages, or JSON from the shared body guard. */
const answersJson = (route: FuzzRoute) =>
  route.kind === 'submission' || (route.kind === 'withdrawal' && route.answers === 'json');

function routeBodies(route: FuzzRoute): fc.Arbitrary<string> {
  const texts = [
    hostileJson.map((v) => JSON.stringify(v)),
    deeplyNested.map((v) => JSON.stringify(v)),
    deepJsonText,
  ];
  return route.kind === 'submission'
    ? fc.oneof(
        ...texts,
        brokenBody(route.valid).map((v) => JSON.stringify(v) ?? 'null'),
      )
    : fc.oneof(...texts);
}

/** Sign-in hashes every attempt and slows repeated failures down: fuzz it lightly. */
const runs = (route: FuzzRoute, n: number) => (route.kind === 'sign-in' ? Math.min(n, 3) : n);

for (const [file, route] of POST_ROUTES) {
  test(`${file}: hostile JSON bodies get a clear 4xx and change nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(routeBodies(route), async (body) => {
        const before = snapshotDatabase(db, allowedWrites(route));
        const response = await api.post(route.url, {
          data: body,
          headers: { 'content-type': 'application/json', origin: BASE },
          maxRedirects: 0,
        });
        await expectHandled(route, response, before, `JSON ${body.slice(0, 120)}`);
      }),
      fuzzOptions(runs(route, 40)),
    );
  });

  test(`${file}: hostile form posts are refused or shown again, never a 5xx`, async () => {
    const names =
      route.kind === 'form-page'
        ? route.fieldNames
        : ['receipt', 'email', 'password', 'step', 'code', 'next'];
    await fc.assert(
      fc.asyncProperty(formFields(names), async (fields) => {
        const before = snapshotDatabase(db, allowedWrites(route));
        const response = await api.post(route.url, {
          data: new URLSearchParams(fields).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE },
          maxRedirects: 0,
        });
        await expectHandled(
          route,
          response,
          before,
          `form ${JSON.stringify(fields).slice(0, 200)}`,
        );
      }),
      fuzzOptions(runs(route, route.kind === 'form-page' ? 80 : 30)),
    );
  });

  test(`${file}: bytes that are not UTF-8 get 400 and change nothing`, async () => {
    const sample =
      route.kind === 'submission'
        ? fc.sample(route.valid, { numRuns: 1, seed: 8 })[0]
        : { receipt: 'ABCD' };
    await fc.assert(
      fc.asyncProperty(
        withInvalidUtf8(JSON.stringify(sample)),
        fc.constantFrom('application/json', 'application/x-www-form-urlencoded'),
        async (bytes, type) => {
          const before = snapshotDatabase(db, allowedWrites(route));
          const response = await api.post(route.url, {
            data: Buffer.from(bytes),
            headers: { 'content-type': type, origin: BASE },
            maxRedirects: 0,
          });
          expect(response.status()).toBe(400);
          await expectHandled(route, response, before, `bytes as ${type}`);
        },
      ),
      fuzzOptions(10),
    );
  });

  test(`${file}: 10 MB, other content types, other methods and other sites are refused`, async () => {
    const before = snapshotDatabase(db, allowedWrites(route));
    const huge = await api.post(route.url, {
      data: JSON.stringify({ answers: { text: 'x'.repeat(10 * 1024 * 1024) }, receipt: 'x' }),
      headers: { 'content-type': 'application/json', origin: BASE },
    });
    expect(huge.status()).toBe(413);
    await expectHandled(route, huge, before, '10 MB body');

    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml', '']) {
      const response = await api.post(route.url, {
        data: '{"receipt":"x"}',
        headers: { 'content-type': type, origin: BASE },
        maxRedirects: 0,
      });
      expect(response.status(), type).toBeGreaterThanOrEqual(400);
      await expectHandled(route, response, before, `content type "${type}"`);
    }
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const response = await api.fetch(route.url, {
        method,
        data: '{}',
        headers: { origin: BASE },
        maxRedirects: 0,
      });
      await expectHandled(route, response, before, method);
    }
    const crossSite = await api.post(route.url, {
      form: { receipt: 'x' },
      headers: { origin: 'https://evil.example' },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
    expect(snapshotDatabase(db, allowedWrites(route))).toEqual(before);
  });
}

for (const [file, route] of Object.entries(FUZZ_ROUTES)) {
  if (route.kind !== 'submission') continue;
  test(`${file}: tricky but legal text is stored exactly as sent`, async () => {
    await fc.assert(
      fc.asyncProperty(route.valid, async (body) => {
        const response = await api.post(route.url, { data: body });
        expect(response.status()).toBe(201);
        expect(route.readBack(db, body)).toEqual(route.expected(body));
      }),
      fuzzOptions(10),
    );
  });
}

/**
 * Every researcher route, with sample parameters, and the catch-all researcher API. Sign-in
 * (`research/login`, and the one-time links under `research/login/`) is for the signed out.
 */
function researcherUrls(): string[] {
  const pages = path.join(ROOT, 'src/pages');
  return readdirSync(path.join(pages, 'research'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(pages, path.join(entry.parentPath, entry.name)))
    .filter((file) => !/^research\/login(\.astro$|\/)/.test(file))
    .map((file) =>
      `/${file}`
        .replace(/\.(astro|ts)$/, '')
        .replace(/\/index$/, '/')
        .replace(/\[slug\]/g, 'practitioners')
        .replace(/\[id\]/g, '1'),
    )
    .concat(
      Object.values(FUZZ_ROUTES)
        .filter((route) => route.kind === 'researcher')
        .map((route) => route.url),
    );
}

test('signed out, every researcher route refuses hostile requests and changes nothing', async () => {
  const urls = researcherUrls();
  expect(urls.length).toBeGreaterThan(10);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...urls),
      fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'GET'),
      hostileJson,
      fc.constantFrom('application/json', 'application/x-www-form-urlencoded'),
      async (url, method, body, type) => {
        const before = snapshotDatabase(db);
        const response = await api.fetch(url, {
          method,
          data:
            type === 'application/json'
              ? JSON.stringify(body)
              : new URLSearchParams({ csrf: JSON.stringify(body) }).toString(),
          headers: { 'content-type': type, origin: BASE },
          maxRedirects: 0,
        });
        const status = response.status();
        expect([303, 401, 403], `${method} ${url}`).toContain(status);
        if (status === 303) expect(response.headers().location).toMatch(/^\/research\/login/);
        expect(snapshotDatabase(db)).toEqual(before);
        expect(pageLeaks(await response.text(), ROOT)).toEqual([]);
      },
    ),
    fuzzOptions(60),
  );
});

/** Field names the workspace forms read (src/pages/research, src/server/research and auth). */
const RESEARCH_FIELDS = [
  'action',
  'id',
  'name',
  'description',
  'code',
  'question',
  'response',
  'stage',
  'group',
  'newGroup',
  'note',
  'close',
  'receipt',
  'step',
  'password',
  'new-password',
  'confirm-password',
  'required',
];

test('signed in: text reads back exactly in the exports; hostile posts get no 5xx and refusals change nothing', async () => {
  const email = 'fuzz-admin@example.org';
  const password = 'a long passphrase for the fuzz tests';
  execFileSync(process.execPath, ['scripts/researcher.ts', 'add', email, '--role', 'admin'], {
    cwd: ROOT,
    input: `${password}\n`,
    env: { ...process.env, DATA_DIR: dataDir },
  });
  // Answers to read, code and delete, so ids in the forms can point at something real.
  const sent: [FuzzRoute, Record<string, unknown>][] = [];
  for (const route of Object.values(FUZZ_ROUTES)) {
    if (route.kind !== 'submission') continue;
    for (const body of fc.sample(route.valid, 5)) {
      expect((await api.post(route.url, { data: body })).status()).toBe(201);
      sent.push([route, body]);
    }
  }
  const signIn = await api.post('/research/login', {
    form: { email, password },
    headers: { origin: BASE },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(303);

  // What was sent reads back the same through the researcher's export, before any fuzzing.
  for (const [route, body] of sent) {
    if (route.kind !== 'submission' || !route.researcherExport) continue;
    const { url, find, expected } = route.researcherExport;
    const exported = await (await api.get(url)).json();
    const { id } = db
      .prepare('SELECT id FROM responses WHERE submission_id = ?')
      .get(String(body.submissionId)) as { id: number };
    expect(find(exported, Number(id))).toEqual(expected(body));
  }
  const page = await (await api.get('/research/surveys/practitioners/codes')).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
  expect(csrf).toBeTruthy();

  // Signing out ends the session the fuzzing needs; turning on "second factor for everyone" sends
  // every page to set one up. Both are tested in research-auth.spec.ts.
  const urls = researcherUrls().filter((url) => !url.startsWith('/research/logout'));
  const lockout = ([name, value]: [string, string]) => name === 'required' && value === 'yes';
  // Every request moves the session's last-seen time; sign-ins, views and failed withdrawals are
  // audited on purpose.
  const ignore = {
    sessions: 'true',
    audit_log:
      "action IN ('sign-in', 'response-viewed') OR " +
      "(action = 'response-withdrawn' AND detail = 'receipt code matched nothing')",
  };
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...urls),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...RESEARCH_FIELDS), hostileString), formValue), {
        maxLength: 12,
      }),
      fc.boolean(),
      async (url, fields, withToken) => {
        const form = new URLSearchParams([
          ...(withToken ? [['csrf', csrf!]] : []),
          ...fields.filter((field) => !lockout(field)),
        ]);
        const before = snapshotDatabase(db, ignore);
        const response = await api.post(url, {
          data: form.toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE },
          maxRedirects: 0,
        });
        const status = response.status();
        const text = await response.text();
        const what = `POST ${url} ${form.toString().slice(0, 200)}`;
        expect(status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(pageLeaks(text, ROOT), what).toEqual([]);
        if (!withToken) expect(status, what).toBe(403);
        if (status >= 400) expect(snapshotDatabase(db, ignore), what).toEqual(before);
      },
    ),
    fuzzOptions(150),
  );
});

test('pages that only show things answer hostile queries without a 5xx or a leak', async () => {
  for (const route of Object.values(FUZZ_ROUTES)) {
    if (route.kind !== 'html-page') continue;
    const before = snapshotDatabase(db);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(hostileString, formValue), { maxLength: 6 }),
        async (query) => {
          const response = await api.get(`${route.url}?${new URLSearchParams(query)}`);
          expect(response.status()).toBeLessThan(500);
          expect(pageLeaks(await response.text(), ROOT)).toEqual([]);
        },
      ),
      fuzzOptions(20),
    );
    expect(snapshotDatabase(db)).toEqual(before);
  }
});

test('GET-only routes answer hostile queries and other methods with JSON, changing nothing', async () => {
  for (const route of Object.values(FUZZ_ROUTES)) {
    if (route.kind !== 'read-only') continue;
    const before = snapshotDatabase(db);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await api.fetch(route.url, {
        method,
        data: '{"x":1}',
        headers: { 'content-type': 'application/json', origin: BASE },
      });
      const what = `${method} ${route.url}`;
      expect(
        jsonRefusalProblems(
          response.status(),
          response.headers()['content-type'],
          await response.text(),
        ),
        what,
      ).toEqual([]);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(hostileString, formValue), { maxLength: 6 }),
        async (query) => {
          const response = await api.get(`${route.url}?${new URLSearchParams(query)}`);
          expect(response.status()).toBeLessThan(500);
          expect(response.headers()['content-type']).toMatch(/^application\/json/);
        },
      ),
      fuzzOptions(20),
    );
    expect(snapshotDatabase(db)).toEqual(before);
  }
});
