import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import {
  addAnother,
  chooseThenNext,
  heading,
  JOURNEY_URL,
  pick,
  press,
  RECEIPT,
  saveStage,
  startMap,
  SUGGESTED,
} from './journeyWalk.ts';

/** The feelings the curve draws and the table lists, in stage order. */
async function curveAndTable(page: Page) {
  const curve = await page
    .locator('[data-curve] circle')
    .evaluateAll((points) => points.map((p) => p.getAttribute('data-feeling')));
  const table = await page
    .locator('[data-journey-table] td[data-feeling]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-feeling')));
  return { curve, table };
}

test('a seven-stage map built one stage a page by keyboard alone, trimmed to five, sent and withdrawn', async ({
  page,
}) => {
  await page.goto(JOURNEY_URL);
  expect(await axeViolations(page), 'axe on the start').toEqual([]);
  await startMap(page, true);

  // One stage a page: each suggested stage with its prompt, until the list of stages.
  const feelings = [2, 1, 3, 4, 5, 3, 2];
  for (const [i, name] of SUGGESTED.entries()) {
    await expect(heading(page)).toHaveText(`Stage ${i + 1} of 7: ${name}`);
    await expect(page.locator('fieldset.sg-stage')).toHaveCount(1);
    if (i === 0) expect(await axeViolations(page), 'axe on a stage').toEqual([]);
    await saveStage(page, i, feelings[i]);
  }
  await expect(heading(page)).toHaveText('You have added 7 stages');
  expect(await axeViolations(page), 'axe on the list of stages').toEqual([]);

  // Remove the last two, each said where focus lands.
  for (const [n, name] of [
    [7, 'Case closes or moves on'],
    [6, 'Support and review'],
  ] as const) {
    await press(page, `Remove stage ${n}: ${name}`);
    await expect(page.locator('#stage-change')).toBeFocused();
    await expect(page.locator('#stage-change p')).toContainText(`Stage ${n}, ${name}, removed.`);
  }
  await expect(heading(page)).toHaveText('You have added 5 stages');
  expect(await axeViolations(page), 'axe with a stage removed').toEqual([]);
  await addAnother(page, false);

  await expect(heading(page)).toHaveText('Which best describes you?');
  await pick(page, 'Parent or carer');
  await press(page, 'Continue');

  await expect(heading(page)).toHaveText('Check your journey map');
  const { curve, table } = await curveAndTable(page);
  expect(curve).toEqual(feelings.slice(0, 5).map(String));
  expect(table).toEqual(curve);
  await expect(page.locator('[data-curve] desc')).toContainText('Stage 1, A first worry: Bad');
  expect(await axeViolations(page), 'axe on the check page').toEqual([]);

  await press(page, 'Send your journey map');
  await expect(heading(page)).toHaveText('Answers sent');
  const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
  expect(receipt).toMatch(RECEIPT);
  expect(await axeViolations(page), 'axe on the confirmation').toEqual([]);

  const withdrawn = await page.request.post('/api/withdrawals', { data: { receipt } });
  expect(withdrawn.status()).toBe(200);
});

test('the consent statements can be read in easy read', async ({ page }) => {
  await page.goto(JOURNEY_URL);
  // A click while React takes over the server-rendered form can be lost; wait until it has.
  await page.waitForSelector('astro-island:not([ssr])');
  await page.getByRole('button', { name: 'Use easy read wording' }).click();
  await expect(page.getByLabel('I know what this activity is about.')).toBeVisible();
  await page.getByRole('button', { name: 'Use standard wording' }).click();
  await expect(page.getByLabel('I know what this activity is about.')).toHaveCount(0);
});

test('an empty stage name, a missing feeling and no role are errors that say how to fix them', async ({
  page,
}) => {
  await startMap(page, true, true);
  await expect(heading(page)).toHaveText('Stage 1 of 1: New stage');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter a name for stage 1');
  await expect(summary).toContainText('Select how stage 1 felt');
  await expect(page).toHaveTitle(/^Error: Stage 1 of 1 /);
  expect(await axeViolations(page), 'axe on a stage with errors').toEqual([]);

  await page.locator('#stage-0-name').fill('First call');
  await page.locator('#stage-0-feeling-3').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(summary).toContainText('Select yes if you want to add another stage');
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(summary).toContainText('Select the role that best describes you');
  expect(await axeViolations(page), 'axe on who you are with an error').toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('stages are added and removed by form posts, one a page, and the map is sent', async ({
    page,
  }) => {
    await page.goto(JOURNEY_URL);
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await page.getByLabel('With a blank map').check();
    await page.getByRole('button', { name: 'Start your map' }).click();
    await page.locator('#stage-0-name').fill('First call');
    await page.locator('#stage-0-feeling-4').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(heading(page)).toHaveText('You have added 1 stage');
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(heading(page)).toHaveText('Stage 2 of 2: New stage');
    await page.locator('#stage-1-name').fill('Home visit');
    await page.locator('#stage-1-feeling-2').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#stage-2-name').fill('Too much');
    await page.locator('#stage-2-feeling').check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('button', { name: 'Remove stage 3: Too much' }).click();
    await expect(page.locator('#stage-change p')).toHaveText(
      'Stage 3, Too much, removed. 2 stages left.',
    );
    expect(new URL(page.url()).hash).toBe('#stage-change');
    expect(await axeViolations(page, { javaScript: false }), 'axe on the list').toEqual([]);

    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Parent or carer', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(heading(page)).toHaveText('Check your journey map');
    const { curve, table } = await curveAndTable(page);
    expect(curve).toEqual(['4', '2']);
    expect(table).toEqual(curve);
    expect(await axeViolations(page, { javaScript: false }), 'axe on the check page').toEqual([]);

    await page.getByRole('button', { name: 'Send your journey map' }).click();
    await expect(heading(page)).toHaveText('Answers sent');
    const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
    expect(receipt).toMatch(RECEIPT);

    await page.goto('/withdraw/');
    await page.getByLabel('Your receipt code').fill(receipt);
    await page.getByRole('button', { name: 'Withdraw my answers' }).click();
    await expect(heading(page)).toContainText('deleted');
  });

  test('easy read works by form post too', async ({ page }) => {
    await page.goto(JOURNEY_URL);
    await page.getByRole('button', { name: 'Use easy read wording' }).click();
    await expect(page.getByLabel('I know what this activity is about.')).toBeVisible();
  });
});

for (const javaScript of [true, false]) {
  test(`easy read runs through every step of the map, with pictures and easy-read errors (JavaScript ${javaScript ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const page = await context.newPage();
    await page.goto(JOURNEY_URL);
    if (javaScript) await page.waitForSelector('astro-island:not([ssr])');
    await page.getByRole('button', { name: 'Use easy read wording' }).click();
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();

    // A stage: easy-read words, the stage's own picture, a picture beside each point.
    await expect(heading(page)).toHaveText('Part 1 of 7: Someone is worried');
    await expect(page.locator('#stage-0-prompt')).toHaveText(/Who was worried first\?/);
    await expect(page.getByRole('img', { name: 'A worried face' })).toBeVisible();
    await expect(page.locator('[data-easy-read-point] img')).toHaveCount(7);
    if (javaScript) await expect(page.getByRole('button', { name: /^Read aloud/ })).toBeVisible();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Choose how part 1 felt.');
    expect(
      await axeViolations(page, { javaScript, bestPractice: true }),
      'axe on an easy-read stage with an error',
    ).toEqual([]);

    await page.locator('#stage-0-feeling-3').check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    for (let i = 1; i < SUGGESTED.length; i++) {
      await page.locator(`#stage-${i}-feeling-3`).check();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
    }
    await expect(heading(page)).toHaveText('You have told us about 7 parts');
    await chooseThenNext(page, 'No');
    await expect(heading(page)).toHaveText('Who are you?');
    await chooseThenNext(page, 'Parent or carer');
    await expect(heading(page)).toHaveText('Check your map');
    expect(
      await axeViolations(page, { javaScript, bestPractice: true }),
      'axe on the easy-read check page',
    ).toEqual([]);
    await page.getByRole('button', { name: 'Send your map' }).click();
    await expect(page.locator('[data-receipt]')).toBeVisible();
    expect(
      await axeViolations(page, { javaScript, bestPractice: true }),
      'axe on the easy-read confirmation',
    ).toEqual([]);
    await context.close();
  });
}
