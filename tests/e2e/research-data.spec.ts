import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';
import { useOwnServer } from './ownServer.ts';

// One researcher and one set of seeded answers, used in order. Counts are read before and after
// seeding, so this spec has a server of its own that no other spec writes to.
// In order, in one worker; a failure never skips the tests after it ('serial' would).
test.describe.configure({ mode: 'default' });
const { dataDir } = useOwnServer(10);

const EMAIL = `data-${randomUUID().slice(0, 8)}@example.org`;
const PASSWORD = 'a long passphrase for the data tests';
const BASE = '/research/surveys/practitioners';
const XSS_SCRIPT = '<script>window.__xss=1</script>';
const XSS_IMG = '"><img src=x onerror=window.__xss=2>';
const FORMULA = '=HYPERLINK("http://x")';

test.beforeAll(() => {
  // The researcher CLI, on this spec's server's database (SQLite's WAL lets both use it).
  execFileSync('node', ['scripts/researcher.ts', 'add', EMAIL, '--role', 'researcher'], {
    input: `${PASSWORD}\n`,
    env: { ...process.env, DATA_DIR: dataDir },
  });
});

async function signIn(page: Page) {
  await page.goto('/research/login');
  await page.getByLabel('Email address').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/research\/$/);
}

/** Fails the test on any dialog, and checks no injected script ran on the current page. */
async function expectNoScriptRan(page: Page) {
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
  await expectNoScriptRan(page);
}

/** The count in a results table row: table named by its caption, row by its answer label. */
async function countIn(page: Page, caption: string, label: string): Promise<number> {
  const row = page
    .getByRole('table', { name: caption })
    .locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) });
  return Number(await row.locator('td').first().innerText());
}

async function totalShown(page: Page): Promise<number> {
  return Number((await page.locator('#total').innerText()).match(/^\d+/)![0]);
}

const ROLE = 'What is your role?: answers';
const TOOL = 'Have you used a digital tool to help with safeguarding?: answers';

test('results, coding, exports and deletion, with answers shown only as text', async ({
  page,
  request,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page);
  await expectAccessible(page);

  await page.goto(`${BASE}/`);
  const before = {
    total: await totalShown(page),
    police: await countIn(page, ROLE, 'Police'),
    teacher: await countIn(page, ROLE, 'Teacher or school staff'),
    yes: await countIn(page, TOOL, 'Yes'),
    no: await countIn(page, TOOL, 'No'),
  };

  const seeded = [
    practitionersSubmission({
      role: 'police',
      'used-digital-tool': 'no',
      'how-information-is-shared': XSS_SCRIPT,
      'one-thing-that-would-help': XSS_IMG,
    }),
    practitionersSubmission({
      role: 'police',
      'used-digital-tool': 'yes',
      'digital-tool-experience': FORMULA,
    }),
    practitionersSubmission({ role: 'teacher-or-school-staff', 'used-digital-tool': 'no' }),
    practitionersSubmission({ role: 'police', 'anything-else': 'Withdraw me by receipt' }),
  ];
  const receipts: string[] = [];
  for (const body of seeded) {
    const response = await request.post('/api/surveys/practitioners/responses', { data: body });
    expect(response.status(), await response.text()).toBe(201);
    receipts.push((await response.json()).receipt);
  }

  // The numbers shown moved by exactly what was seeded.
  await page.reload();
  expect(await totalShown(page)).toBe(before.total + 4);
  expect(await countIn(page, ROLE, 'Police')).toBe(before.police + 3);
  expect(await countIn(page, ROLE, 'Teacher or school staff')).toBe(before.teacher + 1);
  expect(await countIn(page, TOOL, 'Yes')).toBe(before.yes + 1);
  expect(await countIn(page, TOOL, 'No')).toBe(before.no + 3);
  // Free text is text: the markup shows as characters and nothing ran.
  await expect(page.getByText(XSS_SCRIPT, { exact: true })).toBeVisible();
  await expect(page.getByText(XSS_IMG, { exact: true })).toBeVisible();
  expect(await page.locator('main img, main script').count()).toBe(0);
  await expectAccessible(page);

  // Filter (allow-listed) and search.
  await page
    .getByRole('combobox', { name: 'What is your role?', exact: true })
    .selectOption({ label: 'Teacher or school staff' });
  await page.getByLabel('Written answers containing').fill('WINDOW.__XSS=1');
  await page.getByRole('button', { name: 'Apply' }).click();
  expect(await totalShown(page)).toBe(before.teacher + 1);
  await page.goto(`${BASE}/?search=${encodeURIComponent('window.__xss=1')}`);
  await expect(page.getByText(XSS_SCRIPT, { exact: true })).toBeVisible();
  await expect(page.getByText(XSS_IMG, { exact: true })).toHaveCount(0);
  await expectAccessible(page);
  expect((await page.goto(`${BASE}/?sort=password_hash`))!.status()).toBe(400);
  expect((await page.goto(`${BASE}/?where=password_hash:x`))!.status()).toBe(400);
  await expectAccessible(page);

  // Codes: create one, tag the answer holding the script, see its quote as text.
  await page.goto(`${BASE}/codes/`);
  await expectAccessible(page);
  await page.getByLabel('Name', { exact: true }).first().fill('Sharing by phone');
  await page.getByRole('button', { name: 'Add code' }).click();
  await expect(
    page.getByRole('table', { name: 'Codes and how often they are used' }),
  ).toContainText('Sharing by phone');

  await page.goto(`${BASE}/?search=${encodeURIComponent('window.__xss=1')}`);
  const scriptAnswer = page.locator('li', { hasText: XSS_SCRIPT });
  await scriptAnswer
    .getByRole('link', { name: /^Response \d+$/ })
    .first()
    .click();
  const responseUrl = page.url();
  await expect(page.getByText(XSS_SCRIPT, { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  // One save for the page: ticks on two answers are both kept (none lost by saving the other).
  const shared = page.getByRole('group', { name: /How is information about a child shared/ });
  const help = page.getByRole('group', { name: /What one thing would most help you/ });
  await shared.getByLabel('Sharing by phone').check();
  await help.getByLabel('Sharing by phone').check();
  await expect(page.getByRole('button', { name: /Save codes/ })).toHaveCount(1);
  await page.getByRole('button', { name: 'Save codes' }).click();
  await expect(page.getByText('Codes saved.')).toBeVisible();
  await expect(shared.getByLabel('Sharing by phone')).toBeChecked();
  await expect(help.getByLabel('Sharing by phone')).toBeChecked();
  await help.getByLabel('Sharing by phone').uncheck();
  await page.getByRole('button', { name: 'Save codes' }).click();
  await expect(help.getByLabel('Sharing by phone')).not.toBeChecked();
  await expect(shared.getByLabel('Sharing by phone')).toBeChecked();

  await page.goto(`${BASE}/codes/`);
  const table = page.getByRole('table', { name: 'Codes and how often they are used' });
  await expect(
    table.locator('tr', { hasText: 'Sharing by phone' }).locator('td').last(),
  ).toHaveText('1');
  // The quote carries its source: the survey, the response's number and the person's role.
  await expect(
    page.getByLabel('Quotes for “Sharing by phone” with their sources, ready to copy'),
  ).toHaveValue(/^“<script>window\.__xss=1<\/script>”\n\(.+, response \d+, .+\)$/);
  await expectAccessible(page);

  // Exports: files, never cached, formulas neutralised, headers included.
  const csv = await page.request.get(`${BASE}/export.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="practitioners-/);
  expect(csv.headers()['cache-control']).toBe('no-store');
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes.subarray(3).toString('utf8')) as string[][];
  for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  const column = rows[0].indexOf('Which tool did you use, and what was good or bad about it?');
  expect(rows.some((row) => row[column] === `'${FORMULA}`)).toBe(true);
  expect(rows.some((row) => row.includes(XSS_SCRIPT))).toBe(true);
  const json = await page.request.get(`${BASE}/export.json`);
  expect(json.headers()['cache-control']).toBe('no-store');
  expect((await json.json()).responses.length).toBe(before.total + 4);
  const codebook = await page.request.get(`${BASE}/codebook.csv`);
  expect(await codebook.text()).toContain('social-worker = Social worker');

  // Delete one response, with a confirm step.
  await page.goto(responseUrl);
  await page.getByRole('link', { name: 'Delete this response' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Yes, delete this response' }).click();
  await expect(page.getByText('The response was deleted.')).toBeVisible();
  expect(await totalShown(page)).toBe(before.total + 3);
  expect((await page.goto(responseUrl))!.status()).toBe(404);

  // Withdraw another by its receipt code.
  await page.goto('/research/withdraw/');
  await expectAccessible(page);
  await page.getByLabel('Receipt code').fill(receipts[3]);
  await page.getByRole('button', { name: 'Delete the response' }).click();
  await expect(page.getByText('The response with that receipt code was deleted.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Receipt code').fill(receipts[3]);
  await page.getByRole('button', { name: 'Delete the response' }).click();
  await expect(page.getByText('No response has that receipt code').first()).toBeVisible();
  await expectAccessible(page);

  await page.goto('/research/');
  await expect(page.locator('td[data-survey="practitioners"]')).toHaveText(
    String(before.total + 2),
  );
  await expectAccessible(page);
  expect(dialogs).toEqual([]);

  // Each action is in the audit log, naming the response but never quoting answers or codes.
  const db = new DatabaseSync(path.join(dataDir, 'safeguarding.sqlite'), {
    readOnly: true,
  });
  const entries = db.prepare('SELECT action, detail FROM audit_log ORDER BY id').all() as {
    action: string;
    detail: string | null;
  }[];
  db.close();
  const actions = new Set(entries.map((e) => e.action));
  for (const action of [
    'response-viewed',
    'code-created',
    'answer-coded',
    'export-downloaded',
    'response-deleted',
    'response-withdrawn',
  ]) {
    expect(actions).toContain(action);
  }
  const details = entries.map((e) => e.detail ?? '').join('\n');
  for (const secret of [XSS_SCRIPT, FORMULA, receipts[3]]) expect(details).not.toContain(secret);
});

test('a code in use is deleted only after asking, and names are unique in any case', async ({
  page,
  request,
}) => {
  const code = `Delete me ${randomUUID().slice(0, 6)}`;
  const sent = await request.post('/api/surveys/practitioners/responses', {
    data: practitionersSubmission(),
  });
  expect(sent.status()).toBe(201);
  await signIn(page);
  await page.goto(`${BASE}/codes/`);
  await page.getByLabel('Name', { exact: true }).first().fill(code);
  await page.getByRole('button', { name: 'Add code' }).click();
  // The newest response is the last row of the last page of the response browser.
  await page.goto(`${BASE}/responses/`);
  const total = Number((await page.locator('#total').innerText()).match(/of (\d+)/)![1]);
  await page.goto(`${BASE}/responses/?page=${Math.ceil(total / 25)}`);
  await page.locator('table tbody th a').last().click();
  await page
    .getByRole('group', { name: /How is information about a child shared/ })
    .getByLabel(code)
    .check();
  await page.getByRole('button', { name: 'Save codes' }).click();
  await expect(page.getByText('Codes saved.')).toBeVisible();

  await page.goto(`${BASE}/codes/`);
  await page.getByText(`Edit, merge or delete “${code}”`).click();
  await page
    .getByRole('button', { name: `Delete “${code}” and remove it from 1 answer or passage` })
    .click();
  await expect(page.locator('#confirm-delete')).toContainText(
    `Are you sure you want to delete the code “${code}”? It is removed from the 1 answer or passage it is on`,
  );
  await expectAccessible(page);
  await page.getByRole('link', { name: 'No, keep it' }).click();
  await expect(page.locator('#confirm-delete')).toHaveCount(0);
  const table = page.getByRole('table', { name: 'Codes and how often they are used' });
  await expect(table).toContainText(code);
  await page.getByText(`Edit, merge or delete “${code}”`).click();
  await page
    .getByRole('button', { name: `Delete “${code}” and remove it from 1 answer or passage` })
    .click();
  await page.getByRole('button', { name: `Yes, delete “${code}”` }).click();
  await expect(table).not.toContainText(code);

  await page.getByLabel('Name', { exact: true }).first().fill('Time pressure');
  await page.getByRole('button', { name: 'Add code' }).click();
  await page.getByLabel('Name', { exact: true }).first().fill('TIME PRESSURE');
  await page.getByRole('button', { name: 'Add code' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'There is already a code with that name',
  );
  await expectAccessible(page);
});

test('signed out, the workspace and its downloads give nothing away', async ({ request }) => {
  for (const path of ['/research/', `${BASE}/`, `${BASE}/export.csv`, `${BASE}/export.json`]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect([303, 401]).toContain(response.status());
    expect(await response.text()).not.toContain('response_id');
  }
});
