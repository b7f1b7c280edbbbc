import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';

// In order, in one worker; a failure never skips the tests after it ('serial' would).
test.describe.configure({ mode: 'default' });

const EMAIL = `lead-${randomUUID().slice(0, 8)}@example.org`;
const PASSWORD = 'safeguarding is everyone’s job';
const SURVEY_TITLE = 'What would help you keep children safe? A survey for practitioners';
const QUESTION_LABEL =
  'How is information about a child shared between you and other agencies now?';

test.beforeAll(() => {
  execFileSync('node', ['scripts/researcher.ts', 'add', EMAIL, '--role', 'admin'], {
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

test('a disclosure is flagged, shown first, handled with a record, and audited', async ({
  page,
}) => {
  // A participant's answer with a risk phrase from the site settings.
  const submitted = await page.request.post('/api/surveys/practitioners/responses', {
    data: practitionersSubmission({
      'how-information-is-shared': 'A boy told me his stepdad hits me when mum is out, he said.',
    }),
  });
  expect(submitted.status()).toBe(201);

  await signIn(page);
  const banner = page.getByRole('region', { name: 'Safeguarding' });
  await expect(banner).toContainText('may contain a disclosure that a child is at risk');
  expect(await axeViolations(page), 'axe on the overview with a flag').toEqual([]);
  await banner.getByRole('link', { name: 'Read the flagged responses first' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Safeguarding flags');
  await expect(page.getByText('Read a flagged response on the same working day')).toBeVisible();
  expect(await axeViolations(page), 'axe on the flags list').toEqual([]);
  const open = page.locator('h2:has-text("Open") + ul a');
  await open.last().click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Flag \d+$/);
  await expect(page.locator('.govuk-summary-list')).toContainText('hits me');
  // Titles and question labels, not short names.
  const summary = page.locator('.govuk-summary-list');
  await expect(summary).toContainText(`Survey: ${SURVEY_TITLE}`);
  await expect(summary).toContainText(QUESTION_LABEL);
  await expect(summary).not.toContainText('how-information-is-shared');
  expect(await axeViolations(page), 'axe on a flag').toEqual([]);

  // The flag leads to the whole response, which shows the flag and marks the words.
  const flagUrl = page.url();
  await page.getByRole('link', { name: 'Read the whole response' }).click();
  const flagBanner = page.getByRole('region', { name: 'Safeguarding' });
  await expect(flagBanner).toContainText('This response has a safeguarding flag');
  await expect(flagBanner).toContainText(QUESTION_LABEL);
  await expect(page.locator('mark.sg-risk').first()).toContainText('hits me');
  expect(await axeViolations(page, { bestPractice: true }), 'axe on a flagged response').toEqual(
    [],
  );
  await page.goto(flagUrl);

  await page.getByRole('button', { name: 'Save what was done' }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Enter what you did and who you told',
  );
  expect(await axeViolations(page), 'axe on a flag with an error').toEqual([]);

  await page
    .getByLabel('Record what you did')
    .fill('Rang the safeguarding lead at 10:05; she is calling the Hub.');
  await page.getByRole('button', { name: 'Save what was done' }).click();
  // Signed by who wrote it.
  await expect(page.locator('[data-flag-history] li')).toContainText(
    `(${EMAIL}): Rang the safeguarding lead at 10:05`,
  );
  await expect(page.locator('.govuk-tag')).toHaveText('Open');

  await page
    .getByLabel('Record what you did')
    .fill('Lead confirms the Hub has it. Nothing more for us.');
  await page.getByLabel(/Close this flag/).check();
  await page.getByRole('button', { name: 'Save what was done' }).click();
  await expect(page.locator('.govuk-tag')).toHaveText('Closed');
  await expect(page.locator('[data-flag-history] li')).toHaveCount(2);

  await page.goto('/research/admin/audit/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  await expect(page.locator('tbody')).toContainText('flag-closed');
  await expect(page.locator('tbody')).toContainText(EMAIL);
  // The log names the flag, never the participant's words.
  await expect(page.locator('tbody')).not.toContainText('stepdad');
  expect(await axeViolations(page), 'axe on the audit log').toEqual([]);
});
