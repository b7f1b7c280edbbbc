/**
 * Issue 14 item 9: after Publish the running site shows the change by itself. A local bare
 * repository stands in for the git host; a finding is published to it as a commit pushed to its
 * branch (what Publish does on GitHub, GitLab or Gitea: merge into the branch), and the site
 * started with `npm start`'s own script follows it, while a load of requests runs through the
 * switch to the new build.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { LiveStatus } from '../../src/server/live/liveStatus.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';
import { axeViolations } from './axe.ts';
import { makeContentRemote, type ContentRemote } from './contentRemote.ts';
import { PASSWORD } from './researchers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PORT = Number(process.env.TEST_PORT || 4399) + 30;
const SECRET = 'live-update test secret, not a real one';
// The promise is two minutes from Publish (README); a shared, loaded test machine builds far
// slower than a server, so the test waits longer and reports the time it measured instead.
const BUILD_WAIT = 6 * 60_000;

test.describe.configure({ mode: 'serial', timeout: 20 * 60_000 });

let remote: ContentRemote;
let dataDir: string;
let liveDir: string;
let site: { child: ChildProcess; exited: Promise<number | null> } | undefined;

function startLive(env: Record<string, string>) {
  const child = spawn(process.execPath, ['scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      LIVE_DIR: liveDir,
      LIVE_REPO: remote.bare,
      LIVE_BRANCH: 'main',
      HOST: '127.0.0.1',
      PORT: String(PORT),
      // The load below sends thousands of answers from one address.
      SUBMISSION_LIMIT_PER_HOUR: '1000000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  site = { child, exited: new Promise((resolve) => child.on('exit', resolve)) };
}

async function stopLive() {
  if (!site) return null;
  site.child.kill('SIGTERM');
  const code = await site.exited;
  site = undefined;
  return code;
}

const status = (): LiveStatus => {
  try {
    return JSON.parse(readFileSync(path.join(liveDir, 'status.json'), 'utf8'));
  } catch {
    return {};
  }
};

function send(
  method: string,
  urlPath: string,
  body?: string,
  headers: Record<string, string> = {},
) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      // A connection each: a reused idle connection that the server closes as the request is
      // sent fails with "socket hang up", which browsers retry by themselves and Node does not.
      { host: '127.0.0.1', port: PORT, method, path: urlPath, headers, agent: false },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Participants reading pages and sending answers without a pause, until stopped. */
function steadyLoad(clients: number) {
  const failures: string[] = [];
  let answered = 0;
  let stopped = false;
  const pages = ['/', '/findings/', '/surveys/practitioners/', '/api/health'];
  const client = async (c: number) => {
    for (let i = 0; !stopped; i++) {
      const submit = i % 5 === 4;
      const body = submit
        ? JSON.stringify(
            practitionersSubmission({ 'one-thing-that-would-help': `Client ${c}, answer ${i}.` }),
          )
        : undefined;
      const answer = await send(
        submit ? 'POST' : 'GET',
        submit ? '/api/surveys/practitioners/responses' : pages[i % pages.length],
        body,
        submit ? { 'content-type': 'application/json' } : {},
      ).catch((error: Error) => ({ status: 0, text: error.message }));
      if (answer.status === (submit ? 201 : 200)) answered++;
      else failures.push(`${answer.status} ${answer.text.slice(0, 80)}`);
    }
  };
  const done = Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return {
    failures,
    answered: () => answered,
    stop: async () => {
      stopped = true;
      await done;
    },
  };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs / 1000} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** axe's best-practice rules as well as WCAG's, on the live-site section. */
async function everyAxeRule(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('section[aria-labelledby="live-site-title"]')
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

async function signIn(page: Page) {
  const email = `live-${Date.now()}@example.org`;
  const made = spawnSync(
    process.execPath,
    ['scripts/researcher.ts', 'add', email, '--role', 'researcher'],
    {
      cwd: ROOT,
      input: `${PASSWORD}\n`,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    },
  );
  expect(made.status, made.stderr).toBe(0);
  await page.goto(`http://127.0.0.1:${PORT}/research/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/research\/$/);
}

const FINDING = `---
title: Families want one named contact
date: 2026-11-27
summary: Families told us they want one person to call who knows their story, instead of repeating it to each new worker.
surveys:
  - practitioners
---

Several families said they had told their story to five or more workers.
`;

const BROKEN = `---
title: A finding that names a survey we never ran
date: 2026-11-27
summary: This finding links to a survey that does not exist, which the build refuses.
surveys:
  - a-survey-we-never-ran
---

Text.
`;

test.beforeAll(() => {
  remote = makeContentRemote();
  dataDir = mkdtempSync(path.join(tmpdir(), 'sg-live-data-'));
  liveDir = path.join(mkdtempSync(path.join(tmpdir(), 'sg-live-')), 'live');
});

test.afterAll(async () => {
  await stopLive();
});

test('a published finding goes live by itself after a signed webhook, with no failed request through the switch', async () => {
  // Polling is slow here, so only the webhook can make the change appear in time.
  startLive({ LIVE_WEBHOOK_SECRET: SECRET, LIVE_POLL_SECONDS: '3600' });
  await until(
    () =>
      send('GET', '/api/health').then(
        (a) => a.status === 200,
        () => false,
      ),
    60_000,
    'the site',
  );
  const load = steadyLoad(4);

  // At start the site builds the branch as it is, and switches to it under the load.
  await until(() => status().live?.commit === remote.head(), BUILD_WAIT, 'the first build');

  const published = remote.publish(
    { 'content/findings/one-named-contact.md': FINDING },
    'Sam Researcher',
    'Create Findings “Families want one named contact”',
  );
  // A webhook without the right signature changes nothing.
  const body = JSON.stringify({ ref: 'refs/heads/main', after: published });
  const forged = await send('POST', '/api/live/webhook', body, {
    'content-type': 'application/json',
    'x-hub-signature-256': `sha256=${createHmac('sha256', 'a guess').update(body).digest('hex')}`,
  });
  expect(forged.status).toBe(401);
  expect(status().building).toBeUndefined();

  const publishedAt = Date.now();
  const hook = await send('POST', '/api/live/webhook', body, {
    'content-type': 'application/json',
    'x-github-event': 'push',
    'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
  });
  expect(hook.status).toBe(202);
  await until(
    () =>
      send('GET', '/findings/one-named-contact/').then(
        (a) => a.status === 200,
        () => false,
      ),
    BUILD_WAIT,
    'the finding to be live',
  );
  const seconds = Math.round((Date.now() - publishedAt) / 1000);
  await load.stop();
  const measured = `live ${seconds} s after the webhook; ${load.answered()} requests answered through two switches`;
  test.info().annotations.push({ type: 'live', description: measured });
  console.log(`Measured: ${measured}.`);
  expect(load.failures).toEqual([]);
  expect(load.answered()).toBeGreaterThan(100);
  const page = await send('GET', '/findings/one-named-contact/');
  expect(page.text).toContain('Families want one named contact');
  expect(status().live).toMatchObject({ commit: published, author: 'Sam Researcher' });

  // Stopping is graceful, as npm run serve's is.
  expect(await stopLive()).toBe(0);
});

test('a version the build refuses never goes live; the workspace says what is live and what failed', async ({
  page,
}) => {
  // Restarted, the site serves the last version that went live straight away, and looks for new
  // ones by polling alone (no webhook secret set).
  startLive({ LIVE_POLL_SECONDS: '10' });
  await until(
    () =>
      send('GET', '/api/health').then(
        (a) => a.status === 200,
        () => false,
      ),
    60_000,
    'the site',
  );
  expect((await send('GET', '/findings/one-named-contact/')).status).toBe(200);
  // Without a secret there is no webhook address.
  expect((await send('POST', '/api/live/webhook', '{}')).status).toBe(404);

  const broken = remote.publish(
    { 'content/findings/never-ran.md': BROKEN },
    'Alex Editor',
    'Create Findings “A finding that names a survey we never ran”',
  );
  await until(() => status().failed?.commit === broken, BUILD_WAIT, 'the build to fail');
  expect((await send('GET', '/findings/one-named-contact/')).status).toBe(200);
  expect((await send('GET', '/findings/never-ran/')).status).toBe(404);

  await signIn(page);
  const live = page.getByRole('region', { name: 'The live site' });
  await expect(live).toContainText('The latest change did not go live');
  await expect(live).toContainText('Alex Editor published a change on');
  await expect(live).toContainText('Create Findings “A finding that names a survey we never ran”');
  await expect(live).toContainText('a-survey-we-never-ran');
  await expect(live).toContainText('The site still shows the version above');
  await expect(live.getByText('Sam Researcher', { exact: true })).toBeVisible();
  await expect(live).toContainText(`version ${status().live!.commit.slice(0, 7)}`);
  expect(await axeViolations(page)).toEqual([]);
  expect(await everyAxeRule(page)).toEqual([]);
  await live.getByText('What the build said').click();
  await expect(live).toContainText('there is no content/surveys/a-survey-we-never-ran.yml');
  expect(await axeViolations(page)).toEqual([]);
  expect(await everyAxeRule(page)).toEqual([]);
});
