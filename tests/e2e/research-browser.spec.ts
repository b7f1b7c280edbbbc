import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';
import { useOwnServer } from './ownServer.ts';

// The response browser (issue 15, item 2), used as a researcher would, with JavaScript off: it is
// all links and GET forms. Numbers are counted from an empty database, so this spec has a server
// of its own. In order, in one worker; a failure never skips the tests after it.
test.describe.configure({ mode: 'default' });
test.use({ javaScriptEnabled: false });
const { dataDir } = useOwnServer(17);

const EMAIL = `browser-${randomUUID().slice(0, 8)}@example.org`;
const PASSWORD = 'a long passphrase for the browser tests';
const LIST = '/research/surveys/practitioners/responses/';
const JOURNEY = 'child-protection-journey';
const PROTOTYPE = 'shared-family-timeline';

test.beforeAll(() => {
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

async function expectAccessible(page: Page) {
  expect(await axeViolations(page, { javaScript: false, bestPractice: true })).toEqual([]);
}

const rowLinks = (page: Page) => page.locator('table tbody th a');

test('seeding: a journey map first, so survey numbers and database ids differ', async ({
  request,
}) => {
  const map = await request.post(`/api/journeys/${JOURNEY}/maps`, {
    data: {
      submissionId: randomUUID(),
      role: 'parent-or-carer',
      consent: {
        'read-about-research': true,
        'can-stop-and-withdraw': true,
        'answers-used-for-research': true,
        'risk-may-be-passed-on': true,
      },
      stages: [
        { name: 'Assessment', feeling: 2, who: [], happened: '', helped: '', wouldHaveHelped: '' },
      ],
    },
  });
  expect(map.status(), await map.text()).toBe(201);
  // Responses 1 to 27: every third from the police, the last one with a risk phrase.
  for (let i = 1; i <= 27; i++) {
    const answers: Record<string, unknown> = { role: i % 3 === 0 ? 'police' : 'social-worker' };
    if (i === 27) answers['one-thing-that-would-help'] = 'He said his dad hits me too.';
    const sent = await request.post('/api/surveys/practitioners/responses', {
      data: practitionersSubmission(answers),
    });
    expect(sent.status(), await sent.text()).toBe(201);
  }
  // Response 28 has no written answers at all (as a survey with only closed questions gives).
  const db = new DatabaseSync(path.join(dataDir, 'safeguarding.sqlite'));
  db.prepare(
    `INSERT INTO responses (activity_kind, activity_slug, definition_hash, consent_version,
       consent, answers, submission_id, payload_hash, receipt_hash, received_on)
     VALUES ('survey', 'practitioners', 'x', '1', '{}', '{"role":"police"}', ?, 'p', ?, ?)`,
  ).run(randomUUID(), randomUUID(), new Date().toISOString().slice(0, 10));
  db.close();
  const feedback = await request.post(`/api/prototypes/${PROTOTYPE}/feedback`, {
    data: { submissionId: randomUUID(), role: 'other', comment: 'Useful idea.' },
  });
  expect(feedback.status(), await feedback.text()).toBe(201);
});

test('responses are listed a page at a time, by their number in the survey', async ({ page }) => {
  await signIn(page);
  await page.goto('/research/surveys/practitioners/');
  await page.getByRole('link', { name: 'All responses' }).click();
  await expect(page).toHaveURL(new RegExp(`${LIST}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Responses');
  await expect(page.locator('#total')).toHaveText('Showing 1 to 25 of 28 responses.');
  await expect(rowLinks(page)).toHaveCount(25);
  await expect(rowLinks(page).first()).toHaveText('Response 1');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(new RegExp(`${LIST}\\?page=2$`));
  await expect(rowLinks(page)).toHaveText(['Response 26', 'Response 27', 'Response 28']);
  await expect(page.getByRole('row', { name: /Response 27/ })).toContainText('Flagged');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Page 1' }).click();
  await expect(rowLinks(page).first()).toHaveText('Response 1');
});

test('filters combine, and next and previous walk the filtered list', async ({ page }) => {
  await signIn(page);
  await page.goto(LIST);
  await page.getByLabel('Role').selectOption({ label: 'Police' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.locator('#total')).toHaveText(
    'Showing 1 to 10 of 10 responses that match the filters.',
  );
  await page.getByLabel('Flagged or not').selectOption({ label: 'Flagged' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rowLinks(page)).toHaveText(['Response 27']);
  await page.getByLabel('Flagged or not').selectOption({ label: 'Not flagged' });
  await page.getByLabel('Coded or not').selectOption({ label: 'Not coded yet' });
  await page.getByLabel('Received from').fill('2020-01-01');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.locator('#total')).toContainText('of 9 responses that match the filters');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Response 6', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Response 6');
  await expect(page.locator('[data-position]')).toContainText(
    '2 of 9 responses that match the filters.',
  );
  await expectAccessible(page);
  await page.getByRole('link', { name: /Next response/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Response 9');
  await page.getByRole('link', { name: /Previous response/ }).click();
  await page.getByRole('link', { name: /Previous response/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Response 3');
  await expect(page.getByRole('link', { name: /Previous response/ })).toHaveCount(0);
  await page.getByRole('link', { name: /All responses/ }).click();
  await expect(page.getByLabel('Role')).toHaveValue('police');
});

test('a filter the survey cannot have is refused with a message', async ({ page }) => {
  await signIn(page);
  const response = await page.goto(`${LIST}?from=2027-13-01`);
  expect(response!.status()).toBe(400);
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Enter the from date like 2027-01-31.',
  );
  await expectAccessible(page);
  for (const query of ['role=password_hash', 'flagged=1', 'page=0', 'coded=maybe']) {
    expect((await page.goto(`${LIST}?${query}`))!.status(), query).toBe(400);
  }
});

test('a response without written answers opens, and numbers are never given twice', async ({
  page,
  request,
}) => {
  await signIn(page);
  await page.goto(`${LIST}?page=2`);
  await page.getByRole('link', { name: 'Response 28' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Response 28');
  await expect(page.getByText('This response has no written answers to code.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Next response/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Previous response/ })).toContainText('Response 27');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Delete this response' }).click();
  await page.getByRole('button', { name: 'Yes, delete this response' }).click();
  expect((await page.goto(`${LIST}28/`))!.status()).toBe(404);

  const sent = await request.post('/api/surveys/practitioners/responses', {
    data: practitionersSubmission(),
  });
  expect(sent.status()).toBe(201);
  await page.goto(`${LIST}?page=2`);
  await expect(rowLinks(page)).toHaveText(['Response 26', 'Response 27', 'Response 29']);
});

test('links that know only the database id reach the numbered address', async ({ page }) => {
  await signIn(page);
  // Id 2 is the survey's first response (id 1 is the journey map).
  await page.goto(`${LIST}?id=2`);
  await expect(page).toHaveURL(new RegExp(`${LIST}1/$`));
  // An id from another activity, or none at all, is not found here.
  expect((await page.goto(`${LIST}?id=1`))!.status()).toBe(404);
  expect((await page.goto(`${LIST}?id=x`))!.status()).toBe(404);
  // A flag links to its response.
  await page.goto('/research/flags/');
  await page.getByRole('link', { name: /^Flag 1:/ }).click();
  await page.getByRole('link', { name: 'Read the whole response' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Response 27');
});

test('journey maps and prototype feedback have the same browser', async ({ page }) => {
  await signIn(page);
  await page.goto(`/research/journeys/${JOURNEY}/`);
  await page.getByRole('link', { name: 'All maps' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Journey maps');
  await expect(rowLinks(page)).toHaveText(['Map 1']);
  await expect(page.getByRole('row', { name: /Map 1/ })).toContainText('Parent or carer');
  await expectAccessible(page);
  await rowLinks(page).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Map 1');
  await expect(page.locator('[data-position]')).toContainText('1 of 1 maps.');

  await page.goto(`/research/prototypes/${PROTOTYPE}/`);
  await page.getByRole('link', { name: 'All feedback, one at a time' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('All feedback');
  await expect(rowLinks(page)).toHaveText(['Comment 1']);
  await expect(page.getByLabel('Coded or not')).toHaveCount(0);
  await expectAccessible(page);
  await rowLinks(page).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comment 1');
});
