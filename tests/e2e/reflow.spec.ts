import {
  expect,
  test,
  type Browser,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test';
import { axeViolations } from './axe.ts';
import { routesUnder } from './routes.ts';

/**
 * Reflow and contrast with the site's own display preferences (issue 13, item 9): the largest
 * text and more spacing must not push any participant page sideways at 320 CSS pixels or at
 * 400 % zoom, and the operating system's colour requests must reach the page.
 */

const PARTICIPANT_PAGES = [
  // Pages only: not the API, the workspace, the editor or files such as /pictograms/*.svg.
  ...routesUnder().filter((r) => !/^\/(api|research|admin)\//.test(r) && !/\.\w+$/.test(r)),
  // Every survey and the finding with a journey map, beyond the one sample routesUnder takes.
  '/surveys/practitioners/',
  '/surveys/pilot-conversations/',
];

const LARGEST_AND_SPACED = { text: 'largest', contrast: 'standard', spacing: 'more' };
const SPACED = { text: 'standard', contrast: 'standard', spacing: 'more' };

const SMALL_SCREEN: BrowserContextOptions = { viewport: { width: 320, height: 640 } };
// 1280 CSS pixels at 400 % zoom is 320 CSS pixels on a 1280-pixel screen.
const ZOOM_400: BrowserContextOptions = {
  viewport: { width: 320, height: 256 },
  deviceScaleFactor: 4,
};

async function withPreferences(browser: Browser, options: BrowserContextOptions, prefs: object) {
  const context = await browser.newContext(options);
  await context.addInitScript((saved) => {
    window.localStorage.setItem('sg-display-preferences', saved);
  }, JSON.stringify(prefs));
  return { context, page: await context.newPage() };
}

const menuLink = (page: Page) =>
  page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Journey mapping' });

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const [name, prefs] of [
  ['the largest text and more spacing', LARGEST_AND_SPACED],
  ['more spacing alone', SPACED],
] as const) {
  for (const [size, options] of [
    ['320 CSS pixels', SMALL_SCREEN],
    ['400 % zoom', ZOOM_400],
  ] as const) {
    test(`with ${name} at ${size} no participant page scrolls sideways`, async ({ browser }) => {
      const { context, page } = await withPreferences(browser, options, prefs);
      for (const path of PARTICIPANT_PAGES) {
        await page.goto(path);
        expect(await page.evaluate(() => document.documentElement.className), path).toContain(
          'sg-spacing-more',
        );
        expect(await sidewaysScroll(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      }
      await context.close();
    });
  }
}

test('with the largest text at 320 px, menu closed and open, the changed pages pass axe', async ({
  browser,
}) => {
  const { context, page } = await withPreferences(browser, SMALL_SCREEN, LARGEST_AND_SPACED);
  // The pages whose layout changed (pages.spec.ts runs axe on every page at standard size).
  for (const path of [
    '/',
    '/prototypes/shared-family-timeline/',
    '/prototypes/shared-family-timeline/feedback/',
    '/findings/families-want-plain-words/',
  ]) {
    await page.goto(path);
    expect(await axeViolations(page), `axe on ${path}`).toEqual([]);
    await page.locator('summary', { hasText: 'Menu' }).click();
    expect(await axeViolations(page), `axe on ${path} with the menu open`).toEqual([]);
  }
  await context.close();
});

test('the reactions table scrolls in its own region, which a keyboard can reach', async ({
  browser,
}) => {
  const { context, page } = await withPreferences(browser, SMALL_SCREEN, LARGEST_AND_SPACED);
  await page.goto('/prototypes/shared-family-timeline/');
  const region = page.getByRole('region', { name: 'Reactions to each feature' });
  await expect(region.getByRole('table')).toBeVisible();
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press('ArrowRight');
  expect(await region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
  await context.close();
});

test.describe('the site menu', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`is behind "Menu" on a small screen and opens by keyboard (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
      browser,
    }) => {
      const { context, page } = await withPreferences(
        browser,
        { ...SMALL_SCREEN, javaScriptEnabled },
        LARGEST_AND_SPACED,
      );
      for (const path of PARTICIPANT_PAGES) {
        await page.goto(path);
        const menu = page.locator('summary', { hasText: 'Menu' });
        await expect(menu, path).toBeVisible();
        await expect(menuLink(page), path).toBeHidden();
      }
      await page.goto('/');
      // The header and the closed menu leave most of the first screen for the page itself.
      const nav = await page.locator('.govuk-service-navigation').boundingBox();
      expect(nav!.y + nav!.height).toBeLessThan(640 / 2);
      await page.locator('summary', { hasText: 'Menu' }).focus();
      await page.keyboard.press('Enter');
      await expect(menuLink(page)).toBeVisible();
      await menuLink(page).focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/journeys\/$/);
      await context.close();
    });
  }

  test('is always open on a wide screen, with no "Menu" to press', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto('/');
    await expect(page.locator('summary', { hasText: 'Menu' })).toBeHidden();
    const links = page.getByRole('navigation', { name: 'Menu' }).getByRole('link');
    await expect(links).toHaveCount(7);
    for (const link of await links.all()) await expect(link).toBeVisible();
  });
});

test('in forced colours the emotion curve draws its labels and line in the system text colour', async ({
  browser,
}) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ forcedColors: 'active', colorScheme });
    const page = await context.newPage();
    await page.goto('/findings/families-want-plain-words/');
    const colours = await page.locator('[data-curve]').evaluate((svg) => {
      const style = (selector: string) => getComputedStyle(svg.querySelector(selector)!);
      return {
        text: getComputedStyle(document.body).color,
        background: getComputedStyle(document.body).backgroundColor,
        label: style('.sg-curve__axis').fill,
        line: style('.sg-curve__line').stroke,
        point: style('.sg-curve__point').stroke,
      };
    });
    expect(colours.label, colorScheme).toBe(colours.text);
    expect(colours.line, colorScheme).toBe(colours.text);
    expect(colours.point, colorScheme).toBe(colours.text);
    expect(colours.label, colorScheme).not.toBe(colours.background);
    // axe's contrast rule reads the page's own colours, not the forced ones, so it runs only
    // on the light scheme (as pages.spec.ts does).
    if (colorScheme === 'light') expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }
});

test('prefers-contrast: more changes links, text and borders, not only hints', async ({
  browser,
}) => {
  const context = await browser.newContext({ contrast: 'more' });
  const page = await context.newPage();
  for (const path of PARTICIPANT_PAGES) {
    await page.goto(path);
    const seen = await page.evaluate(() => {
      const link = document.querySelector('main a.govuk-link, footer a')!;
      const root = getComputedStyle(document.documentElement);
      return {
        link: getComputedStyle(link).color,
        border: root.getPropertyValue('--govuk-border-colour').trim(),
        text: root.getPropertyValue('--govuk-text-colour').trim(),
      };
    });
    expect(seen, path).toEqual({ link: 'rgb(0, 0, 139)', border: '#000', text: '#000' });
  }
  await context.close();
});
