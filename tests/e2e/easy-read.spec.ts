import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { agreeToEverything, tabTo } from './keyboard.ts';
import { listenToSpeech, readAloudAndStop } from './speech.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';

/**
 * Easy read as a complete parallel version (issue 13, item 10), walked through the practitioners
 * survey, which offers it: the introduction open, a picture with alternative text beside each
 * point, every string in easy-read words, large text, and Read aloud with Stop on every step.
 */

async function expectPicturesWithText(page: Page, atLeast: number) {
  const pictures = page.locator('[data-easy-read-point] img');
  expect(await pictures.count()).toBeGreaterThanOrEqual(atLeast);
  for (const picture of await pictures.all()) {
    expect(await picture.getAttribute('alt')).toBeTruthy();
    // Bundled: served by this site, and really an image.
    expect(await picture.getAttribute('src')).toMatch(/^\/pictograms\/[a-z-]+\.svg$/);
    expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }
}

test('the practitioners survey in easy read, by keyboard, with Read aloud on every step', async ({
  page,
}) => {
  // Axe runs on eight states; on a shared two-core machine each can take half a minute.
  test.setTimeout(600_000);
  await listenToSpeech(page);
  await page.goto('/surveys/practitioners/');
  await tabTo(page, page.getByRole('button', { name: 'Use easy read wording' }));
  await page.keyboard.press('Enter');

  // The introduction: easy read first and open, not in a collapsed section.
  const intro = page.locator('[data-easy-read-intro]');
  await expect(intro).toBeVisible();
  await expect(intro).toContainText('This survey is for people who work to keep children safe.');
  await expect(page.getByText('Read this in standard wording')).toBeVisible();
  await readAloudAndStop(page, 'about this research', 'It takes about 10 minutes.');
  await expect(page.getByText('I know what this survey is about.')).toBeVisible();
  await expect(page.getByText('Tick each box if you agree.')).toBeVisible();
  await expectPicturesWithText(page, 5);
  await readAloudAndStop(page, 'what you agree to', 'I know what this survey is about.');
  expect(await axeViolations(page), 'axe on the easy-read introduction').toEqual([]);

  // Consent left out: the error summary can be read aloud too.
  await tabTo(page, page.getByRole('button', { name: 'Start the survey' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await readAloudAndStop(page, 'the problems', 'There is a problem');
  expect(await axeViolations(page), 'axe on the easy-read consent errors').toEqual([]);

  await agreeToEverything(page);
  await tabTo(page, page.getByRole('button', { name: 'Start the survey' }));
  await page.keyboard.press('Enter');

  // One question a page, each in easy-read words with its picture.
  const continueByKeyboard = async () => {
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await page.keyboard.press('Enter');
  };
  const question = (words: string) =>
    expect(page.getByRole('heading', { level: 1 })).toHaveText(words);
  await question('What is your job?');
  await expect(
    page.getByText('Do you have more than one job? Choose the one you do most.'),
  ).toBeVisible();
  await expect(page.getByLabel('Someone who helps families')).toBeVisible();
  await expectPicturesWithText(page, 1);
  // Large text: at least 16 point (21.3 CSS pixels), as UK easy read asks.
  const size = await page
    .getByLabel('Social worker')
    .evaluate((input: HTMLInputElement) =>
      parseFloat(getComputedStyle(input.labels![0]!).fontSize),
    );
  expect(size).toBeGreaterThanOrEqual(21.3);
  await readAloudAndStop(page, 'What is your job?', 'Someone who helps families');
  expect(await axeViolations(page), 'axe on an easy-read question').toEqual([]);

  // Errors name the question in its easy-read words.
  await continueByKeyboard();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /What is your job/ })).toBeVisible();
  expect(await axeViolations(page), 'axe on an easy-read question error').toEqual([]);

  await page.getByRole('radio', { name: 'Social worker' }).check();
  await continueByKeyboard();
  await question('How long have you done this kind of job?');
  await page.getByRole('radio', { name: '1 to 3 years' }).check();
  await continueByKeyboard();
  await page.getByRole('textbox', { name: /How do you share information/ }).fill('By phone.');
  await continueByKeyboard();
  await question('What makes it hard to share information about a child?');
  await expect(page.getByLabel('Our computers do not work with their computers')).toBeVisible();
  await expect(page.getByText('What gets in the way of sharing information')).toHaveCount(0);
  await expectPicturesWithText(page, 1);
  await page.getByRole('checkbox', { name: 'I do not have enough time' }).check();
  await continueByKeyboard();
  await expect(page.getByText('Very sure')).toBeVisible();
  await page.getByRole('radio', { name: /^4$/ }).check();
  await continueByKeyboard();
  await question('Have you used a computer or phone app to help keep children safe?');
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await continueByKeyboard();
  // How many children and the last meeting may be left out.
  await question('About how many children do you work with now? (optional)');
  await continueByKeyboard();
  await continueByKeyboard();
  await page.getByRole('textbox', { name: /What one thing would help you most/ }).fill('Time.');
  await continueByKeyboard();
  await question('Is there anything else you want to tell us? (optional)');
  await continueByKeyboard();

  // Check answers: easy-read questions and answers, read aloud.
  await expect(page.locator('.govuk-summary-list')).toContainText('What is your job?');
  await expect(page.locator('.govuk-summary-list')).toContainText('I do not have enough time');
  await readAloudAndStop(page, 'your answers', 'What is your job?: Social worker');
  expect(await axeViolations(page), 'axe on the easy-read check page').toEqual([]);

  await tabTo(page, page.getByRole('button', { name: 'Send your answers' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Your code is in the green box.')).toBeVisible();
  await expect(page.getByText('Use your code to take your answers back.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Take your answers back' })).toBeVisible();
  await expectPicturesWithText(page, 4);
  await readAloudAndStop(page, 'this page', 'Answers sent');
  expect(await axeViolations(page), 'axe on the easy-read confirmation').toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('easy read is the same: open introduction, pictures, easy-read words', async ({ page }) => {
    test.setTimeout(400_000);
    await page.goto('/surveys/practitioners/');
    await page.getByRole('button', { name: 'Use easy read wording' }).click();
    await expect(page.locator('[data-easy-read-intro]')).toBeVisible();
    // The facts about the survey are in easy read too, one idea a line.
    const facts = page.locator('main .govuk-summary-list').first();
    await expect(facts.locator('dt')).toHaveText([
      'Who can take part',
      'How long it takes',
      'Can you take part now?',
      'How long we keep your answers',
    ]);
    await expect(facts).toContainText('People who work with children.');
    await expect(facts).toContainText(/It starts on .+\. It ends on .+\./);
    await expect(facts).toContainText('after it ends. Then we delete them.');
    await expectPicturesWithText(page, 5);
    // Read aloud needs the browser's speech through JavaScript: no dead buttons without it.
    await expect(page.getByRole('button', { name: /^Read aloud/ })).toHaveCount(0);
    expect(await axeViolations(page, { javaScript: false })).toEqual([]);
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Start the survey' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is your job?');
    await expectPicturesWithText(page, 1);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(
      page.locator('.govuk-error-summary').getByRole('link', { name: /What is your job/ }),
    ).toBeVisible();
    expect(await axeViolations(page, { javaScript: false })).toEqual([]);
  });
});

test('the pictograms are served by this site as SVG', async ({ request }) => {
  const response = await request.get('/pictograms/question.svg');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
  expect(await response.text()).toMatch(/^<svg /);
});

test.describe('without JavaScript, the easy-read gaps', () => {
  test.use({ javaScriptEnabled: false });
  const noAxeViolations = async (page: Page, state: string) =>
    expect(await axeViolations(page, { javaScript: false }), state).toEqual([]);

  test('consent errors, “Something else” and its box, its error and the check page are in easy-read words', async ({
    page,
  }) => {
    await page.goto('/surveys/practitioners/');
    await page.getByRole('button', { name: 'Use easy read wording' }).click();
    await page.getByRole('button', { name: 'Start the survey' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.getByRole('link').first()).toHaveText(
      'Tick this box if you agree: ‘I know what this survey is about’',
    );
    await expect(summary).not.toContainText('I have read');
    await noAxeViolations(page, 'easy-read consent errors');

    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Start the survey' }).click();
    await expect(page.getByText('Other, please say')).toHaveCount(0);
    await expect(page.getByText('If other, please say')).toHaveCount(0);
    await page.getByLabel('Something else').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(summary.getByRole('link')).toHaveText(
      'Tell us what ‘something else’ is for: What is your job',
    );
    await noAxeViolations(page, 'easy-read other-answer error');
    await page.getByRole('textbox', { name: 'Tell us what it is' }).fill('Youth worker');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('What is your job?');

    await page.goto(page.url().replace(/step=[^&#]*/, 'step=check'));
    const rows = page.locator('.govuk-summary-list__row');
    await expect(rows.filter({ hasText: 'What is your job?' })).toContainText(
      'Something else: Youth worker',
    );
    // Questions not reached yet are listed as unanswered, in easy-read words.
    await expect(page.locator('main')).toContainText('You did not answer');
    await expect(page.locator('main')).not.toContainText('Not provided');
    await noAxeViolations(page, 'easy-read check page');
  });

  test('/withdraw/ in easy read: its switch, words, errors and withdrawal', async ({
    page,
    request,
  }) => {
    const sent = await request.post('/api/surveys/practitioners/responses', {
      data: practitionersSubmission(),
    });
    const { receipt } = await sent.json();
    await page.goto('/withdraw/');
    await page.getByRole('link', { name: 'Read this page in easy read' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Take your answers back');
    await noAxeViolations(page, 'easy-read withdrawal');
    await page.getByRole('button', { name: 'Take my answers back' }).click();
    await expect(page.locator('.govuk-error-summary').getByRole('link')).toHaveText(
      'Type your code',
    );
    await noAxeViolations(page, 'easy-read withdrawal error');
    await page.getByRole('textbox', { name: 'Your code' }).fill('AAAA-AAAA-AAAA-AAAA');
    await page.getByRole('button', { name: 'Take my answers back' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText(
      'We did not find any answers with that code.',
    );
    await page.getByRole('textbox', { name: 'Your code' }).fill(receipt);
    await page.getByRole('button', { name: 'Take my answers back' }).click();
    // What was deleted, in easy read too.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We deleted your answers');
    await expect(page.locator('[data-withdrawn]')).toHaveText(
      'We deleted your answers to the survey ‘What would help you keep children safe? A survey for practitioners’. We deleted your yes to taking part too.',
    );
    await expect(page.getByText('Your code will not work again.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Take back other answers' })).toHaveAttribute(
      'href',
      '/withdraw/?easy-read=1',
    );
    await noAxeViolations(page, 'easy-read withdrawal done');
  });
});
