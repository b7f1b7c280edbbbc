import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { useOwnServer } from './ownServer.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';

// Exact counts are checked, so this spec has a server and database of its own.
test.describe.configure({ mode: 'default' });
const { dataDir } = useOwnServer(17);

const EMAIL = `results-${randomUUID().slice(0, 8)}@example.org`;
const PASSWORD = 'a long passphrase for the results tests';
const BASE = '/research/surveys/practitioners';
const ROLE = 'What is your role?';
const TOOL = 'Have you used a digital tool to help with safeguarding?';
const EXPERIENCE = 'Which tool did you use, and what was good or bad about it?';
const CASELOAD = 'About how many children are on your caseload at the moment?';

test.beforeAll(async ({ request }) => {
  execFileSync('node', ['scripts/researcher.ts', 'add', EMAIL, '--role', 'researcher'], {
    input: `${PASSWORD}\n`,
    env: { ...process.env, DATA_DIR: dataDir },
  });
  // Two roles tie for most common; the tool's question is asked only after "yes".
  const seeded: [string, string][] = [
    ['police', 'no'],
    ['police', 'yes'],
    ['teacher-or-school-staff', 'no'],
    ['teacher-or-school-staff', 'yes'],
    ['social-worker', 'no'],
  ];
  for (const [role, tool] of seeded) {
    const body = practitionersSubmission({
      role,
      'used-digital-tool': tool,
      ...(tool === 'yes' ? { 'digital-tool-experience': 'A shared case system' } : {}),
    });
    const response = await request.post('/api/surveys/practitioners/responses', { data: body });
    expect(response.status(), await response.text()).toBe(201);
  }
});

async function signIn(page: Page) {
  await page.goto('/research/login');
  await page.getByLabel('Email address').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/research\/$/);
}

const expectAccessible = async (page: Page, javaScript = true) =>
  expect(await axeViolations(page, { javaScript, bestPractice: true })).toEqual([]);
const section = (page: Page, heading: string) =>
  page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });
const total = async (page: Page) =>
  Number((await page.locator('#total').innerText()).match(/^\d+/)![0]);

test('ties, skipped and not asked, and several filters at once', async ({ page }) => {
  await signIn(page);
  await page.goto(`${BASE}/`);
  expect(await total(page)).toBe(5);
  await expect(section(page, ROLE)).toContainText(
    'Most common answers, tied: “Teacher or school staff” and “Police”, each 2 of 5 (40%).',
  );
  await expect(section(page, EXPERIENCE)).toContainText(
    '2 answered. 0 skipped it. 3 were not asked it (an earlier answer led past it).',
  );
  await expect(section(page, CASELOAD)).toContainText('0 answered. 5 skipped it.');
  await expect(section(page, CASELOAD)).not.toContainText('not asked');
  // The date boxes are text, and their hint is the format they take.
  await expect(page.getByLabel('Received from')).toHaveAttribute('type', 'text');
  await expect(page.locator('#from-hint')).toHaveText('For example, 31/1/2027');
  await expectAccessible(page);

  // Two filters at once.
  await page.getByRole('combobox', { name: ROLE, exact: true }).selectOption({ label: 'Police' });
  await page.getByRole('combobox', { name: TOOL, exact: true }).selectOption({ label: 'No' });
  await page.getByRole('button', { name: 'Apply' }).click();
  expect(await total(page)).toBe(1);
  await expect(page.getByRole('combobox', { name: ROLE, exact: true })).toHaveValue('role:police');
});

test('a cross-tab of two closed questions, small cells marked, hidden on request, downloadable', async ({
  page,
}) => {
  await signIn(page);
  // Counts, column percentages, small cells marked.
  await page.goto(`${BASE}/`);
  await page.getByLabel('Cross-tabulate: question down the side').selectOption({ label: ROLE });
  await page.getByLabel('Cross-tabulate: question across the top').selectOption({ label: TOOL });
  await page.getByRole('button', { name: 'Apply' }).click();
  const tab = page.getByRole('table', { name: `${ROLE} (rows) by ${TOOL} (columns)` });
  const police = tab.getByRole('row', { name: /^Police/ });
  await expect(police.getByRole('cell')).toHaveText(['1 (50%)small', '1 (33.3%)small']);
  await expect(tab.getByRole('row', { name: /^Answered both/ }).getByRole('cell')).toHaveText([
    '2',
    '3',
  ]);
  await expect(page.getByText('Cells marked “small” count fewer than 5 people')).toBeVisible();
  await expectAccessible(page);

  // The same, small counts hidden for sharing, and downloadable.
  await page.getByLabel('Hide counts under 5 in cross-tabs and comparisons').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(police.getByRole('cell')).toHaveText(['fewer than 5', 'fewer than 5']);
  await expectAccessible(page);
  const csvLink = page.getByRole('link', { name: /^Download this table \(CSV\)/ });
  const crossCsv = await page.request.get((await csvLink.getAttribute('href'))!);
  expect(crossCsv.headers()['content-disposition']).toMatch(
    /^attachment; filename="practitioners-crosstab-/,
  );
  const crossRows = parse((await crossCsv.text()).replace(/^\uFEFF/, '')) as string[][];
  expect(crossRows.find((row) => row[0] === 'Police')).toEqual([
    'Police',
    'fewer than 5',
    'fewer than 5',
    'fewer than 5',
    'fewer than 5',
  ]);
});

test('groups side by side: every closed question split by one', async ({ page }) => {
  await signIn(page);
  await page.goto(`${BASE}/?compare=used-digital-tool`);
  const comparison = section(page, `Compared by “${TOOL}”`);
  await expect(comparison.getByRole('table', { name: `${ROLE}, by ${TOOL}` })).toBeVisible();
  await expect(comparison.getByRole('table', { name: new RegExp(`^${TOOL}, by`) })).toHaveCount(0);
  await expectAccessible(page);
});

test('a response shows "Not asked" for a question its answers led past, not "Not provided"', async ({
  page,
}) => {
  await signIn(page);
  // Response 1 answered "No" to the tool question, so was never asked which tool.
  await page.goto(`${BASE}/responses/1/`);
  const row = (label: string) =>
    page.locator('.govuk-summary-list__row', {
      has: page.getByRole('term').filter({ hasText: label }),
    });
  await expect(row(EXPERIENCE).getByRole('definition')).toHaveText(
    'Not asked (an earlier answer led past it)',
  );
  await expect(row(CASELOAD).getByRole('definition')).toHaveText('Not provided');
  await expectAccessible(page);
});

test('every chart downloads as SVG and its table as CSV, for the filters shown', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`${BASE}/?where=used-digital-tool:yes`);
  const role = section(page, ROLE);
  const svgHref = await role
    .getByRole('link', { name: /^Download the chart \(SVG\)/ })
    .getAttribute('href');
  expect(svgHref).toBe(`${BASE}/charts/role.svg?where=used-digital-tool:yes`);
  const svg = await page.request.get(svgHref!);
  expect(svg.status()).toBe(200);
  expect(svg.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
  expect(svg.headers()['cache-control']).toBe('no-store');
  const drawing = await svg.text();
  expect(drawing).toContain(`: ${ROLE}</title>`);
  expect(drawing).toContain('1 (50%)');
  // The downloaded drawing opens on its own and says the same as the page.
  await page.setContent(drawing);
  await expect(page.locator('svg text', { hasText: 'Police' })).toBeVisible();

  const csvHref = `${BASE}/charts/role.csv?where=used-digital-tool:yes`;
  const csv = parse((await (await page.request.get(csvHref)).text()).replace(/^\uFEFF/, ''));
  expect(csv).toContainEqual(['Police', '1', '50']);
  expect(csv[0]).toEqual(['Answer', 'Responses', 'Percentage of the 2 who answered']);

  for (const [path, status] of [
    [`${BASE}/charts/digital-tool-experience.svg`, 404],
    [`${BASE}/charts/role.png`, 404],
    [`${BASE}/charts/role.svg?where=password_hash:x`, 400],
    [`${BASE}/crosstab.csv`, 404],
    [`${BASE}/crosstab.csv?rows=role&columns=role`, 400],
  ] as const) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(status);
    expect(await response.text()).not.toMatch(/at .*\.ts|Error:/);
  }
});

test('without JavaScript: filters, cross-tab and a refused date work as a plain form', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page);
  await page.goto(`${BASE}/`);
  await page.getByRole('combobox', { name: TOOL, exact: true }).selectOption({ label: 'Yes' });
  await page.getByLabel('Cross-tabulate: question down the side').selectOption({ label: ROLE });
  await page.getByLabel('Cross-tabulate: question across the top').selectOption({ label: TOOL });
  await page.getByLabel('Received from').fill('31/2/2027');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the from date as a real day');
  await expect(page.locator('#from-error')).toContainText('Enter the from date as a real day');
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page, false);

  await page.getByLabel('Received from').fill('1/1/2020');
  await page.getByRole('button', { name: 'Apply' }).click();
  expect(await total(page)).toBe(2);
  await expect(
    page.getByRole('table', { name: `${ROLE} (rows) by ${TOOL} (columns)` }),
  ).toBeVisible();
  await expectAccessible(page, false);
  await context.close();
});
