import { expect, test, type Page, type Route } from '@playwright/test';
import { heading, JOURNEY_URL } from './journeyWalk.ts';
import { EXIT_SCRIPTS, scriptsBeforeLoad } from './site.ts';

// Islands are hydrated when the person starts on the form or when the browser is idle
// (src/client/hydrateOnInteraction.ts). On a slow connection someone may fill in fields while the
// island's code is still on its way: what they entered must survive hydration and be what the
// island then sends.

const FEEDBACK = '/prototypes/shared-family-timeline/feedback/';

/** Holds back the islands' scripts, as a slow connection would, until `release` is called. */
async function holdScripts(page: Page) {
  const held: Route[] = [];
  let holding = true;
  await page.route('**/_astro/*.js', (route) =>
    holding && !EXIT_SCRIPTS.test(new URL(route.request().url()).pathname)
      ? held.push(route)
      : route.continue(),
  );
  return {
    async release() {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

/** The island's form is hydrated when React has taken over its main button. */
async function hydrated(page: Page, button: string) {
  await page.waitForFunction(
    (name) =>
      [...document.querySelectorAll('astro-island button')].some(
        (b) =>
          b.textContent?.trim() === name &&
          Object.keys(b).some((key) => key.startsWith('__reactProps$')),
      ),
    button,
  );
}

test('no island code is fetched at load: only when the person starts or the browser is idle', async ({
  page,
}) => {
  const scriptsHeld = await holdScripts(page);
  await page.goto(FEEDBACK, { waitUntil: 'load' });
  await expect(page.locator('astro-island[ssr]')).toHaveCount(1);
  await scriptsHeld.release();
  // Idle after load: it is hydrated without anyone touching it.
  await hydrated(page, 'Send feedback');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  // Nothing of the island's own was asked for before the page had loaded.
  expect(await scriptsBeforeLoad(page)).toEqual([]);
});

test('feedback entered before the island is hydrated is kept and sent', async ({ page }) => {
  const scriptsHeld = await holdScripts(page);
  await page.goto(FEEDBACK);
  await page.getByRole('radio', { name: 'A parent or carer' }).check();
  await page.locator('#reaction-shared-timeline').check();
  await page
    .getByRole('textbox', { name: /Anything else you want to tell us/ })
    .fill('Typed while the page was still loading.');
  await page.getByRole('checkbox', { name: /may show my comment/ }).check();
  await page.getByRole('radio', { name: 'Anonymously' }).check();
  // Still the server's form: nothing has been hydrated.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(1);

  await scriptsHeld.release();
  await hydrated(page, 'Send feedback');
  await expect(page.getByRole('textbox', { name: /Anything else/ })).toHaveValue(
    'Typed while the page was still loading.',
  );
  await expect(page.getByRole('radio', { name: 'A parent or carer' })).toBeChecked();

  const sent = page.waitForRequest(
    (request) => request.method() === 'POST' && request.url().includes('/api/prototypes/'),
  );
  await page.getByRole('button', { name: 'Send feedback' }).click();
  // Sent by the island (to the API), with every entry made before it was hydrated.
  const body = (await sent).postDataJSON();
  expect(body).toMatchObject({ role: 'parent-carer' });
  expect(JSON.stringify(body)).toContain('Typed while the page was still loading.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Feedback sent');
});

test('a journey stage typed before the island is hydrated is kept and saved', async ({ page }) => {
  const scriptsHeld = await holdScripts(page);
  await page.goto(JOURNEY_URL);
  // Before hydration the start page posts to the server, which opens the first stage's page.
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByLabel('With a blank map').check();
  await page.getByRole('button', { name: 'Start your map' }).click();
  await expect(heading(page)).toHaveText(/^Stage 1/);
  await page.locator('#stage-0-name').fill('First call');
  await page.locator('#stage-0-feeling-4').check();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(1);

  await scriptsHeld.release();
  await hydrated(page, 'Save and continue');
  const stageUrl = page.url();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  // The island moved on in the page (no form post) with the stage it was given.
  await expect(heading(page)).toHaveText('You have added 1 stage');
  expect(page.url()).toBe(stageUrl);
  await expect(page.locator('main')).toContainText('First call');
});

test('a tick and a press made while the island is being hydrated are not undone', async ({
  page,
}) => {
  // Right after React has attached itself to the island (its listener on the document comes
  // last) and before the island has been given what was entered, the person ticks the last
  // box and presses Start: the moment a click used to be judged on the server's empty form.
  await page.addInitScript(() => {
    const add = Document.prototype.addEventListener;
    let seen = false;
    Document.prototype.addEventListener = function (
      this: Document,
      ...args: Parameters<Document['addEventListener']>
    ) {
      if (args[0] === 'selectionchange' && !seen) {
        seen = true;
        setTimeout(() => (window as { duringHydration?: () => void }).duringHydration?.(), 0);
      }
      return add.apply(this, args);
    };
  });
  const scriptsHeld = await holdScripts(page);
  await page.goto(JOURNEY_URL);
  const boxes = await page.getByRole('checkbox').all();
  for (const box of boxes.slice(0, -1)) await box.check();
  await page.getByLabel('With a blank map').check();
  await page.evaluate(() => {
    (window as { duringHydration?: () => void }).duringHydration = () => {
      const boxes = document.querySelectorAll<HTMLInputElement>('input[type=checkbox]');
      boxes[boxes.length - 1].click();
      [...document.querySelectorAll('button')]
        .find((button) => button.textContent?.trim() === 'Start your map')
        ?.click();
    };
  });
  await scriptsHeld.release();
  // The press was made with every box ticked: the map starts, in the page.
  await expect(heading(page)).toHaveText(/^Stage 1/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
