import { expect, test, type Browser, type Page } from '@playwright/test';
import { agreeToEverything } from './keyboard.ts';
import { h1, URL_ } from './surveyWalk.ts';
import { chooseThenNext, feelEveryPart, heading, JOURNEY_URL } from './journeyWalk.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';

/**
 * The easy-read states issue 13 added, at 400 % zoom (a 1280 × 720 window at zoom 4 is 320 × 180
 * CSS pixels) with the site's own largest text and more spacing (WCAG 1.4.4, 1.4.10, 1.4.12,
 * 2.4.7): no sideways scroll, no text clipped or overlapping, and a visible focus indicator on
 * every control Tab reaches, inside the window's width.
 */

async function zoomed(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({
    viewport: { width: 320, height: 180 },
    deviceScaleFactor: 4,
    javaScriptEnabled,
  });
  await context.addInitScript(() =>
    window.localStorage.setItem(
      'sg-display-preferences',
      JSON.stringify({ text: 'largest', contrast: 'standard', spacing: 'more' }),
    ),
  );
  return { context, page: await context.newPage() };
}

/** Everything wrong with the layout a person would see, as sentences (empty when none). */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      problems.push(`page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      // Not seen: inside a closed <details> (the menu), invisible, or visually hidden text for
      // screen readers (1 × 1 px, clipped).
      return (
        el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
        box.width > 2 &&
        box.height > 2
      );
    };
    // Exit this page floats over the page as it scrolls, by design (GOV.UK's sticky button);
    // that it never hides what has focus is checked by focusProblems.
    const floats = (el: Element) =>
      Boolean(el.closest('.govuk-exit-this-page')) ||
      /sticky|fixed/.test(getComputedStyle(el).position);
    // What a person reads or presses: elements holding text of their own, pictures and boxes.
    const leaves = [...document.querySelectorAll<HTMLElement>('body *')].filter(
      (el) =>
        shown(el) &&
        !floats(el) &&
        (['IMG', 'INPUT', 'TEXTAREA', 'SELECT', 'svg'].includes(el.tagName) ||
          [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())),
    );
    for (const el of leaves) {
      const box = el.getBoundingClientRect();
      // A data table may scroll sideways in a region of its own (WCAG 1.4.10's exception).
      const inScrollRegion = (node: Element | null): boolean =>
        Boolean(node && node !== root) &&
        (/auto|scroll/.test(getComputedStyle(node!).overflowX) ||
          inScrollRegion(node!.parentElement));
      if ((box.right > root.clientWidth + 1 || box.left < -1) && !inScrollRegion(el.parentElement))
        problems.push(`${name(el)} goes past the window's edge (${box.left}–${box.right})`);
      // Clipped: text cut off by its own box or by a box around it that hides overflow. (A text
      // box scrolls what is typed in it, by design: that it fits the window is checked above.)
      const start = /INPUT|TEXTAREA/.test(el.tagName) ? el.parentElement : el;
      for (let box2: HTMLElement | null = start; box2; box2 = box2.parentElement) {
        const style = getComputedStyle(box2);
        const hides = /hidden|clip/.test(style.overflowX + style.overflowY);
        if (hides && shown(box2) && box2.scrollWidth > box2.clientWidth + 1)
          problems.push(`${name(box2)} clips its text sideways`);
        if (hides && shown(box2) && box2.scrollHeight > box2.clientHeight + 1)
          problems.push(`${name(box2)} clips its text at the bottom`);
        if (/auto|scroll/.test(style.overflowX)) break;
      }
    }
    // Overlapping: the ink of two things a person reads, neither inside the other, sharing
    // pixels. Text is measured by its lines (not its box, whose padding GOV.UK lets overlap on
    // purpose, as a radio's label does its hint); pictures and boxes by their box.
    const ink = (el: Element) => {
      if (!/^(IMG|INPUT|TEXTAREA|SELECT|svg)$/.test(el.tagName)) {
        const range = document.createRange();
        return [...el.childNodes]
          .filter((n) => n.nodeType === 3 && n.textContent!.trim())
          .flatMap((n) => {
            range.selectNodeContents(n);
            return [...range.getClientRects()];
          });
      }
      return [el.getBoundingClientRect()];
    };
    const inks = leaves.map(ink);
    for (let i = 0; i < leaves.length; i++) {
      for (let j = i + 1; j < leaves.length; j++) {
        const [a, b] = [leaves[i]!, leaves[j]!];
        if (a.contains(b) || b.contains(a)) continue;
        const touch = inks[i]!.some((p) =>
          inks[j]!.some((q) => {
            const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
            const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
            return w > 2 && h > 2;
          }),
        );
        if (touch) problems.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
    return [...new Set(problems)];
  });
}

/** Tabs through every stop on the page: each must show a focus indicator inside the window. */
async function focusProblems(page: Page) {
  const problems: string[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.locator('body').focus();
  const seen = new Set<string>();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const key = `${el.tagName}#${el.id}|${el.getAttribute('href') ?? ''}|${el.textContent?.trim().slice(0, 30)}`;
      const visible = (style: CSSStyleDeclaration) =>
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
        (style.boxShadow !== 'none' && style.boxShadow !== '');
      // GOV.UK draws a radio's or checkbox's focus ring on its label's ::before.
      const label =
        el instanceof HTMLInputElement && /radio|checkbox/.test(el.type) ? el.labels?.[0] : null;
      const indicated = label
        ? visible(getComputedStyle(label, '::before'))
        : visible(getComputedStyle(el));
      const box = (label ?? el).getBoundingClientRect();
      // Not hidden under Exit this page (WCAG 2.4.11): what is on top at its middle is itself.
      const top = document.elementFromPoint(
        box.left + box.width / 2,
        Math.min(box.top + box.height / 2, window.innerHeight - 1),
      );
      const ours = (node: Element | null) =>
        Boolean(node && (el.contains(node) || node.contains(el) || label?.contains(node)));
      return {
        key,
        indicated,
        inside: box.left >= -1 && box.right <= document.documentElement.clientWidth + 1,
        obscured: !ours(top),
      };
    });
    if (!focus || seen.has(focus.key)) break;
    seen.add(focus.key);
    if (!focus.indicated) problems.push(`${focus.key}: no visible focus indicator`);
    if (!focus.inside) problems.push(`${focus.key}: focused outside the window`);
    if (focus.obscured) problems.push(`${focus.key}: hidden under something else when focused`);
  }
  expect(seen.size, 'Tab reaches the controls').toBeGreaterThan(2);
  return problems;
}

async function expectFits(page: Page, state: string) {
  expect(await layoutProblems(page), `${state}: layout`).toEqual([]);
  expect(await focusProblems(page), `${state}: focus`).toEqual([]);
}

test('easy-read survey errors at 400 % zoom: consent and a question', async ({ browser }) => {
  const { context, page } = await zoomed(browser, true);
  await page.goto(URL_);
  await page.waitForSelector('astro-island:not([ssr])');
  await page.getByRole('button', { name: 'Use easy read wording' }).click();
  await page.getByRole('button', { name: 'Start the survey' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Tick this box if you agree');
  await expectFits(page, 'easy-read consent errors');

  await agreeToEverything(page);
  await page.getByRole('button', { name: 'Start the survey' }).click();
  await expect(h1(page)).toHaveText('What is your job?');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('What is your job');
  await expectFits(page, 'easy-read question error');
  await context.close();
});

test('easy-read check page at 400 % zoom', async ({ browser }) => {
  // Without JavaScript the check page has an address of its own (post/redirect/get).
  const { context, page } = await zoomed(browser, false);
  await page.goto(URL_);
  await page.getByRole('button', { name: 'Use easy read wording' }).click();
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Start the survey' }).click();
  await page.getByLabel('Something else').check();
  await page.getByRole('textbox', { name: 'Tell us what it is' }).fill('Youth worker');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(h1(page)).not.toHaveText('What is your job?');
  await page.goto(page.url().replace(/step=[^&#]*/, 'step=check'));
  await expect(page.locator('.govuk-summary-list')).toContainText('Something else: Youth worker');
  await expectFits(page, 'easy-read check page');
  await context.close();
});

test('easy-read withdrawal confirmation at 400 % zoom', async ({ browser, request }) => {
  const sent = await request.post('/api/surveys/practitioners/responses', {
    data: practitionersSubmission(),
  });
  const { receipt } = await sent.json();
  const { context, page } = await zoomed(browser, false);
  await page.goto('/withdraw/?easy-read=1');
  await page.getByRole('textbox', { name: 'Your code' }).fill(receipt);
  await page.getByRole('button', { name: 'Take my answers back' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We deleted your answers');
  await expectFits(page, 'easy-read withdrawal confirmation');
  await context.close();
});

test('journey map in easy read at 400 % zoom: a part, its error, the list, who you are, the check page, the confirmation', async ({
  browser,
}) => {
  const { context, page } = await zoomed(browser, true);
  const next = () => page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.goto(JOURNEY_URL);
  await page.waitForSelector('astro-island:not([ssr])');
  await page.getByRole('button', { name: 'Use easy read wording' }).click();
  await expectFits(page, 'easy-read journey introduction');
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(heading(page)).toHaveText('Part 1 of 7: Someone is worried');
  await expectFits(page, 'easy-read journey part');
  await next();
  await expect(page.locator('.govuk-error-summary')).toContainText('Choose how part 1 felt.');
  await expectFits(page, 'easy-read journey part with its error');
  await feelEveryPart(page);
  await expectFits(page, 'easy-read list of parts');
  await chooseThenNext(page, 'No');
  await expect(heading(page)).toHaveText('Who are you?');
  await expectFits(page, 'easy-read who are you');
  await chooseThenNext(page, 'Parent or carer');
  await expect(heading(page)).toHaveText('Check your map');
  await expectFits(page, 'easy-read journey check page');
  await page.getByRole('button', { name: 'Send your map' }).click();
  await expect(page.locator('[data-receipt]')).toBeVisible();
  await expectFits(page, 'easy-read journey confirmation');
  await context.close();
});
