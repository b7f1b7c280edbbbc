import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { crawl, recordOutsideRequests } from './site.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let pages: string[] = [];
// Each test below visits every page (about 30), running axe on each; on a busy two-core machine
// that takes longer than the default minute.

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  pages = await crawl(page);
  await page.close();
});

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test('the crawl reaches every kind of page', () => {
  for (const expected of [
    '/',
    '/surveys/',
    '/journeys/',
    '/prototypes/',
    '/findings/',
    '/about/',
    '/privacy/',
    '/accessibility/',
    '/get-help/',
    '/preferences/',
  ]) {
    expect(pages).toContain(expected);
  }
  expect(pages.some((p) => /^\/surveys\/[a-z-]+\/$/.test(p))).toBe(true);
  expect(pages.some((p) => /^\/findings\/[a-z-]+\/$/.test(p))).toBe(true);
});

test('every page has a language, a unique title, one h1 and no axe violations', async ({
  page,
}) => {
  const titles = new Map<string, string>();
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    const title = await page.title();
    expect(title, `${path} has a title`).not.toBe('');
    expect(titles.get(title), `${path} shares its title "${title}"`).toBeUndefined();
    titles.set(title, path);
    await expect(page.locator('h1'), `${path} has one h1`).toHaveCount(1);
    expect(await axeViolations(page), `axe on ${path}`).toEqual([]);
  }
});

test('no page asks anything of another site', async ({ page }) => {
  const outside = await recordOutsideRequests(page);
  for (const path of pages) {
    await page.goto(path, { waitUntil: 'networkidle' });
  }
  expect(outside).toEqual([]);
});

test('content pages load no framework JavaScript: only Exit this page and the preferences', async ({
  page,
}) => {
  // Survey, journey and feedback pages are React islands; /withdraw/ has a small focus script of
  // its own; a prototype scope fetches its comments (an Astro server island).
  const contentPages = pages.filter(
    (p) =>
      !/^\/(surveys|journeys)\/[^/]+\/$/.test(p) &&
      !/^\/prototypes\/[^/]+\/(feedback\/)?$/.test(p) &&
      p !== '/withdraw/',
  );
  expect(contentPages.length).toBeGreaterThan(10);
  for (const path of contentPages) {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    page.removeAllListeners('request');
    // Exit this page's own script, with the module that clears drafts from the device; the
    // display preferences script is part of the page (no request that would hold up drawing).
    const exitThisPage =
      /^\/_astro\/(ExitThisPage\.astro_astro_type_script_index_0_lang|surveyDraft)\.[\w-]+\.js$/;
    expect(
      scripts.filter((script) => !exitThisPage.test(script)),
      `${path} loads`,
    ).toEqual([]);
    await expect(page.locator('astro-island'), `${path} has no island`).toHaveCount(0);
  }
});

test('at 320 CSS pixels wide no page scrolls sideways, and axe still passes', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of pages) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    expect(await axeViolations(page), `axe on ${path} at 320px`).toEqual([]);
  }
});

test('at 400% zoom (1280 px shown as 320) nothing scrolls sideways', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 320, height: 256 },
    deviceScaleFactor: 4,
  });
  const page = await context.newPage();
  for (const path of ['/', '/surveys/', '/get-help/', '/preferences/']) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('with forced colours (Windows high contrast) axe still passes', async ({ browser }) => {
  const context = await browser.newContext({ forcedColors: 'active' });
  const page = await context.newPage();
  for (const path of pages) {
    await page.goto(path);
    expect(await axeViolations(page), `axe on ${path} with forced colours`).toEqual([]);
  }
  await context.close();
});

test('the skip link is first, and moves focus to the main content', async ({ page }) => {
  for (const path of pages) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main-content')).toBeFocused();
  }
});

test('an unknown address gets a helpful 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  expect(await axeViolations(page)).toEqual([]);
});

test('a finding with a journey map draws the same values in its curve and its table', async ({
  page,
}) => {
  await page.goto('/findings/families-want-plain-words/');
  const curve = await page
    .locator('[data-curve] circle')
    .evaluateAll((points) => points.map((p) => p.getAttribute('data-feeling')));
  const table = await page
    .locator('[data-journey-table] td[data-feeling]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-feeling')));
  expect(curve).toEqual(['2', '1', '1', '3', '4']);
  expect(table).toEqual(curve);
  await expect(page.locator('[data-curve] desc')).toContainText('Stage 2, Assessment: Very bad');
});
