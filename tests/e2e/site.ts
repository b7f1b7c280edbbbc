import type { Page } from '@playwright/test';

/** Where Exit this page goes (content/settings/site.yml). Tests answer it locally. */
export const EXIT_URL = 'https://www.bbc.co.uk/weather';

/**
 * Fails nothing by itself: records every request that is not to this test server and answers it
 * with an empty 204, so a page that tries to reach the internet is caught, not left hanging.
 */
export async function recordOutsideRequests(page: Page): Promise<string[]> {
  const outside: string[] = [];
  await page.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:',
    (route) => {
      outside.push(route.request().url());
      return route.fulfill({ status: 204, body: '' });
    },
  );
  return outside;
}

/** Answers the neutral exit site locally, as the network here is closed. */
export async function fakeExitSite(page: Page) {
  await page.route(`${EXIT_URL}**`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="en"><title>BBC Weather</title><h1>Weather</h1></html>',
    }),
  );
}

/** Every same-site page linked from `start`, following links breadth-first. */
export async function crawl(page: Page, start = '/'): Promise<string[]> {
  const seen = new Set<string>([start]);
  const queue = [start];
  // Linked files that are not pages (the Atom feeds) are fetched, so a broken one still fails,
  // but are not returned: the callers check pages.
  const notPages = new Set<string>();
  while (queue.length > 0) {
    const next = queue.shift()!;
    const response = await page.goto(next);
    if (!response || response.status() !== 200) {
      throw new Error(`${next} answered ${response?.status()}`);
    }
    if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) {
      notPages.add(next);
      continue;
    }
    const hrefs = await page.$$eval('a[href]', (links) =>
      links.map((a) => (a as HTMLAnchorElement).href),
    );
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== new URL(page.url()).origin) continue;
      const route = url.pathname;
      if (!seen.has(route)) {
        seen.add(route);
        queue.push(route);
      }
    }
  }
  return [...seen].filter((route) => !notPages.has(route));
}

/** Exit this page's own script, with the module that clears drafts from the device. */
export const EXIT_SCRIPTS =
  /^\/_astro\/(ExitThisPage\.astro_astro_type_script_index_0_lang|surveyDraft)\.[\w-]+\.js$/;

/**
 * Script files (other than Exit this page's) the page asked for before its load event, from the
 * page's own timings: a request event can reach the test after an idle callback has run.
 */
export async function scriptsBeforeLoad(page: Page): Promise<string[]> {
  const paths = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[];
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < navigation.loadEventStart)
      .map((entry) => new URL(entry.name).pathname);
  });
  return paths.filter((path) => path.endsWith('.js') && !EXIT_SCRIPTS.test(path));
}
