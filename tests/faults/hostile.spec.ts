/**
 * Issue 12, item 7, against a real server process whose output we can read and whose settings
 * we choose: TRUST_PROXY=1 alone behind a (pretend) TLS proxy, a low per-address submission
 * limit, hostile slugs that must not reach the log, and Astro's image endpoint.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, test } from '@playwright/test';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';
import {
  faultPort,
  killLeftoverServers,
  newDataDir,
  RESPONSES,
  ROOT,
  startServer,
  type RunningServer,
} from './server.ts';

test.describe.configure({ mode: 'serial' });
test.afterAll(killLeftoverServers);

const PASSWORD = 'orange kettle on the moon';
const LIMIT = 3;
let server: RunningServer;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = newDataDir();
  server = await startServer(dataDir, faultPort(30), {
    TRUST_PROXY: '1',
    SUBMISSION_LIMIT_PER_HOUR: String(LIMIT),
  });
});
test.afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request with the headers given (node:http sends the path bytes as they are). */
function call(
  method: string,
  pathname: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, method, path: pathname, agent: false, headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const json = (value: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

test('slugs with newlines, NUL or terminal escapes are refused before any lookup, and never logged', async () => {
  const forged = [
    '%0AFORGED-LINE',
    '%00FORGED-NUL',
    '%1B%5B31mFORGED-ANSI',
    'FORGED%0D%0Ax',
    'UPPER-FORGED',
  ];
  for (const slug of forged) {
    const api = await call(
      'POST',
      `/api/surveys/${slug}/responses`,
      json(practitionersSubmission()),
    );
    expect(api.status, slug).toBe(404);
    expect(JSON.parse(api.text)).toEqual({ error: 'Not found' });
    for (const page of [`/api/journeys/${slug}/maps`, `/api/prototypes/${slug}/feedback`]) {
      expect((await call('POST', page, json({}))).status, page).toBe(404);
    }
    for (const page of [
      `/surveys/${slug}/form/`,
      `/prototypes/${slug}/comments/`,
      `/api/prototypes/${slug}/comments`,
      `/research/surveys/${slug}/`,
    ]) {
      const answer = await call('GET', page);
      expect(answer.status, page).toBe(404);
    }
  }
  // Give the log a moment, then read everything the server wrote.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(server.output()).not.toContain('FORGED');
  expect((await call('GET', '/api/health')).status).toBe(200);
});

test('TRUST_PROXY=1 alone: behind a TLS proxy the session cookie is __Host- and Secure', async () => {
  const email = 'proxy@example.org';
  const added = spawnSync(
    process.execPath,
    ['scripts/researcher.ts', 'add', email, '--role', 'researcher'],
    {
      cwd: ROOT,
      input: `${PASSWORD}\n`,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    },
  );
  expect(added.status).toBe(0);
  const form = new URLSearchParams({ email, password: PASSWORD }).toString();
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-forwarded-proto': 'https',
  };
  const signedIn = await call('POST', '/research/login', { headers, body: form });
  expect(signedIn.status).toBe(303);
  const cookie = [signedIn.headers['set-cookie']].flat().join('\n');
  expect(cookie).toMatch(/^__Host-sg_session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Strict/);
  expect(signedIn.headers['strict-transport-security']).toBe('max-age=31536000');

  const token = /__Host-sg_session=([^;]+)/.exec(cookie)![1];
  const workspace = await call('GET', '/research/', {
    headers: { cookie: `__Host-sg_session=${token}`, 'x-forwarded-proto': 'https' },
  });
  expect(workspace.status).toBe(200);
});

test('the image endpoint the site does not use answers 404, never 500', async () => {
  for (const query of ['href=/favicon.svg&w=10&f=png', 'href=https://example.org/x.png', '']) {
    const answer = await call('GET', `/_image?${query}`);
    expect(answer.status, query).toBe(404);
  }
});

test('one address: new surveys and maps past the hourly limit get 429, retries never count', async () => {
  const journey = parse(
    readFileSync(path.join(ROOT, 'content/journeys/child-protection-journey.yml'), 'utf8'),
  );
  const consent = Object.fromEntries(
    (journey.consent.statements as { id: string }[]).map((s) => [s.id, true]),
  );
  const first = practitionersSubmission();
  expect((await call('POST', RESPONSES, json(first))).status).toBe(201);
  for (let i = 0; i < 5; i++) expect((await call('POST', RESPONSES, json(first))).status).toBe(200);
  for (let i = 1; i < LIMIT; i++) {
    expect((await call('POST', RESPONSES, json(practitionersSubmission()))).status).toBe(201);
  }
  const refused = await call('POST', RESPONSES, json(practitionersSubmission()));
  expect(refused.status).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  const map = {
    submissionId: randomUUID(),
    role: 'parent-or-carer',
    consent,
    stages: [{ name: 'A first worry', feeling: 2, who: [] }],
  };
  const mapRefused = await call('POST', '/api/journeys/child-protection-journey/maps', json(map));
  expect(mapRefused.status).toBe(429);
  // The retry of a stored answer still gets its receipt back.
  expect((await call('POST', RESPONSES, json(first))).status).toBe(200);
});
