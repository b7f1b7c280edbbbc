import { randomInt } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';
import { axeViolations } from './axe.ts';
import { postJsonFrom } from './fromAddress.ts';

const NOT_FOUND =
  'We could not find any answers with that receipt code. Check the code and try again.';

/** Axe passes on exactly what the page shows, and the page keeps what every page has. */
async function expectAccessible(page: Page) {
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: /Exit this page/ })).toHaveCount(1);
  // Checked as served, without scripts: this page works without JavaScript.
  expect(
    await axeViolations(page, { javaScript: false }),
    `axe on "${await page.title()}"`,
  ).toEqual([]);
}

async function newReceipt(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/surveys/practitioners/responses', {
    data: practitionersSubmission(),
  });
  expect(response.status()).toBe(201);
  return (await response.json()).receipt;
}

const codeField = (page: Page) => page.getByRole('textbox', { name: 'Your receipt code' });
const submitButton = (page: Page) => page.getByRole('button', { name: 'Withdraw my answers' });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page explains withdrawal and offers a form a screen reader can use', async ({
    page,
  }) => {
    await page.goto('/withdraw/');
    await expect(page).toHaveTitle(/^Withdraw your answers/);
    await expect(codeField(page)).toHaveAccessibleDescription('For example, 7K3M-9QPD-XR2A-TB5H');
    await expect(codeField(page)).toHaveAttribute('autocomplete', 'off');
    await expect(codeField(page)).toHaveAttribute('spellcheck', 'false');
    await expect(codeField(page)).not.toHaveAttribute('maxlength');
    await expectAccessible(page);
  });

  test('sending nothing shows an error summary, focused and linked to the field', async ({
    page,
  }) => {
    await page.goto('/withdraw/');
    await submitButton(page).click();
    await expect(page).toHaveTitle(/^Error: Withdraw your answers/);
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Enter your receipt code' })).toHaveAttribute(
      'href',
      '#receipt',
    );
    await expect(codeField(page)).toHaveAccessibleDescription(
      /^For example, 7K3M-9QPD-XR2A-TB5H\s+Error:\s+Enter your receipt code$/,
    );
    await expectAccessible(page);
  });

  test('a wrong code gets one message, and keeps what was typed to correct it', async ({
    page,
  }) => {
    await page.goto('/withdraw/');
    await codeField(page).fill('7K3M-9QPD-XR2A-TB5H');
    await submitButton(page).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator('.govuk-error-summary')).toContainText(NOT_FOUND);
    await expect(codeField(page)).toHaveValue('7K3M-9QPD-XR2A-TB5H');
    await expectAccessible(page);
  });

  test('a receipt code, however typed, deletes the answers and says so', async ({
    page,
    request,
  }) => {
    const receipt = await newReceipt(request);
    await page.goto('/withdraw/');
    // Lower case with spaces instead of hyphens, as someone might type it from paper.
    await codeField(page).fill(receipt.toLowerCase().replace(/-/g, ' '));
    await submitButton(page).click();
    await expect(page).toHaveTitle(/^Your survey answers have been deleted/);
    await expect(
      page
        .locator('.govuk-panel')
        .getByRole('heading', { level: 1, name: 'Your survey answers have been deleted' }),
    ).toBeVisible();
    await expectAccessible(page);
    // Really gone: the same code now finds nothing.
    const again = await request.post('/api/withdrawals', { data: { receipt } });
    expect(again.status()).toBe(404);
  });
});

test('with JavaScript, the error summary takes focus and its link reaches the field', async ({
  page,
}) => {
  await page.goto('/withdraw/');
  await submitButton(page).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await page.getByRole('link', { name: 'Enter your receipt code' }).click();
  await expect(codeField(page)).toBeFocused();
  expect(page.url()).not.toContain('#');
  await expectAccessible(page);
});

test('strangers failing from 20 addresses cannot stop a participant withdrawing', async ({
  request,
}) => {
  const receipt = await newReceipt(request);
  // 20 other addresses x 10 wrong codes: the report's way to fill the old site-wide limit.
  // Fresh addresses each run, so a server reused from an earlier run has not counted them yet.
  const net = `127.${randomInt(2, 255)}.${randomInt(0, 256)}`;
  const strangers = Array.from({ length: 20 }, (_, i) => `${net}.${i + 1}`);
  for (let round = 0; round < 10; round++) {
    const answers = await Promise.all(
      strangers.map((from) =>
        postJsonFrom(from, '/api/withdrawals', { receipt: 'AAAA-AAAA-AAAA-AAAA' }),
      ),
    );
    expect(answers).toEqual(Array(20).fill(404));
  }
  // Each stranger's own address is now refused...
  expect(
    await postJsonFrom(strangers[0], '/api/withdrawals', { receipt: 'AAAA-AAAA-AAAA-AAAA' }),
  ).toBe(429);
  // ...and the participant, on their own address, withdraws.
  const response = await request.post('/api/withdrawals', { data: { receipt } });
  expect(response.status()).toBe(200);
});
