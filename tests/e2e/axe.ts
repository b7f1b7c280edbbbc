import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's violations for the page as it stands, as "rule: selectors" lines. axe runs as a
 * script, which a page opened with JavaScript off cannot run; such a page's HTML is checked in a
 * second page of the same site with its scripts removed, so what is checked is what was shown.
 */
export async function axeViolations(
  page: Page,
  {
    javaScript = true,
    bestPractice = false,
  }: {
    javaScript?: boolean;
    /** Also axe's best-practice rules (landmarks, headings, regions), not only WCAG's. */
    bestPractice?: boolean;
  } = {},
): Promise<string[]> {
  let target = page;
  if (!javaScript) {
    const html = await page.content();
    // A context made inside a test inherits its options, JavaScript off included. bypassCSP:
    // the copy is written into another address's document, whose Content-Security-Policy does
    // not list this page's style hashes; the real page's policy is tested in csp.spec.ts.
    const context = await page
      .context()
      .browser()!
      .newContext({ javaScriptEnabled: true, bypassCSP: true });
    target = await context.newPage();
    await target.route('**/*.{js,mjs}', (route) => route.abort());
    await target.goto(new URL('/robots.txt', page.url()).href);
    await target.setContent(html.replace(/<script\b[\s\S]*?<\/script>/g, ''), {
      waitUntil: 'load',
    });
  }
  try {
    // Legacy mode runs axe in the page itself. The default opens a second, blank page to put
    // the results of cross-origin frames together; this site's policy (default-src 'self') allows
    // no such frames, and that extra page doubled each check's time.
    const results = await new AxeBuilder({ page: target })
      .withTags(bestPractice ? [...WCAG_TAGS, 'best-practice'] : WCAG_TAGS)
      .setLegacyMode()
      .analyze();
    return results.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  } finally {
    if (target !== page) await target.context().close();
  }
}
