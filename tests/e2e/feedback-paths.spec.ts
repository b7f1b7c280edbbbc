import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { tabTo } from './keyboard.ts';

// Issue 13 for the feedback form: what the intro says is optional is what the form accepts, and
// Enter in its one-line box does what "Send feedback" does. Nothing here is sent successfully,
// so the shared scope's counts and queue are left alone.
const FORM = '/prototypes/shared-family-timeline/feedback/';

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });

    test('the intro says what must be answered, and Enter in the name box sends', async ({
      page,
    }) => {
      await page.goto(FORM);
      if (javaScript) await page.waitForSelector('astro-island:not([ssr])');
      await expect(
        page.getByText('Tell us who you are, and answer at least one question'),
      ).toBeVisible();
      await expect(page.getByText('every question is optional except who you are')).toHaveCount(0);

      // Who you are, and nothing else: the form asks for one answer, as the intro says.
      // Tab reaches a radio group at its first radio; the arrows choose within it.
      await tabTo(page, page.locator('#role'));
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('radio', { name: 'Someone else' })).toBeChecked();
      const name = page.getByRole('textbox', { name: 'Name to show' });
      if (await name.isVisible()) {
        await tabTo(page, name);
        await page.keyboard.type('Sam');
        await page.keyboard.press('Enter');
      } else {
        await tabTo(page, page.getByRole('button', { name: 'Send feedback' }));
        await page.keyboard.press('Enter');
      }
      const summary = page.locator('.govuk-error-summary');
      await expect(summary).toContainText(
        'Answer at least one question: how useful it would be, a feature, or a comment',
      );
      await expect(summary).not.toContainText('Select who you are');
      await expect(page).toHaveTitle(/^Error: /);
      expect((await page.title()).length).toBeLessThan(70);
      expect(await axeViolations(page, { javaScript, bestPractice: true })).toEqual([]);
    });
  });
}
