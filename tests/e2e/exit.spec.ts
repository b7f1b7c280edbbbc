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
  const status = page.locator('[data-sg-exit-status]');
  await page.keyboard.press('Shift');
  // Nothing is announced after one press: a screen reader would talk over every capital.
  await expect(status).toHaveText('');
  await page.keyboard.press('Shift');
  await expect(status).toHaveText('Shift, press 1 more time to exit.');
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

test('Shift+Tab and capital letters never count towards exiting and announce nothing', async ({
  page,
}) => {
  await page.goto('/surveys/practitioners/');
  const status = page.locator('[data-sg-exit-status]');
  await page.getByRole('checkbox').last().focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab');
  await page.getByRole('checkbox').first().focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+KeyA');
  await page.waitForTimeout(300);
  expect(page.url()).toContain('/surveys/practitioners/');
  await expect(status).toHaveText('');
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

test.describe('exit, then the next person opens the same activity on this device', () => {
  // Two visits to an activity and a build of its state: more than the default on a busy machine.

  test('a survey started and exited shows nothing of the answers', async ({ page }) => {
    await page.goto('/surveys/practitioners/');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
    await page.waitForURL(`${EXIT_URL}**`);
    await page.goto('/surveys/practitioners/');
    await expect(page.getByRole('button', { name: 'Start the survey' })).toBeVisible();
    await page.waitForTimeout(300);
    await expect(page.getByText('We kept the answers you started')).toHaveCount(0);
    await expect(page.getByRole('checkbox').first()).not.toBeChecked();
  });

  test('a journey map started and exited by Shift is gone from the device', async ({ page }) => {
    await page.goto('/journeys/child-protection-journey/');
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Start your map' }).click();
    await page.locator('#stage-0-happened').fill('Someone knocked on the door.');
    await expect
      .poll(() =>
        page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('journey'))),
      )
      .not.toEqual([]);
    await page.getByRole('heading', { level: 1 }).click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForURL(`${EXIT_URL}**`);
    await page.goto('/journeys/child-protection-journey/');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await expect(page.getByRole('checkbox').first()).not.toBeChecked();
  });
});

test.describe('without JavaScript, exit forgets the answers the server kept between steps', () => {
  test.use({ javaScriptEnabled: false });

  test('after two answers and Exit this page, neither reopening the survey nor Back shows them', async ({
    page,
  }) => {
    await page.goto('/surveys/practitioners/');
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Start the survey' }).click();
    await page.getByLabel('Social worker').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('1 to 3 years').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const kept = page.url();
    await page.goto(kept.replace(/step=[^&#]*/, 'step=check'));
    await expect(page.getByText('1 to 3 years')).toBeVisible();

    await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
    await page.waitForURL(`${EXIT_URL}**`);
    await expect(page).toHaveTitle('BBC Weather');

    // The next person on this device: the survey starts empty…
    await page.goto('/surveys/practitioners/');
    await expect(page.getByRole('button', { name: 'Start the survey' })).toBeVisible();
    await expect(page.getByText('We kept the answers you started')).toHaveCount(0);
    for (const box of await page.getByRole('checkbox').all()) await expect(box).not.toBeChecked();
    // …and the addresses in the history no longer hold the answers on the server.
    for (const address of [kept, kept.replace(/step=[^&#]*/, 'step=check')]) {
      await page.goto(address);
      await expect(page.getByText('The answers from that page are no longer kept')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Start the survey' })).toBeVisible();
      await expect(page.getByText('1 to 3 years')).toHaveCount(0);
    }
  });
});

test('with JavaScript on a step reached without it, Exit this page forgets the server’s copy too', async ({
  browser,
}) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const first = await noScript.newPage();
  await first.goto('/surveys/practitioners/');
  for (const box of await first.getByRole('checkbox').all()) await box.check();
  await first.getByRole('button', { name: 'Start the survey' }).click();
  await first.getByLabel('Social worker').check();
  await first.getByRole('button', { name: 'Continue' }).click();
  const kept = first.url();
  await noScript.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await fakeExitSite(page);
  await page.goto(kept);
  await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
  await page.waitForURL(`${EXIT_URL}**`);
  await page.goto(kept.replace(/step=[^&#]*/, 'step=check'));
  await expect(page.getByText('The answers from that page are no longer kept')).toBeVisible();
  await context.close();
});
