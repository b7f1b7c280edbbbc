import { expect, test } from '@playwright/test';
import { EXIT_URL, fakeExitSite } from './site.ts';

test.beforeEach(async ({ page }) => fakeExitSite(page));

test('one click on Exit this page shows the neutral site and leaves no way back', async ({
  page,
}) => {
  await page.goto('/surveys/');
  await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
  await page.waitForURL(`${EXIT_URL}**`);
  await expect(page).toHaveTitle('BBC Weather');
  // location.replace: the page that was exited is not in the history.
  await page.goBack().catch(() => undefined);
  expect(page.url()).not.toContain('/surveys/');
});

test('pressing Shift three times exits from anywhere on the page', async ({ page }) => {
  await page.goto('/get-help/');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Shift');
  await expect(
    page.getByRole('status').filter({ hasText: 'Shift, press 2 more times to exit.' }),
  ).toBeAttached();
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForURL(`${EXIT_URL}**`);
  await expect(page).toHaveTitle('BBC Weather');
});

test('another key between Shift presses starts the count again', async ({ page }) => {
  await page.goto('/about/');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('a');
  await page.keyboard.press('Shift');
  await page.waitForTimeout(300);
  expect(page.url()).toContain('/about/');
});

test('keyboard users reach Exit this page from the second skip link', async ({ page }) => {
  await page.goto('/privacy/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const exitSkip = page.getByRole('link', { name: 'Exit this page' });
  await expect(exitSkip).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(`${EXIT_URL}**`);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('Exit this page is still a working link to the neutral site', async ({ page }) => {
    await page.goto('/findings/');
    await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
    await page.waitForURL(`${EXIT_URL}**`);
    await expect(page).toHaveTitle('BBC Weather');
  });
});
