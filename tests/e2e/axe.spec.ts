import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';

// Every page and state in the other specs is declared clean by axeViolations: check that it
// does find faults, in a page with JavaScript and in one without, so a quiet helper never passes
// as a clean site.
const FAULTY = `<!doctype html><html lang="en-GB"><head><title>Faults</title></head><body>
  <main><h1>Faults</h1><img src="/favicon.svg"><label>Name</label><input id="name"></main>
  </body></html>`;

for (const javaScript of [true, false]) {
  test(`the accessibility check finds an image without alternative text and an unlabelled field (JavaScript ${javaScript ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await page.goto('/robots.txt');
    await page.setContent(FAULTY);
    const found = await axeViolations(page, { javaScript, bestPractice: true });
    expect(found.map((line) => line.split(':')[0])).toEqual(
      expect.arrayContaining(['image-alt', 'label']),
    );
    await context.close();
  });
}
