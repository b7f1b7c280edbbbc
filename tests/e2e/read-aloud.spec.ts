import { expect, test, type Page } from '@playwright/test';
import { agreeToEverything } from './keyboard.ts';
import { listenToSpeech, readAloudAndStop } from './speech.ts';
import { CHECK, h1, next, Q, RECEIPT, URL_, walkTo } from './surveyWalk.ts';
import {
  chooseThenNext,
  feel,
  feelEveryPart,
  heading,
  JOURNEY_URL,
  pick,
  press,
  typeInto,
} from './journeyWalk.ts';

/**
 * Issue 13, item 10: Read aloud, with Stop, on every participant step of a survey and a journey
 * map, in standard words and in easy read: the introduction, consent, each kind of error, the
 * check page and the confirmation. What is spoken must name the error or list the answers, not
 * only repeat the heading. Read aloud needs JavaScript (no dead buttons without it: easy-read.spec.ts).
 */

/** The inline error shown on the page, without its hidden "Error:" prefix. */
const inlineError = async (page: Page, near = page.locator('main')) =>
  (await near.locator('.govuk-error-message').first().textContent())!
    .replace(/^\s*Error:\s*/, '')
    .trim();

const summaryLinks = (page: Page) => page.locator('.govuk-error-summary a').allTextContents();

/** Read aloud on the error summary speaks its title and every problem it lists. */
async function summaryReadAloud(page: Page, title: string) {
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  const spoken = await readAloudAndStop(page, 'the problems', title);
  for (const link of await summaryLinks(page)) expect(spoken).toContain(link);
}

test.beforeEach(async ({ page }) => listenToSpeech(page));

test('survey in standard words: introduction, consent and its errors, a question and its error', async ({
  page,
}) => {
  await page.goto(URL_);
  await page.waitForSelector('astro-island:not([ssr])');
  await readAloudAndStop(
    page,
    'about this research',
    'Safeguarding 2.0 is a research project led by FutureGov',
  );
  await readAloudAndStop(page, 'what you agree to', 'Do you agree to take part?');

  await press(page, 'Start the survey');
  await summaryReadAloud(page, 'There is a problem');

  await agreeToEverything(page);
  await press(page, 'Start the survey');
  await expect(h1(page)).toHaveText(Q.role);
  const question = await readAloudAndStop(page, Q.role, 'Social worker');
  expect(question).not.toContain('Error');

  await press(page, 'Continue');
  await summaryReadAloud(page, 'There is a problem');
  // The question's own Read aloud starts with its error, as a screen reader meets it.
  const error = await inlineError(page);
  const spoken = await readAloudAndStop(page, Q.role, `Error: ${error}. ${Q.role}`);
  expect(spoken).toContain('Social worker');
});

test('survey in standard words: “Other” chosen with its box left empty', async ({ page }) => {
  await walkTo(page, true, Q.role);
  await page.getByLabel('Other, please say', { exact: true }).check();
  await next(page);
  await summaryReadAloud(page, 'There is a problem');
  const other = await inlineError(page);
  await readAloudAndStop(page, Q.role, `Error: ${other}`);
});

test('survey in standard words: a number that is not a number', async ({ page }) => {
  await walkTo(page, true, Q.caseload);
  await page.locator('#answer-caseload').fill('twelve');
  await next(page);
  await summaryReadAloud(page, 'There is a problem');
  const wrong = await inlineError(page);
  expect(wrong).toContain('caseload');
  // Optional questions are named without “(optional)”, as their error links are.
  await readAloudAndStop(page, Q.caseload.replace(' (optional)', ''), `Error: ${wrong}`);
});

test('survey in standard words: the check page lists the answers, the confirmation spells the code', async ({
  page,
}) => {
  await walkTo(page, true, CHECK);
  const answers = await readAloudAndStop(page, 'your answers', `${Q.role}: Social worker`);
  expect(answers).toContain(`${Q.years}: 1 to 3 years`);
  expect(answers).toContain('3 February 2026');

  await press(page, 'Send your answers');
  await expect(page.locator('[data-receipt]')).toHaveText(RECEIPT);
  const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
  // The code is spelled out letter by letter, so it can be written down.
  await readAloudAndStop(
    page,
    'your receipt',
    `Your receipt code is ${receipt.split('').join(' ')}`,
  );
});

test('survey in easy read: a question’s error is read in easy-read words', async ({ page }) => {
  await page.goto(URL_);
  await page.waitForSelector('astro-island:not([ssr])');
  await press(page, 'Use easy read wording');
  await agreeToEverything(page);
  await press(page, 'Start the survey');
  await expect(h1(page)).toHaveText('What is your job?');
  await press(page, 'Continue');
  await summaryReadAloud(page, 'There is a problem');
  const error = await inlineError(page);
  await readAloudAndStop(page, 'What is your job?', `Error: ${error}. What is your job?`);
});

test('journey map in standard words: introduction, a stage and its error, the list, who you are and its error, the check page and the confirmation', async ({
  page,
}) => {
  await page.goto(JOURNEY_URL);
  await page.waitForSelector('astro-island:not([ssr])');
  await readAloudAndStop(page, 'about this research', 'A journey map is a way of telling a story');
  await press(page, 'Start your map');
  await summaryReadAloud(page, 'There is a problem');

  await agreeToEverything(page);
  await pick(page, 'With a blank map');
  await press(page, 'Start your map');
  await expect(heading(page)).toHaveText('Stage 1 of 1: New stage');
  await readAloudAndStop(
    page,
    'Stage 1 of 1: New stage',
    'How did it feel? Very bad. Bad. Neither good nor bad.',
  );

  await typeInto(page, 'stage-0-name', 'First call');
  await page.keyboard.press('Enter');
  await summaryReadAloud(page, 'There is a problem');
  const stageTitle = (await heading(page).textContent())!;
  const error = await inlineError(page, page.locator('#stage-0'));
  await readAloudAndStop(page, stageTitle, `Error: ${error}`);

  await feel(page, 0, 3);
  await press(page, 'Save and continue');
  await expect(heading(page)).toHaveText('You have added 1 stage');
  await readAloudAndStop(page, 'You have added 1 stage', '1. First call');
  await pick(page, 'No');
  await press(page, 'Continue');

  await expect(heading(page)).toHaveText('Which best describes you?');
  await press(page, 'Continue');
  await summaryReadAloud(page, 'There is a problem');
  const roleError = await inlineError(page);
  await readAloudAndStop(page, 'Which best describes you?', `Error: ${roleError}`);
  await pick(page, 'Parent or carer');
  await press(page, 'Continue');

  await expect(heading(page)).toHaveText('Check your journey map');
  const check = await readAloudAndStop(
    page,
    'Check your journey map',
    '1. First call: Neither good nor bad',
  );
  expect(check).toContain('Parent or carer');
  await press(page, 'Send your journey map');
  await expect(page.locator('[data-receipt]')).toHaveText(RECEIPT);
  await readAloudAndStop(page, 'your receipt', 'Answers sent');
});

test('journey map in easy read: a part and its error, the list, the check page and the confirmation', async ({
  page,
}) => {
  await page.goto(JOURNEY_URL);
  await page.waitForSelector('astro-island:not([ssr])');
  await press(page, 'Use easy read wording');
  await readAloudAndStop(page, 'about this research', '.');
  await agreeToEverything(page);
  await press(page, 'Start');
  await expect(heading(page)).toHaveText('Part 1 of 7: Someone is worried');
  await press(page, 'Next');
  await summaryReadAloud(page, 'There is a problem');
  await readAloudAndStop(page, 'Part 1 of 7: Someone is worried', 'Error: Choose how part 1 felt.');

  await feelEveryPart(page);
  await readAloudAndStop(page, 'You have told us about 7 parts', '1. Someone is worried');
  await chooseThenNext(page, 'No');
  await expect(heading(page)).toHaveText('Who are you?');
  await chooseThenNext(page, 'Parent or carer');

  await expect(heading(page)).toHaveText('Check your map');
  await readAloudAndStop(page, 'Check your map', '1. Someone is worried: OK');
  await page.getByRole('button', { name: 'Send your map' }).click();
  await expect(page.locator('[data-receipt]')).toBeVisible();
  await readAloudAndStop(page, 'this page', 'Answers sent');
});
