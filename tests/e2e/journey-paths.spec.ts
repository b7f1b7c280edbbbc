import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { agreeToEverything, tabTo } from './keyboard.ts';

// Issue 13 for journey maps: Enter, Back, focus after a change, errors that name their stage,
// prompts, Change links and the device draft. Keyboard only, with and without JavaScript.
const URL_ = '/journeys/child-protection-journey/';
const SUGGESTED = 7;

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const stages = (page: Page) => page.locator('fieldset.sg-stage');
const banner = (page: Page) => page.locator('#stage-change p');

async function noViolations(page: Page, javaScript: boolean, state: string) {
  expect(await axeViolations(page, { javaScript, bestPractice: true }), state).toEqual([]);
}

/** Keyboard only: focus a text box, type over what it holds, and leave the cursor there. */
async function typeInto(page: Page, id: string, text: string) {
  await tabTo(page, page.locator(`#${id}`));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Keyboard only: a feeling for a stage (Space picks the first face, arrows the others). */
async function feel(page: Page, index: number, feeling: number) {
  await tabTo(page, page.locator(`#stage-${index}-feeling`));
  await page.keyboard.press('Space');
  for (let i = 1; i < feeling; i++) await page.keyboard.press('ArrowDown');
}

async function press(page: Page, name: string, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  await tabTo(page, page.getByRole('button', { name, exact: true }), 400, key);
  await page.keyboard.press('Enter');
}

async function startSuggested(page: Page, javaScript: boolean) {
  await page.goto(URL_);
  if (javaScript) await page.waitForSelector('astro-island:not([ssr])');
  await noViolations(page, javaScript, 'axe on the start');
  await agreeToEverything(page);
  await press(page, 'Start your map');
  await expect(heading(page)).toHaveText('Your journey map');
  await expect(stages(page)).toHaveCount(SUGGESTED);
}

for (const javaScript of [true, false]) {
  const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

  test.describe(mode, () => {
    test.use({ javaScriptEnabled: javaScript });

    test(`Enter in a stage name does what "Check your map" does, Back keeps the stages, errors name their stage (${mode})`, async ({
      page,
    }) => {
      test.setTimeout(300_000);
      await startSuggested(page, javaScript);
      // Each suggested stage shows its prompt, read with the stage's group.
      await expect(page.locator('#stage-2-prompt')).toHaveText(/Who came to talk to the family\?/);
      await expect(
        page.getByRole('group', { name: 'Stage 3 of 7: Assessment' }),
      ).toHaveAccessibleDescription(/Who came to talk to the family\?/);
      await noViolations(page, javaScript, 'axe on the builder');

      // Enter in a stage name: the map is checked (not Back to the start, not Move or Remove).
      await typeInto(page, 'stage-0-name', 'Teacher worried');
      await page.keyboard.press('Enter');
      const summary = page.locator('.govuk-error-summary');
      await expect(summary).toBeVisible();
      await expect(heading(page)).toHaveText('Your journey map');
      await expect(stages(page)).toHaveCount(SUGGESTED);
      await expect(page.locator('#stage-0-name')).toHaveValue('Teacher worried');
      // Every link in the summary is different and says which stage it is about.
      const links = await summary.getByRole('link').allTextContents();
      expect(links).toContain('Select how stage 1 (Teacher worried) felt');
      expect(links).toContain('Select how stage 3 (Assessment) felt');
      expect(new Set(links).size).toBe(links.length);
      await expect(page).toHaveTitle(/^Error: Your journey map – /);
      await noViolations(page, javaScript, 'axe on the builder with errors');

      // Back at the builder goes to the start; starting again keeps every stage as it was.
      await press(page, 'Back', 'Shift+Tab');
      await expect(page.locator('[data-kept-stages]')).toHaveText(
        'Your map has 7 stages already. We will keep them when you carry on.',
      );
      await noViolations(page, javaScript, 'axe on the start with a map kept');
      await press(page, 'Start your map');
      await expect(stages(page)).toHaveCount(SUGGESTED);
      await expect(page.locator('#stage-0-name')).toHaveValue('Teacher worried');

      // Feelings and a role, then Enter in another stage's name: on to the check page.
      for (let i = 0; i < SUGGESTED; i++) await feel(page, i, (i % 5) + 1);
      await tabTo(page, page.locator('#role'));
      await page.keyboard.press('Space');
      // Back up with Shift+Tab to the last stage's name, rather than round the whole page.
      await tabTo(page, page.locator('#stage-6-name'), 400, 'Shift+Tab');
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('Case closed');
      await page.keyboard.press('Enter');
      await expect(heading(page)).toHaveText('Check your journey map');
      await expect(page).toHaveTitle(/^Check your journey map – /);
      expect((await page.title()).length).toBeLessThan(70);
      await noViolations(page, javaScript, 'axe on the check page');

      // Change on a stage opens the builder at that stage's name.
      await press(page, 'Change stage 3: Assessment');
      await expect(heading(page)).toHaveText('Your journey map');
      if (javaScript) await expect(page.locator('#stage-2-name')).toBeFocused();
      else expect(new URL(page.url()).hash).toBe('#stage-2-name');
      await typeInto(page, 'stage-2-name', 'First visit');
      await page.keyboard.press('Enter');
      await expect(heading(page)).toHaveText('Check your journey map');
      await expect(page.locator('[data-journey-table] tbody th').nth(2)).toHaveText(
        '3. First visit',
      );

      // Back from the check page returns to the builder with everything kept.
      await press(page, 'Back', 'Shift+Tab');
      await expect(heading(page)).toHaveText('Your journey map');
      await expect(page.locator('#stage-2-name')).toHaveValue('First visit');
      await press(page, 'Check your map');
      await press(page, 'Send your journey map');
      await expect(heading(page)).toHaveText('Answers sent');
      await noViolations(page, javaScript, 'axe on the confirmation');
    });

    test(`after a move, a remove or an add, focus and a visible message are at that stage (${mode})`, async ({
      page,
    }) => {
      test.setTimeout(300_000);
      await startSuggested(page, javaScript);

      await press(page, 'Move down: Assessment');
      await expect(banner(page)).toHaveText('Assessment moved down. It is now stage 4 of 7.');
      await expect(page.locator('#stage-3 h2')).toHaveText('Stage 4 of 7: Assessment');
      // The next Tab carries on from the stage that moved, not from the top of the page.
      if (!javaScript) {
        await page.keyboard.press('Tab');
        await expect(page.locator('#stage-3-name')).toBeFocused();
      } else {
        await expect(page.getByRole('button', { name: 'Move down: Assessment' })).toBeFocused();
      }
      await noViolations(page, javaScript, 'axe with a stage moved');

      await press(page, 'Remove this stage: A plan is agreed');
      await expect(banner(page)).toHaveText('Stage 5, A plan is agreed, removed. 6 stages left.');
      await expect(stages(page)).toHaveCount(6);
      await page.keyboard.press('Tab');
      await expect(page.locator('#stage-4-name')).toBeFocused();
      await noViolations(page, javaScript, 'axe with a stage removed');

      await press(page, 'Add a stage');
      await expect(banner(page)).toHaveText('Stage 7 added. Give it a name below.');
      if (!javaScript) await page.keyboard.press('Tab');
      await expect(page.locator('#stage-6-name')).toBeFocused();
      await noViolations(page, javaScript, 'axe with a stage added');
    });
  });
}

test('the map kept on this device says so and can be cleared, with a confirmation', async ({
  page,
}) => {
  await startSuggested(page, true);
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
