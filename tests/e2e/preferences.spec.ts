import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const rootFontSize = (page: import('@playwright/test').Page) =>
  page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

test('display preferences persist across pages and reloads', async ({ page }) => {
  await page.goto('/');
  const standardSize = await rootFontSize(page);
  const standardBodySize = await page
    .locator('main p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));

  await page.goto('/preferences/');
  await page.getByRole('radio', { name: 'Largest' }).check();
  await page.getByRole('radio', { name: 'High contrast' }).check();
  await page.getByRole('radio', { name: 'More space between lines, words and letters' }).check();
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByText('Your display preferences are saved.')).toBeVisible();
  expect(await rootFontSize(page)).toBeCloseTo(standardSize * 1.5);

  await page.goto('/about/');
  expect(await rootFontSize(page)).toBeCloseTo(standardSize * 1.5);
  const bodySize = await page
    .locator('main p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(bodySize).toBeGreaterThan(standardBodySize * 1.4);
  const colours = await page.evaluate(() => getComputedStyle(document.body).color);
  expect(colours).toBe('rgb(0, 0, 0)');
  const spacing = await page
    .locator('main p')
    .first()
    .evaluate((p) => getComputedStyle(p).wordSpacing);
  expect(parseFloat(spacing)).toBeGreaterThan(0);

  await page.reload();
  expect(await rootFontSize(page)).toBeCloseTo(standardSize * 1.5);
  await page.goto('/preferences/');
  await expect(page.getByRole('radio', { name: 'Largest' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'High contrast' })).toBeChecked();

  await page.getByRole('radio', { name: 'Standard', exact: true }).check();
  await page.getByRole('radio', { name: 'Standard colours' }).check();
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await page.goto('/');
  expect(await rootFontSize(page)).toBeCloseTo(standardSize);
});

test('every preference state passes axe and keeps text readable', async ({ page }) => {
  const states = [
    { text: 'largest', contrast: 'high', spacing: 'more' },
    { text: 'large', contrast: 'standard', spacing: 'more' },
  ];
  for (const state of states) {
    await page.goto('/preferences/');
    await page.evaluate((s) => window.sgPreferences!.save(s), state);
    for (const path of [
      '/',
      '/surveys/practitioners/',
      '/findings/',
      '/get-help/',
      '/preferences/',
    ]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(
        results.violations.map((v) => v.id),
        `${path} ${JSON.stringify(state)}`,
      ).toEqual([]);
      // WCAG 1.4.12: with more spacing no text box clips what it holds.
      const clipped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => {
            const style = getComputedStyle(el);
            return (
              style.overflow === 'hidden' &&
              el.scrollHeight > el.clientHeight + 1 &&
              el.clientHeight > 1
            );
          })
          .map((el) => el.className),
      );
      expect(clipped, `${path} clips text`).toEqual([]);
    }
  }
});

test('the operating system asking for more contrast gets the high-contrast display', async ({
  browser,
}) => {
  const context = await browser.newContext({ contrast: 'more' });
  const page = await context.newPage();
  await page.goto('/');
  expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
  await context.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the preferences page says how to change the display instead', async ({ page }) => {
    await page.goto('/preferences/');
    await expect(page.getByText('Saving preferences needs JavaScript')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save preferences' })).toBeHidden();
  });
});

test('with JavaScript the no-JavaScript note is gone', async ({ page }) => {
  await page.goto('/preferences/');
  await expect(page.getByRole('button', { name: 'Save preferences' })).toBeVisible();
  await expect(page.getByText('Saving preferences needs JavaScript')).toBeHidden();
});
