import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { heading, JOURNEY_URL } from './journeyWalk.ts';

/**
 * Every error state of every activity that offers easy read, in easy read (issue 13, items 5 and
 * 10): each message says what to do in easy-read words, names the question or part as the
 * participant read it, differs from every other link in the summary, and passes axe. No standard
 * wording ("Enter…", "Select…", "must be…") is left.
 */

// The standard messages' own wording (src/forms/answerErrorWords.ts), none of it easy read.
const STANDARD_WORDING =
  /\b(Enter|Select)\b|Your answer to|Your other answer|The date for ‘|must include|characters or fewer/;

async function expectErrors(page: Page, javaScript: boolean, expected: string[], state: string) {
  const summary = page.locator('.govuk-error-summary');
  await expect(summary.getByRole('link')).toHaveText(expected);
  await expect(summary).not.toContainText(STANDARD_WORDING);
  // The message beside the field says the same as its link.
  for (const text of expected) {
    await expect(page.locator('.govuk-error-message').filter({ hasText: text })).toHaveCount(1);
  }
  for (const message of await page.locator('main p.govuk-error-message').all()) {
    await expect(message).not.toContainText(STANDARD_WORDING);
  }
  expect(await axeViolations(page, { javaScript, bestPractice: true }), state).toEqual([]);
}

const SURVEY = '/surveys/practitioners/';

/** Into the practitioners survey in easy read, consent given, on its first question. */
async function startSurvey(page: Page, javaScript: boolean) {
  await page.goto(SURVEY);
  if (javaScript) await page.waitForSelector('astro-island:not([ssr])');
  await page.getByRole('button', { name: 'Use easy read wording' }).click();
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Start the survey' }).click();
  await expect(heading(page)).toHaveText('What is your job?');
}

const next = (page: Page) => page.getByRole('button', { name: 'Continue' }).click();

/** Without JavaScript a step has its own address: open a later question directly. */
async function openQuestion(page: Page, id: string, title: string) {
  await page.goto(page.url().replace(/step=[^&#]*/, `step=question:${id}`));
  await expect(heading(page)).toHaveText(title);
}

/**
 * On to the number question: without JavaScript a step has its own address, so open it; with
 * JavaScript the steps have none, so answer the way there.
 */
async function toCaseload(page: Page, javaScript: boolean) {
  const title = 'About how many children do you work with now? (optional)';
  if (!javaScript) return openQuestion(page, 'caseload', title);
  await page.getByRole('radio', { name: 'Social worker' }).check();
  await next(page);
  await page.getByRole('radio', { name: '1 to 3 years' }).check();
  await next(page);
  await page.getByRole('textbox').fill('By phone.');
  await next(page);
  await page.getByRole('checkbox', { name: 'I do not have enough time' }).check();
  await next(page);
  await page.getByRole('radio', { name: /^4$/ }).check();
  await next(page);
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await next(page);
  await expect(heading(page)).toHaveText(title);
}

for (const javaScript of [false, true]) {
  const how = `JavaScript ${javaScript ? 'on' : 'off'}`;
  test.describe(`practitioners survey in easy read (${how})`, () => {
    test.use({ javaScriptEnabled: javaScript });

    test('consent: four boxes, four different errors in easy-read words', async ({ page }) => {
      await page.goto(SURVEY);
      if (javaScript) await page.waitForSelector('astro-island:not([ssr])');
      await page.getByRole('button', { name: 'Use easy read wording' }).click();
      await page.getByRole('button', { name: 'Start the survey' }).click();
      await expectErrors(
        page,
        javaScript,
        [
          'Tick this box if you agree: ‘I know what this survey is about’',
          'Tick this box if you agree: ‘I know I can stop at any time. I know I can use my code to take my answers back’',
          'Tick this box if you agree: ‘I know the team will use my answers. They will not use my name’',
          'Tick this box if you agree: ‘I know that if I say someone is in danger, the team may have to tell someone who can help’',
        ],
        'easy-read consent errors',
      );
    });

    test('choice and text questions: nothing chosen, nothing written, too much written', async ({
      page,
    }) => {
      await startSurvey(page, javaScript);
      await next(page);
      await expectErrors(
        page,
        javaScript,
        ['Choose your answer to: What is your job'],
        'easy-read choice error',
      );
      await page.getByRole('radio', { name: 'Social worker' }).check();
      await next(page);
      await page.getByRole('radio', { name: '1 to 3 years' }).check();
      await next(page);

      const shared = 'How do you share information about a child with other services now';
      await expect(heading(page)).toHaveText(`${shared}?`);
      await next(page);
      await expectErrors(page, javaScript, [`Write your answer to: ${shared}`], 'text missing');
      // Without JavaScript the box takes no more than the limit (maxlength); with it, the
      // character count lets more in and the error says what to do.
      if (javaScript) {
        await page.getByRole('textbox', { name: new RegExp(shared) }).fill('a'.repeat(1501));
        await next(page);
        await expectErrors(
          page,
          javaScript,
          [`Please write less for: ${shared}. Use 1500 letters or fewer.`],
          'text too long',
        );
      }
      await page.getByRole('textbox', { name: new RegExp(shared) }).fill('By phone.');
      await next(page);

      const hard = 'What makes it hard to share information about a child';
      await expect(heading(page)).toHaveText(`${hard}?`);
      await next(page);
      await expectErrors(
        page,
        javaScript,
        [`Choose 1 or more answers for: ${hard}`],
        'nothing ticked',
      );
      await page.getByRole('checkbox', { name: 'I do not have enough time' }).check();
      // Without JavaScript "None of these" does not untick the others, so both can be sent.
      if (!javaScript) {
        await page.getByRole('checkbox', { name: 'None of these' }).check();
        await next(page);
        await expectErrors(
          page,
          javaScript,
          [
            'You chose ‘None of these’. Take away your other answers. Or take away ‘None of these’.',
          ],
          'none and others ticked',
        );
        await page.getByRole('checkbox', { name: 'None of these' }).uncheck();
      }
      await next(page);

      const sure = 'How sure do you feel about sharing information with other services';
      await expect(heading(page)).toHaveText(`${sure}?`);
      await next(page);
      await expectErrors(page, javaScript, [`Choose your answer to: ${sure}`], 'scale missing');
    });

    test('the number question: not a number, too big, too small, a number and “Prefer not to say”', async ({
      page,
    }) => {
      await startSurvey(page, javaScript);
      const about = 'About how many children do you work with now';
      await toCaseload(page, javaScript);
      const box = page.getByRole('textbox', { name: new RegExp(about) });
      for (const [typed, message] of [
        ['about ten', `Write a number for: ${about}. Use only numbers, like 12.`],
        ['900', `The number for: ${about} is too big. It must be 500 or less.`],
        ['-1', `The number for: ${about} is too small. It must be 0 or more.`],
      ]) {
        await box.fill(typed!);
        await next(page);
        await expectErrors(page, javaScript, [message!], `number: ${typed}`);
      }
      // With JavaScript, ticking “Prefer not to say” empties the box, so both cannot be sent.
      if (!javaScript) {
        await box.fill('12');
        await page.getByRole('checkbox', { name: 'Prefer not to say' }).check();
        await next(page);
        await expectErrors(
          page,
          javaScript,
          [`Write a number for: ${about}. Or choose ‘Prefer not to say’. Do not do both.`],
          'number and prefer not to say',
        );
      }
    });

    test('the date question: parts missing, not a real date, in the future', async ({ page }) => {
      await startSurvey(page, javaScript);
      const about = 'When did you last go to a meeting with other services about a child';
      await toCaseload(page, javaScript);
      await next(page);
      await expect(heading(page)).toHaveText(`${about}? (optional)`);
      const part = (name: string) => page.getByRole('textbox', { name, exact: true });
      const cases: [string, string, string, string][] = [
        ['3', '', '', `Write the month and the year for: ${about}`],
        ['31', '2', '2025', `Check the date for: ${about}. This date is not on the calendar.`],
        ['1', '1', '2999', `Check the date for: ${about}. It must be today or before today.`],
      ];
      for (const [day, month, year, message] of cases) {
        await part('Day').fill(day);
        await part('Month').fill(month);
        await part('Year').fill(year);
        await next(page);
        await expectErrors(page, javaScript, [message], `date ${day}/${month}/${year}`);
      }
    });
  });
}

for (const javaScript of [false, true]) {
  const how = `JavaScript ${javaScript ? 'on' : 'off'}`;
  test.describe(`journey map in easy read (${how})`, () => {
    test.use({ javaScriptEnabled: javaScript });

    async function startJourney(page: Page) {
      await page.goto(JOURNEY_URL);
      if (javaScript) await page.waitForSelector('astro-island:not([ssr])');
      await page.getByRole('button', { name: 'Use easy read wording' }).click();
    }
    const nextPart = (page: Page) =>
      page.getByRole('button', { name: 'Next', exact: true }).click();

    test('consent errors quote each statement in easy read', async ({ page }) => {
      await startJourney(page);
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await expectErrors(
        page,
        javaScript,
        [
          'Tick this box if you agree: ‘I know what this activity is about’',
          'Tick this box if you agree: ‘I know I can stop at any time. I know I can use my code to take back what I wrote’',
          'Tick this box if you agree: ‘I know the team will use what I write. They will not use my name’',
          'Tick this box if you agree: ‘I know that if I say someone is in danger, the team may have to tell someone who can help’',
        ],
        'easy-read journey consent errors',
      );
    });

    test('a part: no name, a name too long, too much written, no feeling; titles say “part”', async ({
      page,
    }) => {
      await startJourney(page);
      for (const box of await page.getByRole('checkbox').all()) await box.check();
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      await expect(heading(page)).toHaveText('Part 1 of 7: Someone is worried');
      await expect(page).toHaveTitle(/^Part 1 of 7 of your map – /);

      await page.locator('#stage-0-name').fill('');
      await page.locator('#stage-0-happened').fill('x'.repeat(1001));
      await page.locator('#stage-0-helped').fill('x'.repeat(1001));
      await nextPart(page);
      await expectErrors(
        page,
        javaScript,
        [
          'Write a name for part 1.',
          'What you wrote about what happened in part 1 is too long. Make it shorter.',
          'Choose how part 1 felt.',
          'What you wrote about what helped in part 1 is too long. Make it shorter.',
        ],
        'easy-read part errors',
      );
      await expect(page).toHaveTitle(/^Error: Part 1 of 7 of your map – /);
      await page.locator('#stage-0-name').fill('n'.repeat(81));
      await page.locator('#stage-0-happened').fill('');
      await page.locator('#stage-0-helped').fill('');
      await page.locator('#stage-0-feeling-3').check();
      await nextPart(page);
      await expectErrors(
        page,
        javaScript,
        ['The name of part 1 is too long. Use 80 letters or fewer.'],
        'easy-read name too long',
      );
    });

    test('the list of parts, who you are and the check page: errors, titles and hidden words', async ({
      page,
    }) => {
      await startJourney(page);
      for (const box of await page.getByRole('checkbox').all()) await box.check();
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      for (let i = 0; i < 7; i++) {
        await page.locator(`#stage-${i}-feeling-3`).check();
        await nextPart(page);
      }
      await expect(heading(page)).toHaveText('You have told us about 7 parts');
      await expect(page).toHaveTitle(/^The parts of your map – /);
      // Change and Remove say which part to a screen reader, in the same words.
      await expect(
        page.getByRole('link', { name: 'Change part 1: Someone is worried', exact: true }),
      ).toBeVisible();
      await expect(
        page.getByRole('button', { name: 'Remove part 1: Someone is worried', exact: true }),
      ).toBeVisible();
      await nextPart(page);
      await expectErrors(page, javaScript, ['Choose yes or no.'], 'easy-read add another error');

      await page.getByLabel('No', { exact: true }).check();
      await nextPart(page);
      await expect(page).toHaveTitle(/^Who are you\? – /);
      await nextPart(page);
      await expectErrors(page, javaScript, ['Choose who you are.'], 'easy-read role error');
      await expect(page).toHaveTitle(/^Error: Who are you\? – /);

      await page.getByLabel('Parent or carer', { exact: true }).check();
      await nextPart(page);
      await expect(page).toHaveTitle(/^Check your map – /);
      const table = page.locator('[data-journey-table]');
      await expect(table.locator('th').first()).toHaveText('Part');
      await expect(table).toContainText('Who was there');
      await expect(
        page.getByRole('link', { name: 'Change part 1: Someone is worried', exact: true }),
      ).toBeVisible();
      await expect(
        page.getByRole('link', { name: 'Change who you are', exact: true }),
      ).toBeVisible();
      expect(await axeViolations(page, { javaScript, bestPractice: true })).toEqual([]);
    });
  });
}
