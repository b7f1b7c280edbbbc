import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { agreeToEverything, tabTo } from './keyboard.ts';

const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const URL_ = '/journeys/child-protection-journey/';

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

test('a five-stage map built by keyboard alone, with moves announced, sent and withdrawn', async ({
  page,
}) => {
  // Hundreds of single Tab presses, each checked: slow on a busy two-core machine.
  await page.goto(URL_);
  expect(await axeViolations(page), 'axe on the start').toEqual([]);
  await agreeToEverything(page);
  await tabTo(page, page.getByRole('button', { name: 'Start your map' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your journey map');
  await expect(page.locator('fieldset.sg-stage')).toHaveCount(7);

  // Seven suggested stages; remove the last two to make five.
  for (const name of ['Case closes or moves on', 'Support and review']) {
    await tabTo(page, page.getByRole('button', { name: `Remove this stage: ${name}` }));
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('fieldset.sg-stage')).toHaveCount(5);

  // Move the first stage down, hear where it went, then move it back up.
  const live = page.locator('[data-announcement]');
  await tabTo(page, page.getByRole('button', { name: 'Move down: A first worry' }));
  await page.keyboard.press('Enter');
  await expect(live).toHaveText('A first worry moved down. It is now stage 2 of 5.');
  await expect(page.locator('#stage-1 h2')).toHaveText('Stage 2 of 5: A first worry');
  await tabTo(page, page.getByRole('button', { name: 'Move up: A first worry' }));
  await page.keyboard.press('Enter');
  await expect(live).toHaveText('A first worry moved up. It is now stage 1 of 5.');

  // Say how each stage felt: arrow keys move through the five faces.
  const feelings = [2, 1, 3, 4, 5];
  for (const [i, feeling] of feelings.entries()) {
    await tabTo(page, page.locator(`#stage-${i}-feeling`));
    await page.keyboard.press('Space');
    for (let step = 1; step < feeling; step++) await page.keyboard.press('ArrowDown');
  }
  // The map is drawn as it is built: every stage with a feeling is on the curve.
  await expect(
    page.locator('section[aria-labelledby="map-so-far"] [data-curve] circle'),
  ).toHaveCount(5);
  await tabTo(page, page.locator('#stage-0-happened'));
  await page.keyboard.type('A teacher noticed bruises and rang the front door.');
  await tabTo(page, page.locator('#role'));
  await page.keyboard.press('Space');
  expect(await axeViolations(page), 'axe on the builder').toEqual([]);
  await tabTo(page, page.getByRole('button', { name: 'Check your map' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your journey map');
  const { curve, table } = await curveAndTable(page);
  expect(curve).toEqual(feelings.map(String));
  expect(table).toEqual(curve);
  await expect(page.locator('[data-curve] desc')).toContainText('Stage 1, A first worry: Bad');
  expect(await axeViolations(page), 'axe on the check page').toEqual([]);

  await tabTo(page, page.getByRole('button', { name: 'Send your journey map' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Answers sent');
  const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
  expect(receipt).toMatch(RECEIPT);
  expect(await axeViolations(page), 'axe on the confirmation').toEqual([]);

  const withdrawn = await page.request.post('/api/withdrawals', { data: { receipt } });
  expect(withdrawn.status()).toBe(200);
});

test('the consent statements can be read in easy read', async ({ page }) => {
  await page.goto(URL_);
  // A click while React takes over the server-rendered form can be lost; wait until it has.
  await page.waitForSelector('astro-island:not([ssr])');
  await page.getByRole('button', { name: 'Use easy read wording' }).click();
  await expect(page.getByLabel('I know what this activity is about.')).toBeVisible();
  await page.getByRole('button', { name: 'Use standard wording' }).click();
  await expect(page.getByLabel('I know what this activity is about.')).toHaveCount(0);
});

test('an empty stage name and a missing feeling are errors that say how to fix them', async ({
  page,
}) => {
  await page.goto(URL_);
  await agreeToEverything(page);
  await page.getByLabel('With a blank map').check();
  await page.getByRole('button', { name: 'Start your map' }).click();
  await expect(page.locator('fieldset.sg-stage')).toHaveCount(1);
  await page.getByRole('button', { name: 'Check your map' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter a name for stage 1');
  await expect(summary).toContainText('Select how stage 1 felt');
  await expect(summary).toContainText('Select the role that best describes you');
  await expect(page).toHaveTitle(/^Error: /);
  expect(await axeViolations(page), 'axe on the builder with errors').toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('stages are added, moved and removed by form posts, and the map is sent', async ({
    page,
  }) => {
    await page.goto(URL_);
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await page.getByLabel('With a blank map').check();
    await page.getByRole('button', { name: 'Start your map' }).click();
    await page.locator('#stage-0-name').fill('First call');
    await page.getByRole('button', { name: 'Add a stage' }).click();
    await expect(page.locator('fieldset.sg-stage')).toHaveCount(2);
    await expect(page.locator('#stage-0-name')).toHaveValue('First call');
    await page.locator('#stage-1-name').fill('Home visit');
    // Without JavaScript a button's name is from the last post, before this stage was named.
    await page.getByRole('button', { name: 'Move up: New stage' }).click();
    await expect(page.locator('#stage-0-name')).toHaveValue('Home visit');
    await expect(page.locator('#stage-change p')).toHaveText(
      'Home visit moved up. It is now stage 1 of 2.',
    );
    await page.getByRole('button', { name: 'Add a stage' }).click();
    await page.getByRole('button', { name: 'Remove this stage: New stage' }).click();
    await expect(page.locator('fieldset.sg-stage')).toHaveCount(2);
    expect(await axeViolations(page, { javaScript: false }), 'axe on the builder').toEqual([]);

    await page.locator('#stage-0-feeling-4').check();
    await page.locator('#stage-1-feeling-2').check();
    await page.getByLabel('Parent or carer', { exact: true }).check();
    await page.getByRole('button', { name: 'Check your map' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your journey map');
    const { curve, table } = await curveAndTable(page);
    expect(curve).toEqual(['4', '2']);
    expect(table).toEqual(curve);
    expect(await axeViolations(page, { javaScript: false }), 'axe on the check page').toEqual([]);

    await page.getByRole('button', { name: 'Send your journey map' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Answers sent');
    const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
    expect(receipt).toMatch(RECEIPT);

    await page.goto('/withdraw/');
    await page.getByLabel('Your receipt code').fill(receipt);
    await page.getByRole('button', { name: 'Withdraw my answers' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('deleted');
  });

  test('easy read works by form post too', async ({ page }) => {
    await page.goto(URL_);
    await page.getByRole('button', { name: 'Use easy read wording' }).click();
    await expect(page.getByLabel('I know what this activity is about.')).toBeVisible();
  });
});
