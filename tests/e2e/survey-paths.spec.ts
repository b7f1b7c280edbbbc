import { expect, test, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { axeViolations } from './axe.ts';
import { agreeToEverything, tabTo } from './keyboard.ts';
import { answer, CHECK, h1, next, Q, RECEIPT, TITLE, URL_, walkTo } from './surveyWalk.ts';

/**
 * Issue 13 for surveys: what Enter, the browser's Back button, Change and progress do, walked by
 * keyboard alone with JavaScript on and off, with axe on every state.
 */
for (const javaScript of [true, false]) {
  const mode = javaScript ? 'with JavaScript' : 'without JavaScript';

  test.describe(mode, () => {
    test.use({ javaScriptEnabled: javaScript });
    const axe = async (page: Page, state: string) =>
      expect(await axeViolations(page, { javaScript }), `axe on ${state} ${mode}`).toEqual([]);
    const summary = (page: Page) => page.locator('.govuk-error-summary');

    test(`consent: four different error links, each naming its statement (${mode})`, async ({
      page,
    }) => {
      await page.goto(URL_);
      await expect(page).toHaveTitle(/^What would help you keep children safe\? – /);
      // Site paths in the intro are links.
      await expect(page.getByRole('link', { name: 'withdraw', exact: true })).toHaveAttribute(
        'href',
        '/withdraw/',
      );
      await tabTo(page, page.getByRole('button', { name: 'Start the survey' }));
      await page.keyboard.press('Enter');
      await expect(summary(page)).toBeFocused();
      const consentLinks = await page
        .locator('.govuk-error-summary a')
        .evaluateAll((links) => links.map((a) => a.textContent));
      expect(consentLinks).toHaveLength(4);
      expect(new Set(consentLinks).size).toBe(4);
      expect(consentLinks[0]).toContain('I have read what the research is about');
      await axe(page, 'the consent errors');
    });

    test(`Enter in the “Other, please say” box continues, never back to consent (${mode})`, async ({
      page,
    }) => {
      await walkTo(page, javaScript, Q.role);
      // Tab reaches a radio group once; Up from the first option wraps round to the last, Other.
      await tabTo(page, page.getByLabel('Social worker'));
      await page.keyboard.press('ArrowUp');
      await expect(page.getByLabel('Other, please say', { exact: true })).toBeChecked();
      await tabTo(page, page.locator('#answer-role-other'));
      await page.keyboard.type('Youth worker');
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText(Q.years);
    });

    test(`Enter in an empty “Other” box of a list shows its error and stays (${mode})`, async ({
      page,
    }) => {
      await walkTo(page, javaScript, Q.barriers);
      await tabTo(page, page.getByLabel('Not enough time'));
      await page.keyboard.press('Space');
      await tabTo(page, page.getByLabel('Other, please say', { exact: true }));
      await page.keyboard.press('Space');
      await tabTo(page, page.locator('#answer-what-gets-in-the-way-other'));
      await page.keyboard.press('Enter');
      await expect(summary(page)).toBeFocused();
      await expect(summary(page).locator('a')).toHaveText(
        'Enter your other answer to: What gets in the way of sharing information about a child',
      );
      await expect(h1(page)).toHaveText(Q.barriers);
      await axe(page, 'an error on a list of boxes');
      await tabTo(page, page.locator('#answer-what-gets-in-the-way-other'));
      await page.keyboard.type('Forms');
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText(Q.confidence);
    });

    test(`Enter in the number box shows an error naming the question, then continues (${mode})`, async ({
      page,
    }) => {
      await walkTo(page, javaScript, Q.caseload);
      await expect(page.getByLabel('Prefer not to say')).not.toBeChecked();
      await tabTo(page, page.locator('#answer-caseload'));
      await page.keyboard.type('lots');
      await page.keyboard.press('Enter');
      await expect(summary(page)).toBeFocused();
      await expect(
        summary(page).getByRole('link', {
          name: 'Your answer to ‘About how many children are on your caseload at the moment’ must be a number, like 12',
        }),
      ).toBeVisible();
      await expect(page).toHaveTitle(/^Error: /);
      await axe(page, 'a number error');
      await tabTo(page, page.locator('#answer-caseload'));
      await page.keyboard.press('Control+A');
      await page.keyboard.type('12');
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText(Q.meeting);
    });

    test(`Enter in each of the date’s three boxes does what Continue does (${mode})`, async ({
      page,
    }) => {
      await walkTo(page, javaScript, Q.meeting);
      const about = 'When did you last go to a multi-agency meeting about a child';
      await tabTo(page, page.locator('#answer-last-multi-agency-meeting'));
      await page.keyboard.type('3');
      await page.keyboard.press('Enter');
      await expect(summary(page).getByRole('link')).toHaveText(
        `The date for ‘${about}’ must include a month and year`,
      );
      await tabTo(page, page.locator('#answer-last-multi-agency-meeting-month'));
      await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      await expect(summary(page).getByRole('link')).toHaveText(
        `The date for ‘${about}’ must include a year`,
      );
      await axe(page, 'a date error');
      await tabTo(page, page.locator('#answer-last-multi-agency-meeting-year'));
      await page.keyboard.type('2026');
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText(Q.oneThing);
    });

    test(`the browser’s Back at every step shows the previous question with its answer, and progress never goes backwards (${mode})`, async ({
      page,
    }) => {
      const seen: { heading: string; number: number; of: number }[] = [];
      await walkTo(page, javaScript, Q.role);
      for (let heading = Q.role; heading !== CHECK;) {
        await expect(page).toHaveTitle(/^[^]{1,70}$/);
        const caption = (await page.locator('.govuk-caption-l').first().textContent())!;
        const [, number, of] = caption.match(/^Question (\d+) of (?:up to )?(\d+)$/)!;
        const here = { heading, number: Number(number), of: Number(of) };
        const last = seen.at(-1);
        if (last) {
          expect(here.number, caption).toBe(last.number + 1);
          expect(here.of, caption).toBeLessThanOrEqual(last.of);
          // The browser's Back: the previous question, no error, its answer still there.
          await page.goBack();
          await expect(h1(page)).toHaveText(last.heading);
          await expect(page.locator('.govuk-error-summary')).toHaveCount(0);
          if (last.heading === Q.role) await expect(page.getByLabel('Social worker')).toBeChecked();
          if (last.heading === Q.caseload)
            await expect(page.locator('#answer-caseload')).toHaveValue('12');
          await page.goForward();
          await expect(h1(page)).toHaveText(heading);
        }
        seen.push(here);
        await answer(page, heading);
        await next(page);
        await expect(h1(page)).not.toHaveText(heading);
        heading = (await h1(page).textContent())!;
      }
      // Back from the check page: the last question; the page's own Back link too.
      await page.goBack();
      await expect(h1(page)).toHaveText(Q.anythingElse);
      await page.goForward();
      await expect(h1(page)).toHaveText(CHECK);
      await tabTo(page, page.getByRole('link', { name: 'Back', exact: true }), 400, 'Shift+Tab');
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText(Q.anythingElse);
    });

    test(`Change on the check page opens that question with focus on it; the check page says answers in words; Back after sending never shows them (${mode})`, async ({
      page,
    }) => {
      await walkTo(page, javaScript, CHECK);
      const rows = page.locator('.govuk-summary-list__row');
      await expect(rows.filter({ hasText: 'multi-agency meeting' })).toContainText(
        '3 February 2026',
      );
      await expect(rows.filter({ hasText: 'How confident' })).toContainText(
        '4 out of 5 (1 is Not at all confident, 5 is Very confident)',
      );
      await expect(rows.filter({ hasText: 'caseload' })).toContainText('12 children');
      await axe(page, 'check answers');

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
      await axe(page, 'Prefer not to say on a number');
      await tabTo(page, page.getByRole('button', { name: 'Continue' }));
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText(CHECK);
      await expect(rows.filter({ hasText: 'caseload' })).toContainText('Prefer not to say');

      await tabTo(page, page.getByRole('button', { name: 'Send your answers' }));
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText('Answers sent');
      const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
      expect(receipt).toMatch(RECEIPT);
      await axe(page, 'the confirmation');
      // Back after sending never shows the answers again.
      await page.goBack();
      await expect(page.getByText('A case system.')).toHaveCount(0);

      await page.goto('/withdraw/');
      await page.getByLabel('Your receipt code').fill(receipt);
      await tabTo(page, page.getByRole('button', { name: 'Withdraw my answers' }));
      await page.keyboard.press('Enter');
      await expect(h1(page)).toHaveText('Your survey answers have been deleted');
      await expect(page.locator('[data-withdrawn]')).toContainText(
        `answers to the survey ‘${TITLE}’`,
      );
      await axe(page, 'withdrawal done');
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

// With JavaScript, the Change test above checks that Change focuses the box.
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

/** How many stored survey responses hold this text in their answers (the shared test database). */
function responsesHolding(text: string) {
  const db = new DatabaseSync(path.join(process.env.SG_E2E_DATA_DIR!, 'safeguarding.sqlite'), {
    readOnly: true,
  });
  try {
    const row = db
      .prepare("SELECT COUNT(*) AS n FROM responses WHERE answers LIKE '%' || ? || '%'")
      .get(text) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

test('without JavaScript, answers kept between steps are never stored as a response before Send', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const mine = `Time to talk ${randomUUID()}`;
  await walkTo(page, false, Q.oneThing);
  await page.locator('#answer-one-thing-that-would-help').fill(mine);
  await next(page);
  await expect(h1(page)).toHaveText(Q.anythingElse);
  await next(page);
  await expect(h1(page)).toHaveText(CHECK);
  // Every step so far was a form post the server answered: still no response.
  expect(responsesHolding(mine)).toBe(0);
  await page.getByRole('button', { name: 'Send your answers' }).click();
  await expect(page.locator('[data-receipt]')).toHaveText(RECEIPT);
  expect(responsesHolding(mine)).toBe(1);
  await context.close();
});
