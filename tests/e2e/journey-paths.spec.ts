import { expect, test, type Page } from '@playwright/test';
import {
  addAnother,
  feel,
  heading,
  noViolations,
  pick,
  press,
  saveStage,
  startMap,
  SUGGESTED,
  typeInto,
} from './journeyWalk.ts';

// Issue 13 for journey maps: one stage a page ("add another"), Enter, the browser's Back, focus
// after a change, errors that name their stage, prompts, Change links and the device draft.
// Keyboard only, with and without JavaScript.
const banner = (page: Page) => page.locator('#stage-change p');

/** The page never scrolls sideways: its content fits the window. */
async function fitsWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

for (const javaScript of [true, false]) {
  const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

  test.describe(mode, () => {
    test.use({ javaScriptEnabled: javaScript });

    test(`one stage a page: Enter in a stage’s name does what the main button does, never Back (${mode})`, async ({
      page,
    }) => {
      await startMap(page, javaScript);
      await expect(heading(page)).toHaveText(`Stage 1 of 7: ${SUGGESTED[0]}`);
      // Each suggested stage shows its prompt, read with the stage's group.
      await expect(page.locator('#stage-0-prompt')).toHaveText(/Who first noticed/);
      await expect(
        page.getByRole('group', { name: `Stage 1 of 7: ${SUGGESTED[0]}` }),
      ).toHaveAccessibleDescription(/Who first noticed/);
      await noViolations(page, javaScript, 'axe on a stage');

      // Enter in the stage name with no feeling: errors on this stage, nothing lost.
      await typeInto(page, 'stage-0-name', 'Teacher worried');
      await page.keyboard.press('Enter');
      const summary = page.locator('.govuk-error-summary');
      await expect(summary).toBeVisible();
      await expect(summary.getByRole('link')).toHaveText([
        'Select how stage 1 (Teacher worried) felt',
      ]);
      await expect(page.locator('#stage-0-name')).toHaveValue('Teacher worried');
      await expect(page).toHaveTitle(/^Error: Stage 1 of 7 of your journey map – /);
      await noViolations(page, javaScript, 'axe on a stage with errors');

      // A feeling, then Enter in the name: on to the next stage.
      await saveStage(page, 0, 2);
      await expect(heading(page)).toHaveText(`Stage 2 of 7: ${SUGGESTED[1]}`);
      // Enter in the last single-line box of the page too.
      await feel(page, 1, 4);
      await typeInto(page, 'stage-1-name', 'Referral made');
      await page.keyboard.press('Enter');
      await expect(heading(page)).toHaveText(`Stage 3 of 7: ${SUGGESTED[2]}`);
    });

    test(`back at the start, starting again keeps the stages already made, never the suggested ones (${mode})`, async ({
      page,
    }) => {
      await startMap(page, javaScript);
      await saveStage(page, 0, 2, 'Teacher worried');
      await expect(heading(page)).toHaveText(`Stage 2 of 7: ${SUGGESTED[1]}`);
      await press(page, 'Back', 'Shift+Tab');
      await expect(heading(page)).toHaveText('Stage 1 of 7: Teacher worried');
      await press(page, 'Back', 'Shift+Tab');
      // The start page says the map is kept, and offers no choice that would rebuild it.
      await expect(page.locator('[data-kept-stages]')).toContainText('7 stages');
      await expect(page.getByLabel('With a blank map')).toHaveCount(0);
      await press(page, 'Start your map');
      // On to the map as it was (its list of stages), the name typed still there.
      await expect(heading(page)).toHaveText('You have added 7 stages');
      await expect(page.locator('[data-stage-list] dt').first()).toHaveText('1. Teacher worried');
    });

    test(`the browser’s Back goes one step back at every step, and the Back link too (${mode})`, async ({
      page,
    }) => {
      await startMap(page, javaScript);
      await saveStage(page, 0, 2, 'Teacher worried');
      await saveStage(page, 1, 4, 'Referral made');
      await expect(heading(page)).toHaveText(`Stage 3 of 7: ${SUGGESTED[2]}`);

      // The browser's Back goes to the previous stage, as it was saved; Forward comes back.
      await page.goBack();
      await expect(heading(page)).toHaveText('Stage 2 of 7: Referral made');
      await expect(page.locator('#stage-1-feeling-4')).toBeChecked();
      await page.goBack();
      await expect(heading(page)).toHaveText('Stage 1 of 7: Teacher worried');
      await page.goForward();
      await page.goForward();
      await expect(heading(page)).toHaveText(`Stage 3 of 7: ${SUGGESTED[2]}`);
      // The Back link too.
      await press(page, 'Back', 'Shift+Tab');
      await expect(heading(page)).toHaveText('Stage 2 of 7: Referral made');
      await saveStage(page, 1, 4);

      for (let i = 2; i < SUGGESTED.length; i++) await saveStage(page, i, (i % 5) + 1);
      await expect(heading(page)).toHaveText('You have added 7 stages');
      // Without JavaScript, axe on this page and the check page is in the list test below and in
      // journey.spec.ts: this long walk stays inside the time limit on a busy machine.
      if (javaScript) await noViolations(page, javaScript, 'axe on the list of stages');
      await addAnother(page, false);
      await expect(heading(page)).toHaveText('Which best describes you?');
      await pick(page, 'Parent or carer');
      await page.keyboard.press('Enter');
      await expect(heading(page)).toHaveText('Check your journey map');
      await expect(page).toHaveTitle(/^Check your journey map – /);
      expect((await page.title()).length).toBeLessThan(70);
      if (javaScript) await noViolations(page, javaScript, 'axe on the check page');

      // Back through every step before the check page, then forward again.
      for (const before of ['Which best describes you?', 'You have added 7 stages']) {
        await page.goBack();
        await expect(heading(page)).toHaveText(before);
      }
      await page.goForward();
      await page.goForward();
      await expect(heading(page)).toHaveText('Check your journey map');
    });

    test(`Change on the check page opens the stage with focus on its name; Back after sending never shows the map (${mode})`, async ({
      page,
    }) => {
      await startMap(page, javaScript, true);
      await saveStage(page, 0, 3, 'First call');
      await addAnother(page, false);
      await pick(page, 'Parent or carer');
      await page.keyboard.press('Enter');
      await expect(heading(page)).toHaveText('Check your journey map');

      await press(page, 'Change stage 1: First call');
      await expect(heading(page)).toHaveText('Stage 1 of 1: First call');
      if (javaScript) await expect(page.locator('#stage-0-name')).toBeFocused();
      else expect(new URL(page.url()).hash).toBe('#stage-0-name');
      await typeInto(page, 'stage-0-name', 'First visit');
      await page.keyboard.press('Enter');
      await expect(heading(page)).toHaveText('Check your journey map');
      await expect(page.locator('[data-journey-table] tbody th')).toHaveText(['1. First visit']);

      await press(page, 'Send your journey map');
      await expect(heading(page)).toHaveText('Answers sent');
      await noViolations(page, javaScript, 'axe on the confirmation');
      // Back after sending never shows the map again.
      await page.goBack();
      await expect(page.locator('#stage-0-name')).toHaveCount(0);
    });

    test(`the list of stages: Remove says what was removed where focus is, add another opens a new stage (${mode})`, async ({
      page,
    }) => {
      await startMap(page, javaScript, true);
      await saveStage(page, 0, 3, 'First call');
      await expect(heading(page)).toHaveText('You have added 1 stage');
      await addAnother(page, true);
      await expect(heading(page)).toHaveText('Stage 2 of 2: New stage');
      if (javaScript) await expect(page.locator('.sg-step-start')).toBeFocused();
      await saveStage(page, 1, 2, 'Home visit');
      await expect(heading(page)).toHaveText('You have added 2 stages');

      await press(page, 'Remove stage 1: First call');
      await expect(banner(page)).toHaveText('Stage 1, First call, removed. 1 stage left.');
      await expect(heading(page)).toHaveText('You have added 1 stage');
      // The next Tab carries on from the message, not from the top of the page: to Read aloud
      // and Stop reading (with JavaScript, just under the heading), then the first stage's Change.
      await page.keyboard.press('Tab');
      if (javaScript) {
        await expect(page.getByRole('button', { name: /^Read aloud/ })).toBeFocused();
        await page.keyboard.press('Tab');
        await expect(page.getByRole('button', { name: /^Stop reading/ })).toBeFocused();
        await page.keyboard.press('Tab');
      }
      await expect(page.locator('#change-stage-0')).toBeFocused();
      await noViolations(page, javaScript, 'axe with a stage removed');

      // Change from the list returns to the list.
      await page.keyboard.press('Enter');
      await expect(heading(page)).toHaveText('Stage 1 of 1: Home visit');
      await typeInto(page, 'stage-0-name', 'Home visit at night');
      await page.keyboard.press('Enter');
      await expect(heading(page)).toHaveText('You have added 1 stage');
      await expect(page.locator('[data-stage-list] dt')).toHaveText(['1. Home visit at night']);
    });
  });
}

test('every step of the map fits 320 px with the largest text and more spacing', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  await context.addInitScript(() =>
    window.localStorage.setItem(
      'sg-display-preferences',
      JSON.stringify({ text: 'largest', contrast: 'standard', spacing: 'more' }),
    ),
  );
  const page = await context.newPage();
  await startMap(page, true, true);
  expect(await fitsWidth(page), 'a stage').toBe(true);
  await saveStage(page, 0, 3, 'A very long stage name that somebody wrote without any spaces');
  expect(await fitsWidth(page), 'the list of stages').toBe(true);
  await addAnother(page, false);
  await pick(page, 'Parent or carer');
  await press(page, 'Continue');
  await expect(heading(page)).toHaveText('Check your journey map');
  expect(await fitsWidth(page), 'the check page').toBe(true);
  await context.close();
});

test('the map kept on this device says so and can be cleared, with a confirmation', async ({
  page,
}) => {
  await startMap(page, true);
  await typeInto(page, 'stage-0-name', 'Written on a shared computer');
  await expect(page.getByText('Your map is saved on this device until you send it.')).toBeVisible();

  await page.reload();
  await page.waitForSelector('astro-island:not([ssr])');
  await expect(
    page.getByText('We kept the map you started on this device, so you can carry on where you'),
  ).toBeVisible();
  await expect(page.locator('#stage-0-name')).toHaveValue('Written on a shared computer');
  await noViolations(page, true, 'axe on a restored map');

  await press(page, 'Clear my answers from this device');
  const cleared = page.locator('#map-cleared');
  await expect(cleared).toContainText('Your map has been cleared from this device.');
  await expect(cleared).toBeFocused();
  await expect(page.locator('[data-kept-stages]')).toHaveCount(0);
  await noViolations(page, true, 'axe after clearing');
  expect(
    await page.evaluate(() => localStorage.getItem('sg-draft:journey-child-protection-journey')),
  ).toBeNull();

  await page.reload();
  await page.waitForSelector('astro-island:not([ssr])');
  await expect(page.getByText('We kept the map you started')).toHaveCount(0);
  await expect(page.getByRole('checkbox').first()).not.toBeChecked();
});
