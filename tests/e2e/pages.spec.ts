import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { publicPages } from './routes.ts';
import { crawl, EXIT_SCRIPTS, recordOutsideRequests, scriptsBeforeLoad } from './site.ts';

// One test per page, listed before the run from the route files and the content folders
// (routes.ts), so a slow or failing page is named on its own and never hides the others.
const pages = publicPages().filter((p) => p !== '/404/');

/** Pages that are React islands or have a script of their own (the rest must have none). */
const interactive = (path: string) =>
  /^\/(surveys|journeys)\/[^/]+\/$/.test(path) ||
  /^\/prototypes\/[^/]+\/(feedback\/|comments\/)?$/.test(path) ||
  path === '/withdraw/';

test('the crawl from the home page reaches only listed pages, and every kind of page', async ({
  page,
}) => {
  const reached = await crawl(page);
  expect(reached.filter((p) => !pages.includes(p))).toEqual([]);
  for (const expected of [
    '/',
    '/surveys/',
    '/journeys/',
    '/prototypes/',
    '/findings/',
    '/updates/',
    '/about/',
    '/privacy/',
    '/accessibility/',
    '/get-help/',
    '/preferences/',
  ]) {
    expect(reached).toContain(expected);
  }
  expect(reached.some((p) => /^\/surveys\/[a-z-]+\/$/.test(p))).toBe(true);
  expect(reached.some((p) => /^\/findings\/[a-z-]+\/$/.test(p))).toBe(true);
  expect(reached.some((p) => /^\/updates\/[a-z-]+\/$/.test(p))).toBe(true);
});

test('every page has a title of its own', async ({ request }) => {
  const titles = new Map<string, string>();
  for (const path of pages.filter((p) => !p.startsWith('/updates/page/'))) {
    const html = await (await request.get(path)).text();
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    expect(title, `${path} has a title`).not.toBe('');
    expect(titles.get(title), `${path} shares its title "${title}"`).toBeUndefined();
    titles.set(title, path);
  }
});

/** Survey, journey and feedback pages: server-rendered forms with an island. */
const PARTICIPANT_FORM = /^\/(surveys|journeys)\/[^/]+\/$|^\/prototypes\/[^/]+\/feedback\/$/;

async function overflow(page: Page) {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

for (const path of pages) {
  test(`${path}: language, one h1, skip link, axe, nothing from other sites, scripts, 320 px and forced colours`, async ({
    page,
  }) => {
    const outside = await recordOutsideRequests(page);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await expect(page.locator('h1'), 'one h1').toHaveCount(1);
    expect(await axeViolations(page, { bestPractice: true }), 'axe').toEqual([]);
    expect(outside, 'requests to other sites').toEqual([]);
    if (!interactive(path)) {
      // Content pages load no framework JavaScript: only Exit this page (the display preferences
      // script is part of the page, so no request holds up drawing).
      expect(scripts.filter((s) => !EXIT_SCRIPTS.test(s))).toEqual([]);
      await expect(page.locator('astro-island'), 'no island').toHaveCount(0);
    } else if (PARTICIPANT_FORM.test(path)) {
      // A participant form is server-rendered and works before its island's code arrives, which
      // is fetched when the person starts on it or once the browser is idle: none before load.
      expect(await scriptsBeforeLoad(page), 'script files fetched before load').toEqual([]);
    }

    // The skip link is first, and moves focus to the main content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main-content')).toBeFocused();

    // At 320 CSS pixels wide nothing scrolls sideways, and axe still passes.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(path);
    expect(await overflow(page), 'sideways scroll at 320 px').toBeLessThanOrEqual(0);
    expect(await axeViolations(page, { bestPractice: true }), 'axe at 320 px').toEqual([]);

    // With forced colours (Windows high contrast) axe still passes.
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(path);
    expect(await axeViolations(page, { bestPractice: true }), 'axe with forced colours').toEqual(
      [],
    );
  });
}

test('at 400% zoom (1280 px shown as 320) nothing scrolls sideways', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 320, height: 256 },
    deviceScaleFactor: 4,
  });
  const page = await context.newPage();
  for (const path of ['/', '/surveys/', '/get-help/', '/preferences/', '/updates/']) {
    await page.goto(path);
    expect(await overflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await context.close();
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
