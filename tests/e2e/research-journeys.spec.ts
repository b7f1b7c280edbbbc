import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';

// Other specs store maps in the same database: only stages named with MARKER are counted.
// In order, in one worker; a failure never skips the tests after it ('serial' would).
test.describe.configure({ mode: 'default' });

const SLUG = 'child-protection-journey';
const BASE = `/research/journeys/${SLUG}`;
const EMAIL = `journeys-${randomUUID().slice(0, 8)}@example.org`;
const PASSWORD = 'a long passphrase for the journey tests';
const MARKER = randomUUID().slice(0, 8);
const WAITING = `Waiting ${MARKER}`;
const LIMBO = `Limbo ${MARKER}`;
const DRIFT = `Drift ${MARKER}`;
const CODE = `Explain ${MARKER}`;
const XSS_SCRIPT = '<script>window.__xss=1</script>';
const FORMULA = '=HYPERLINK("http://x")';

const yml = parseYaml(
  readFileSync(path.resolve(import.meta.dirname, `../../content/journeys/${SLUG}.yml`), 'utf8'),
) as { title: string; consent: { statements: { id: string }[] } };
const consent = Object.fromEntries(yml.consent.statements.map((s) => [s.id, true]));

interface Stage {
  name: string;
  feeling: number;
  who?: string[];
  wouldHaveHelped?: string;
}
const body = (role: string, stages: Stage[]) => ({
  submissionId: randomUUID(),
  role,
  consent,
  stages: stages.map((s) => ({ who: [], happened: '', helped: '', wouldHaveHelped: '', ...s })),
});

// Feelings by hand. "Waiting" alone: 1, 3 (parents), 2 (social worker) → 3 maps, mean 2,
// range 1–3, sd √(2/3) = 0.8. Grouped with "Limbo" as "Drift": 1, 3, 4, 5, 2 → 4 maps, mean 3,
// range 1–5, sd √2 = 1.4; parents 1, 3 → mean 2, sd 1; social workers 4, 5, 2 → mean 3.7, sd 1.2.
const SEEDED = [
  body('parent-or-carer', [
    { name: 'Assessment', feeling: 2, who: ['social-worker'] },
    { name: WAITING, feeling: 1, who: ['social-worker', 'police'], wouldHaveHelped: XSS_SCRIPT },
  ]),
  body('parent-or-carer', [{ name: ` ${WAITING.toUpperCase()} `, feeling: 3 }]),
  body('social-worker', [
    { name: LIMBO, feeling: 4, who: ['teacher-or-school'], wouldHaveHelped: FORMULA },
  ]),
  body('social-worker', [
    { name: LIMBO.toLowerCase(), feeling: 5 },
    { name: WAITING, feeling: 2, who: ['social-worker'] },
  ]),
];

test.beforeAll(() => {
  execFileSync('node', ['scripts/researcher.ts', 'add', EMAIL, '--role', 'researcher'], {
    input: `${PASSWORD}\n`,
    env: { ...process.env, DATA_DIR: process.env.SG_E2E_DATA_DIR },
  });
});

async function signIn(page: Page) {
  await page.goto('/research/login');
  await page.getByLabel('Email address').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/research\/$/);
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.locator('main img, main script').count()).toBe(0);
}

/** Maps, average, range and standard deviation shown for a stage group and role ('all'). */
async function numbers(page: Page, group: string, role = 'all'): Promise<string[]> {
  const row = page.locator(`#feelings tr[data-group="${group}"][data-role="${role}"]`);
  return row.locator('td').allInnerTexts();
}

test('maps combined by stage and role, grouped, coded, opened, exported and deleted', async ({
  page,
  request,
}) => {
  page.on('dialog', (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`);
  });
  for (const seed of SEEDED) {
    const response = await request.post(`/api/journeys/${SLUG}/maps`, { data: seed });
    expect(response.status(), await response.text()).toBe(201);
  }

  await signIn(page);
  await page.locator('#journeys').getByRole('link', { name: yml.title }).click();
  await expect(page).toHaveURL(new RegExp(`${BASE}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(yml.title);
  await expectAccessible(page);
  // The count and its noun apart, as a screen reader and a copy-paste read them.
  expect(await page.locator('#total').innerText()).toMatch(/^\d+ maps\.$/);

  // Free names match without case or surrounding spaces, but stay apart until grouped.
  expect(await numbers(page, WAITING)).toEqual(['3', '2', '1–3', '0.8']);
  expect(await numbers(page, WAITING, 'parent-or-carer')).toEqual(['2', '2', '1–3', '1']);
  expect(await numbers(page, WAITING, 'social-worker')).toEqual(['1', '2', '2–2', '– (one map)']);
  expect(await numbers(page, LIMBO)).toEqual(['2', '4.5', '4–5', '0.5']);
  // The curve has a line per role, each named in the key, and its text lists the values.
  const curve = page.locator('[data-curves]');
  await expect(curve.locator('[data-series="Parent or carer"]')).toHaveCount(1);
  await expect(curve.locator('[data-series="Social worker"]')).toHaveCount(1);
  await expect(curve.getByRole('list', { name: 'Key to the lines' })).toContainText(
    'Parent or carer',
  );
  await expect(curve.locator('desc')).toContainText(`${WAITING}, average feeling 2 out of 5`);
  // Written answers are text.
  await expect(page.getByText(XSS_SCRIPT, { exact: true })).toBeVisible();

  // A group name that is too long is refused, with the error shown.
  await page.getByLabel('Stage name', { exact: true }).selectOption({ label: LIMBO });
  await page.getByLabel('Or a new group named').fill('x'.repeat(81));
  await page.getByRole('button', { name: 'Save group' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'The group name must be 80 characters or fewer',
  );
  await expectAccessible(page);

  // Group "Limbo" into a new group, then "Waiting" into the same one from the list.
  await page.getByLabel('Stage name', { exact: true }).selectOption({ label: LIMBO });
  await page.getByLabel('Or a new group named').fill(DRIFT);
  await page.getByRole('button', { name: 'Save group' }).click();
  await expect(page.getByText('Stage group saved.')).toBeVisible();
  await page.getByLabel('Stage name', { exact: true }).selectOption({ label: WAITING });
  await page.getByLabel('Put it with').selectOption({ label: DRIFT });
  await page.getByRole('button', { name: 'Save group' }).click();
  await expect(page.getByText('Stage group saved.')).toBeVisible();
  expect(await numbers(page, DRIFT)).toEqual(['4', '3', '1–5', '1.4']);
  expect(await numbers(page, DRIFT, 'parent-or-carer')).toEqual(['2', '2', '1–3', '1']);
  expect(await numbers(page, DRIFT, 'social-worker')).toEqual(['2', '3.7', '2–5', '1.2']);
  await expect(page.locator(`#feelings tr[data-group="${WAITING}"]`)).toHaveCount(0);
  const whoTable = page.getByRole('table', { name: `Who was involved at “${DRIFT}”` });
  await expect(whoTable.locator('tr', { hasText: 'Social worker' }).locator('td')).toHaveText('2');
  await expect(whoTable.locator('tr', { hasText: 'Police' }).locator('td')).toHaveText('1');
  await expectAccessible(page);

  // Code a "what would have helped" with a thematic code of this activity.
  await page.getByRole('link', { name: 'Thematic codes' }).click();
  await page.getByLabel('Name', { exact: true }).first().fill(CODE);
  await page.getByRole('button', { name: 'Add code' }).click();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Back to the maps' }).click();
  const answer = page.locator('li[data-answer]', { hasText: XSS_SCRIPT });
  await answer.getByLabel(CODE).check();
  await answer.getByRole('button', { name: /Save codes/ }).click();
  await expect(page.getByText('Codes saved.')).toBeVisible();
  await expect(
    page.locator('li[data-answer]', { hasText: XSS_SCRIPT }).getByLabel(CODE),
  ).toBeChecked();
  await expectAccessible(page);
  await page.goto(`${BASE}/codes/`);
  // The quote carries its source: the journey, the map's number and the person's role.
  await expect(
    page.getByLabel(`Quotes for “${CODE}” with their sources, ready to copy`),
  ).toHaveValue(/^“<script>window\.__xss=1<\/script>”\n\(.+, map \d+, .+\)$/);

  // One map, drawn as the participant drew it.
  await page.goto(`${BASE}/`);
  await page
    .locator('li[data-answer]', { hasText: XSS_SCRIPT })
    .getByRole('link', { name: /^Map \d+$/ })
    .click();
  const mapUrl = page.url();
  expect(mapUrl).toMatch(new RegExp(`${BASE}/maps/\\d+/$`));
  expect(
    await page
      .locator('[data-curve] circle')
      .evaluateAll((points) => points.map((p) => p.getAttribute('data-feeling'))),
  ).toEqual(['2', '1']);
  const table = page.locator('[data-journey-table]');
  await expect(table).toContainText(WAITING);
  await expect(table).toContainText('Social worker, Police');
  await expect(page.getByText(XSS_SCRIPT, { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Exports: one row per stage, neutralised, with the researcher's groups.
  const csv = await page.request.get(`${BASE}/export.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['cache-control']).toBe('no-store');
  expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="child-protection/);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes.subarray(3).toString('utf8')) as string[][];
  for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  const [header] = rows;
  const col = (name: string) => header.indexOf(name);
  const mine = rows.filter((r) => r[col('stage_name')].toLowerCase().includes(MARKER));
  expect(mine).toHaveLength(5);
  expect(new Set(mine.map((r) => r[col('stage_group')]))).toEqual(new Set([DRIFT]));
  expect(mine.map((r) => r[col('feeling')]).sort()).toEqual(['1', '2', '3', '4', '5']);
  expect(mine.some((r) => r[col('would_have_helped')] === `'${FORMULA}`)).toBe(true);
  expect(mine.some((r) => r[col('would_have_helped')] === XSS_SCRIPT)).toBe(true);
  expect(mine.some((r) => r[col('who')] === 'social-worker; police')).toBe(true);
  const json = await page.request.get(`${BASE}/export.json`);
  expect(json.headers()['cache-control']).toBe('no-store');
  const stages = (await json.json()).stages as Record<string, string>[];
  expect(stages.filter((s) => s.stage_name.toLowerCase().includes(MARKER))).toHaveLength(5);

  // Delete the opened map, with a confirm step.
  await page.goto(mapUrl);
  await page.getByRole('link', { name: 'Delete this map' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Yes, delete this map' }).click();
  await expect(page.getByText('The map was deleted.')).toBeVisible();
  expect(await numbers(page, DRIFT)).toEqual(['3', '3.5', '2–5', '1.1']);
  await expectAccessible(page);
  expect((await page.goto(mapUrl))!.status()).toBe(404);
});
