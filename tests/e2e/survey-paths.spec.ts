import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { agreeToEverything, tabTo } from './keyboard.ts';

/**
 * Issue 13 for surveys: what Enter, the browser's Back button, Change and progress do, walked by
 * keyboard alone with JavaScript on and off, with axe on every state.
 */
const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const URL_ = '/surveys/practitioners/';
const TITLE = 'What would help you keep children safe? A survey for practitioners';

const Q = {
  role: 'What is your role?',
  years: 'How long have you worked in this kind of role?',
  shared: 'How is information about a child shared between you and other agencies now?',
  barriers: 'What gets in the way of sharing information about a child?',
  confidence: 'How confident are you about sharing information about a child with other agencies?',
  usedTool: 'Have you used a digital tool to help with safeguarding?',
  toolStory: 'Which tool did you use, and what was good or bad about it?',
  caseload: 'About how many children are on your caseload at the moment? (optional)',
  meeting: 'When did you last go to a multi-agency meeting about a child? (optional)',
  oneThing: 'What one thing would most help you keep children safe?',
  anythingElse: 'Is there anything else you would like to tell us? (optional)',
};

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

for (const javaScript of [true, false]) {
  const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

  test.describe(mode, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('practitioners, one question a page, by keyboard: Enter continues in every box, Back returns a step at a time, progress never goes backwards', async ({
      page,
    }) => {
      // Every step walked by single key presses, Back and Forward at each: slow on a busy machine.
      test.setTimeout(1_200_000);
      const axe = async (state: string) =>
        expect(await axeViolations(page, { javaScript }), `axe on ${state} ${mode}`).toEqual([]);
      const seen: { heading: string; number: number; of: number }[] = [];

      /**
       * On a new question: progress moved on, Back goes to the last one and Forward returns, and
       * axe passes (skipped only where the page is made of the same parts as one already checked:
       * a plain radio group, a yes-or-no, a rating, a text area).
       */
      async function arrived(heading: string, { checkAxe = true } = {}) {
        await expect(h1(page)).toHaveText(heading);
        await expect(page).toHaveTitle(/^[^]{1,70}$/);
        const caption = (await page.locator('.govuk-caption-l').first().textContent())!;
        const [, number, of] = caption.match(/^Question (\d+) of (?:up to )?(\d+)$/)!;
        const here = { heading, number: Number(number), of: Number(of) };
        const last = seen.at(-1);
        if (last) {
          expect(here.number, caption).toBe(last.number + 1);
          expect(here.of, caption).toBeLessThanOrEqual(last.of);
          // The browser's Back: the previous question, its answer still there; then Forward.
          await page.goBack();
          await expect(h1(page)).toHaveText(last.heading);
          await expect(page.locator('.govuk-error-summary')).toHaveCount(0);
          await page.goForward();
          await expect(h1(page)).toHaveText(heading);
        }
        seen.push(here);
        if (checkAxe) await axe(`“${heading}”`);
      }

      /** Keyboard only: Tab to the main button and press Enter. */
      async function continueByKeyboard() {
        await tabTo(page, page.getByRole('button', { name: 'Continue' }));
        await page.keyboard.press('Enter');
      }

      await page.goto(URL_);
      await expect(page).toHaveTitle(/^What would help you keep children safe\? – /);
      // Site paths in the intro are links.
      await expect(page.getByRole('link', { name: 'withdraw', exact: true })).toHaveAttribute(
        'href',
        '/withdraw/',
      );
      await tabTo(page, page.getByRole('button', { name: 'Start the survey' }));
      await page.keyboard.press('Enter');
      await expect(page.locator('.govuk-error-summary')).toBeFocused();
      // Every consent link in the summary is different and names its statement.
      const consentLinks = await page
        .locator('.govuk-error-summary a')
        .evaluateAll((links) => links.map((a) => a.textContent));
      expect(consentLinks).toHaveLength(4);
      expect(new Set(consentLinks).size).toBe(4);
      expect(consentLinks[0]).toContain('I have read what the research is about');
      await axe('the consent errors');
      await agreeToEverything(page);
      await tabTo(page, page.getByRole('button', { name: 'Start the survey' }));
      await page.keyboard.press('Enter');

      // 1. A choice with "Other": Enter in the Other box is Continue, never Back.
      await arrived(Q.role);
      await expect(page.getByRole('link', { name: 'Back', exact: true })).toBeVisible();
      // Tab reaches a radio group once; Up from the first option wraps round to the last, Other.
      await tabTo(page, page.getByLabel('Social worker'));
      await page.keyboard.press('ArrowUp');
      await expect(page.getByLabel('Other, please say', { exact: true })).toBeChecked();
      await tabTo(page, page.locator('#answer-role-other'));
      await page.keyboard.type('Youth worker');
      await page.keyboard.press('Enter');

      await arrived(Q.years, { checkAxe: false });
      // The page's own Back link goes back too, with the answer kept.
      await tabTo(page, page.getByRole('link', { name: 'Back', exact: true }));
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText(Q.role);
      await expect(page.locator('#answer-role-other')).toHaveValue('Youth worker');
      seen.pop();
      await continueByKeyboard();
      await arrived(Q.years, { checkAxe: false });
      await tabTo(page, page.getByLabel('Less than 1 year'));
      await page.keyboard.press('ArrowDown');
      await expect(page.getByLabel('1 to 3 years')).toBeChecked();
      await continueByKeyboard();

      await arrived(Q.shared);
      await tabTo(page, page.locator('#answer-how-information-is-shared'));
      await page.keyboard.type('Mostly by phone and secure email.');
      await continueByKeyboard();

      // A list of boxes with "Other": Enter in its box continues too.
      await arrived(Q.barriers);
      await tabTo(page, page.getByLabel('Not enough time'));
      await page.keyboard.press('Space');
      await tabTo(page, page.getByLabel('Other, please say', { exact: true }));
      await page.keyboard.press('Space');
      // Enter in the empty Other box: the error names the question, and the page stays.
      await tabTo(page, page.locator('#answer-what-gets-in-the-way-other'));
      await page.keyboard.press('Enter');
      await expect(page.locator('.govuk-error-summary')).toBeFocused();
      await expect(page.locator('.govuk-error-summary a')).toHaveText(
        'Enter your other answer to: What gets in the way of sharing information about a child',
      );
      await expect(h1(page)).toHaveText(Q.barriers);
      await axe('an error on a list of boxes');
      await tabTo(page, page.locator('#answer-what-gets-in-the-way-other'));
      await page.keyboard.type('Forms');
      await page.keyboard.press('Enter');

      await arrived(Q.confidence, { checkAxe: false });
      await tabTo(page, page.getByLabel('1 – Not at all confident'));
      await page.keyboard.press('Space');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      await continueByKeyboard();

      await arrived(Q.usedTool, { checkAxe: false });
      await tabTo(page, page.getByLabel('Yes', { exact: true }));
      await page.keyboard.press('Space');
      await continueByKeyboard();

      await arrived(Q.toolStory, { checkAxe: false });
      await tabTo(page, page.locator('#answer-digital-tool-experience'));
      await page.keyboard.type('A shared case system. Good search, slow to load.');
      await continueByKeyboard();

      // 8. A number: Enter with a wrong answer shows an error that names the question.
      await arrived(Q.caseload);
      await expect(page.getByLabel('Prefer not to say')).not.toBeChecked();
      await tabTo(page, page.locator('#answer-caseload'));
      await page.keyboard.type('lots');
      await page.keyboard.press('Enter');
      const summary = page.locator('.govuk-error-summary');
      await expect(summary).toBeFocused();
      await expect(
        summary.getByRole('link', {
          name: 'Your answer to ‘About how many children are on your caseload at the moment’ must be a number, like 12',
        }),
      ).toBeVisible();
      await expect(page).toHaveTitle(/^Error: /);
      await axe('a number error');
      await tabTo(page, page.locator('#answer-caseload'));
      await page.keyboard.press('Control+A');
      await page.keyboard.type('12');
      await page.keyboard.press('Enter');

      // A date: Enter in each of its three boxes.
      await arrived(Q.meeting);
      await tabTo(page, page.locator('#answer-last-multi-agency-meeting'));
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      await expect(summary.getByRole('link')).toHaveText(
        'The date for ‘When did you last go to a multi-agency meeting about a child’ must include a month and year',
      );
      await tabTo(page, page.locator('#answer-last-multi-agency-meeting-month'));
      await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      await expect(summary.getByRole('link')).toHaveText(
        'The date for ‘When did you last go to a multi-agency meeting about a child’ must include a year',
      );
      await axe('a date error');
      await tabTo(page, page.locator('#answer-last-multi-agency-meeting-year'));
      await page.keyboard.type('2026');
      await page.keyboard.press('Enter');

      await arrived(Q.oneThing, { checkAxe: false });
      await tabTo(page, page.locator('#answer-one-thing-that-would-help'));
      await page.keyboard.type('One place to see who else is involved.');
      await continueByKeyboard();

      await arrived(Q.anythingElse);
      await continueByKeyboard();

      // Check answers: dates, ratings and numbers in words.
      await expect(h1(page)).toHaveText('Check your answers before sending them');
      const rows = page.locator('.govuk-summary-list__row');
      await expect(rows.filter({ hasText: Q.role })).toContainText('Other: Youth worker');
      await expect(rows.filter({ hasText: 'multi-agency meeting' })).toContainText(
        '3 February 2026',
      );
      await expect(rows.filter({ hasText: 'How confident' })).toContainText(
        '4 out of 5 (1 is Not at all confident, 5 is Very confident)',
      );
      await expect(rows.filter({ hasText: 'caseload' })).toContainText('12 children');
      await axe('check answers');
      // The browser's Back from the check page: the last question.
      await page.goBack();
      await expect(h1(page)).toHaveText(Q.anythingElse);
      await page.goForward();
      await expect(h1(page)).toHaveText('Check your answers before sending them');

      // Change: the question opens with its box focused (with JavaScript) and Continue returns.
      await tabTo(
        page,
        page.getByRole('button', {
          name: `Change your answer to: ${Q.caseload.replace(' (optional)', '')}`,
        }),
      );
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText(Q.caseload);
      if (javaScript) await expect(page.locator('#answer-caseload')).toBeFocused();
      // Without JavaScript the address names the box, so Tab starts from the question.
      else await expect(page).toHaveURL(/#answer-caseload$/);
      await tabTo(page, page.getByLabel('Prefer not to say'));
      await page.keyboard.press('Space');
      if (javaScript) await expect(page.locator('#answer-caseload')).toHaveValue('');
      else {
        await tabTo(page, page.locator('#answer-caseload'));
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
      }
      await axe('Prefer not to say on a number');
      await continueByKeyboard();
      await expect(h1(page)).toHaveText('Check your answers before sending them');
      await expect(rows.filter({ hasText: 'caseload' })).toContainText('Prefer not to say');

      await tabTo(page, page.getByRole('button', { name: 'Send your answers' }));
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText('Answers sent');
      const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
      expect(receipt).toMatch(RECEIPT);
      await axe('the confirmation');
      // Back after sending never shows the answers again.
      await page.goBack();
      await expect(page.getByText('Youth worker')).toHaveCount(0);

      await page.goto('/withdraw/');
      await page.getByLabel('Your receipt code').fill(receipt);
      await tabTo(page, page.getByRole('button', { name: 'Withdraw my answers' }));
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText('Your survey answers have been deleted');
      await expect(page.locator('[data-withdrawn]')).toContainText(
        `answers to the survey ‘${TITLE}’`,
      );
      await axe('withdrawal done');
    });
  });
}

test('without JavaScript, an address whose answers are no longer kept starts again and says why', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/surveys/practitioners/form/?p=AAAAAAAAAAAAAAAAAAAAAA&step=check');
  await expect(page.getByText('The answers from that page are no longer kept')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start the survey' })).toBeVisible();
  await context.close();
});

// With JavaScript, the walk above checks that Change focuses the box.
test('without JavaScript, Change on the check page lands at that question, so Tab starts there, not at the skip links, and Continue returns to the check page', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(URL_);
  await agreeToEverything(page);
  await page.getByRole('button', { name: 'Start the survey' }).click();
  await page.getByLabel('Social worker').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('1 to 3 years').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(h1(page)).toHaveText(Q.shared);
  // Straight to the check page from here: the answers so far are listed.
  await page.goto(page.url().replace(/step=[^&#]*/, 'step=check'));
  await expect(h1(page)).toHaveText('Check your answers before sending them');

  await page.getByRole('button', { name: `Change your answer to: ${Q.years}` }).click();
  await expect(h1(page)).toHaveText(Q.years);
  await expect(page).toHaveURL(/#answer-years-in-role$/);
  await page.keyboard.press('Tab');
  await expect(page.locator('.govuk-skip-link:focus')).toHaveCount(0);
  await expect(page.locator('form :focus')).toHaveCount(1);
  await page.getByLabel('More than 10 years').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(h1(page)).toHaveText('Check your answers before sending them');
  await expect(page.locator('.govuk-summary-list__row').filter({ hasText: Q.years })).toContainText(
    'More than 10 years',
  );
  await context.close();
});
