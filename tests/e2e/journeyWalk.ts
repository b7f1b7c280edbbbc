import { expect, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { agreeToEverything, tabTo } from './keyboard.ts';

/** Walking the seed journey map one stage a page, by keyboard, for the journey specs. */
export const JOURNEY_URL = '/journeys/child-protection-journey/';
export const SUGGESTED = [
  'A first worry',
  'Someone makes a referral',
  'Assessment',
  'Strategy meeting or case conference',
  'A plan is agreed',
  'Support and review',
  'Case closes or moves on',
];
export const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

export async function noViolations(page: Page, javaScript: boolean, state: string) {
  expect(await axeViolations(page, { javaScript, bestPractice: true }), state).toEqual([]);
}

/** Keyboard only: focus a text box, type over what it holds, and leave the cursor there. */
export async function typeInto(page: Page, id: string, text: string) {
  await tabTo(page, page.locator(`#${id}`));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Keyboard only: a feeling for a stage, 1 to 5 (the faces are radios). */
export async function feel(page: Page, index: number, feeling: number) {
  await choose(page, page.locator(`#stage-${index}-feeling${feeling > 1 ? `-${feeling}` : ''}`));
}

/** Keyboard only: Tab (or Shift+Tab) to a button or link by its name, and press Enter. */
export async function press(page: Page, name: string, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  const control = page
    .getByRole('button', { name, exact: true })
    .or(page.getByRole('link', { name, exact: true }));
  await tabTo(page, control, 400, key);
  await page.keyboard.press('Enter');
}

/**
 * Keyboard only: a radio by its label. Tab reaches a group once (its ticked radio, or the first);
 * Space ticks that one, and the arrow keys move to the others and tick them.
 */
export async function pick(page: Page, label: string) {
  await choose(page, page.getByLabel(label, { exact: true }));
}

async function choose(page: Page, radio: Locator) {
  const name = await radio.getAttribute('name');
  const group = page.locator(`input[type="radio"][name="${name}"]`);
  const checked = page.locator(`input[type="radio"][name="${name}"]:checked`);
  await tabTo(page, (await checked.count()) ? checked : group.first());
  await page.keyboard.press('Space');
  for (let i = 0; i < (await group.count()) && !(await radio.isChecked()); i++)
    await page.keyboard.press('ArrowDown');
  await expect(radio).toBeChecked();
}

/** From the activity's page to the first stage (or the list, for a map already started). */
export async function startMap(page: Page, javaScript: boolean, blank = false) {
  await page.goto(JOURNEY_URL);
  if (javaScript) await page.waitForSelector('astro-island:not([ssr])');
  await agreeToEverything(page);
  if (blank) await pick(page, 'With a blank map');
  await press(page, 'Start your map');
}

/** One stage page: its feeling, then Enter in its name (which does what the main button does). */
export async function saveStage(page: Page, index: number, feeling: number, name?: string) {
  await feel(page, index, feeling);
  if (name !== undefined) await typeInto(page, `stage-${index}-name`, name);
  else await tabTo(page, page.locator(`#stage-${index}-name`), 400, 'Shift+Tab');
  await page.keyboard.press('Enter');
}

/** "Add another stage?" answered, then Continue. */
export async function addAnother(page: Page, yes: boolean) {
  await pick(page, yes ? 'Yes' : 'No');
  await press(page, 'Continue');
}

/** Easy read, by clicks (the way to a step under test): a radio by its label, then Next. */
export async function chooseThenNext(page: Page, label: string) {
  await page.getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
}

/** Easy read, by clicks: each suggested part felt "OK", then Next, on to the list of parts. */
export async function feelEveryPart(page: Page) {
  for (let i = 0; i < SUGGESTED.length; i++) {
    await page.locator(`#stage-${i}-feeling-3`).check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await expect(heading(page)).toHaveText(`You have told us about ${SUGGESTED.length} parts`);
}
