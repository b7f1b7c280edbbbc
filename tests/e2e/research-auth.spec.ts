import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, request, test, type Page } from '@playwright/test';
import { TOTP } from 'otpauth';
import { E2E_DATA_DIR, PORT } from '../../playwright.config.ts';
import { axeViolations } from './axe.ts';

const ORIGIN = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'orange kettle on the moon';
let n = 0;
/** A fresh email per test, so tests in parallel never share an account or a throttle count. */
const uniqueEmail = (name: string) => `${name}-${process.pid}-${Date.now()}-${n++}@example.org`;

/** Creates an account with the CLI, against the test server's own database. */
function addResearcher(email: string, role: 'admin' | 'researcher' = 'researcher') {
  const result = spawnSync(
    process.execPath,
    ['scripts/researcher.ts', 'add', email, '--role', role],
    { input: `${PASSWORD}\n`, env: { ...process.env, DATA_DIR: E2E_DATA_DIR }, encoding: 'utf8' },
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function sessionCookie(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name === 'sg_session');
}

test('signing in brings the researcher back to the page they asked for', async ({ page }) => {
  const email = uniqueEmail('jo');
  addResearcher(email);
  await page.goto('/research/account/');
  await expect(page).toHaveURL(/\/research\/login\?next=%2Fresearch%2Faccount%2F$/);
  await expect(page.getByLabel('Email address')).toHaveAttribute('autocomplete', 'username');
  await expect(page.getByLabel('Password')).toHaveAttribute('autocomplete', 'current-password');
  expect(await axeViolations(page)).toEqual([]);

  await signIn(page, email.toUpperCase());
  await expect(page).toHaveURL(/\/research\/account\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
  const cookie = await sessionCookie(page);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(Buffer.from(cookie!.value, 'base64url')).toHaveLength(32);
  expect(await axeViolations(page)).toEqual([]);
});

test('a wrong password gets the one generic error', async ({ page }) => {
  const email = uniqueEmail('wrong');
  addResearcher(email);
  await page.goto('/research/login');
  await signIn(page, email, 'not my password at all');
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('Enter a correct email address and password');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  expect(await axeViolations(page)).toEqual([]);
  expect(await sessionCookie(page)).toBeUndefined();
});

test('without a session: pages redirect to sign-in and the API answers 401', async ({
  request,
}) => {
  const page = await request.get('/research/account/', { maxRedirects: 0 });
  expect(page.status()).toBe(303);
  expect(page.headers().location).toBe('/research/login?next=%2Fresearch%2Faccount%2F');

  const api = await request.get('/api/research/anything');
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: 'Sign in first' });

  const tricked = await request.get('/research/login?next=//evil.example/');
  expect(await tricked.text()).not.toContain('evil.example');
  // Participant pages are untouched: no cookie, still cacheable.
  const home = await request.get('/');
  expect(home.headers()['set-cookie']).toBeUndefined();
});

test('writes need the CSRF token and our own origin', async ({ page }) => {
  const email = uniqueEmail('csrf');
  addResearcher(email);
  await page.goto('/research/login?next=/research/account/');
  await signIn(page, email);
  await expect(page).toHaveURL(/\/research\/account\/$/);
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();

  const noToken = await page.request.post('/research/account/', {
    form: { action: 'totp-start' },
    headers: { Origin: ORIGIN },
  });
  expect(noToken.status()).toBe(403);
  const wrongOrigin = await page.request.post('/research/account/', {
    form: { action: 'totp-start', csrf },
    headers: { Origin: 'https://evil.example' },
  });
  expect(wrongOrigin.status()).toBe(403);
  const jsonNoToken = await page.request.post('/api/research/anything', {
    data: { x: 1 },
    headers: { Origin: ORIGIN },
  });
  expect(jsonNoToken.status()).toBe(403);

  const ok = await page.request.post('/research/account/', {
    form: { action: 'totp-start', csrf, 'totp-start-password': PASSWORD },
    headers: { Origin: ORIGIN },
  });
  expect(ok.status()).toBe(200);
  expect(ok.headers()['cache-control']).toBe('no-store');

  // Not an admin: the admin pages are closed.
  expect((await page.request.get('/research/admin/accounts/')).status()).toBe(403);
});

test('signing out ends the session for good', async ({ page }) => {
  const email = uniqueEmail('out');
  addResearcher(email);
  await page.goto('/research/login?next=/research/account/');
  await signIn(page, email);
  await expect(page).toHaveURL(/\/research\/account\/$/);
  const old = (await sessionCookie(page))!.value;

  await page.goto('/research/logout');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/research\/login\?signed-out$/);
  await expect(page.getByText('You have signed out')).toBeVisible();

  const replay = await request.newContext({
    baseURL: ORIGIN,
    extraHTTPHeaders: { Cookie: `sg_session=${old}` },
  });
  expect((await replay.get('/api/research/anything')).status()).toBe(401);
  expect((await replay.get('/research/account/', { maxRedirects: 0 })).status()).toBe(303);
  await replay.dispose();
});

test('after five failures the next attempt is slowed down', async ({ request }) => {
  const email = uniqueEmail('slow');
  const attempt = () =>
    request.post('/research/login', {
      form: { email, password: 'wrong password guess' },
      headers: { Origin: ORIGIN },
    });
  for (let i = 0; i < 5; i++) expect((await attempt()).status()).toBe(200);
  const started = Date.now();
  const sixth = await attempt();
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  expect(await sixth.text()).toContain('Enter a correct email address and password');
});

test('a second factor: set up with a code, then asked for at sign-in', async ({ page }) => {
  const email = uniqueEmail('totp');
  addResearcher(email, 'admin');
  await page.goto('/research/login?next=/research/account/');
  await signIn(page, email);
  await page.getByRole('button', { name: 'Set up a second factor' }).click();
  // Without the password nothing starts (a borrowed session cannot lock the owner out).
  await expect(
    page.getByRole('link', { name: 'Enter your current password correctly' }),
  ).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Your current password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Set up a second factor' }).click();
  const secret = (await page.locator('#totp-secret').innerText()).replace(/\s/g, '');
  // "key: ABCD…", never "key:ABCD…".
  await expect(page.getByText('by typing this key:')).toHaveText(/key: [A-Z2-7]{4}/);
  // Beside the key, a QR code drawn by the server: no request leaves for it.
  const qr = page.getByRole('img', { name: /QR code/ });
  await expect(qr.locator('svg path').first()).toBeAttached();
  expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(150);
  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
  await expect(page.getByLabel('Security code')).toHaveAttribute('autocomplete', 'one-time-code');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Security code').fill(totp.generate());
  await page.getByRole('button', { name: 'Turn on the second factor' }).click();
  await expect(page.getByText('Your second factor is on.')).toBeVisible();
  // Recovery codes, shown this once.
  const codes = page.locator('#recovery-codes li');
  await expect(codes).toHaveCount(10);
  const recovery = await codes.first().innerText();
  expect(await axeViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.locator('#recovery-codes')).toHaveCount(0);
  await expect(page.locator('#recovery-codes-left')).toContainText('10 unused recovery codes');

  await page.goto('/research/admin/accounts/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Researcher accounts');
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('On');
  expect(await axeViolations(page)).toEqual([]);

  await page.goto('/research/logout');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/research/login?next=/research/account/');
  await signIn(page, email);
  const code = page.getByLabel('Security code');
  await expect(code).toHaveAttribute('inputmode', 'numeric');
  // Half signed in is not signed in.
  expect((await page.request.get('/api/research/anything')).status()).toBe(401);
  // The next step's code: the one used to turn the factor on cannot be used again.
  await code.fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page).toHaveURL(/\/research\/account\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');

  // A recovery code stands in for a lost authenticator, once.
  await page.goto('/research/logout');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/research/login?next=/research/account/');
  await signIn(page, email);
  await page.getByText('I cannot use my authenticator app').click();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Recovery code').fill(recovery);
  await page.getByRole('button', { name: 'Continue with a recovery code' }).click();
  await expect(page).toHaveURL(/\/research\/account\/$/);
  await expect(page.locator('#recovery-codes-left')).toContainText('9 unused recovery codes');
});

test('the audit log: paged, filtered, exported, and honest about who', async ({ page }) => {
  const email = uniqueEmail('audit');
  addResearcher(email, 'admin');
  // A failed sign-in from someone on the web, before the administrator signs in.
  await page.goto('/research/login');
  await signIn(page, 'nobody-here@example.org', 'a wrong password here');
  await page.goto('/research/login?next=/research/admin/audit/');
  await signIn(page, email);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('What').selectOption('sign-in-failed');
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page).toHaveURL(/action=sign-in-failed/);
  const rows = page.locator('table tbody tr');
  await expect(rows.first()).toContainText('Someone not signed in (web)');
  await expect(page.locator('table')).not.toContainText('Command line');

  await page.getByLabel('Who').selectOption({ label: email });
  await page.getByLabel('What').selectOption('');
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(rows.first()).toContainText(email);
  await expect(page.getByRole('status')).toContainText('newest first');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download .* \(CSV\)/ }).click();
  const csv = await (await download).path().then((file) => readFileSync(file, 'utf8'));
  expect(csv.split('\r\n')[0]).toBe('\uFEFFid,when_utc,who,researcher_id,source,action,detail');
  expect(csv).toContain(`${email},`);

  // A date that is not one: 400, an error summary, and nothing listed.
  await page.getByLabel('From (UTC day)').fill('2026-02-30');
  await page.getByRole('button', { name: 'Show entries' }).click();
  await expect(page.getByRole('link', { name: /From must be a real date/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect((await page.request.get('/research/admin/audit/?page=0')).status()).toBe(400);
});
