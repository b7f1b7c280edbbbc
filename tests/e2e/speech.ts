import { expect, type Page } from '@playwright/test';
import { tabTo } from './keyboard.ts';

/**
 * Read aloud under test: the browser's speech replaced, before the page loads, by a recorder of
 * what the page asks it to say and of each Stop (Chromium on a server has no voices to hear).
 */
export async function listenToSpeech(page: Page) {
  await page.addInitScript(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    window.speechSynthesis.speak = (utterance) => void said.push(utterance.text);
    window.speechSynthesis.cancel = () => void said.push('(stopped)');
  });
}

const said = (page: Page) => page.evaluate(() => (window as unknown as { said: string[] }).said);

/**
 * Presses Read aloud then Stop for the named part of the step, by keyboard; checks what was
 * spoken contains `expected` and that Stop stopped it, and returns what was spoken.
 */
export async function readAloudAndStop(page: Page, what: string, expected: string) {
  await tabTo(page, page.getByRole('button', { name: `Read aloud: ${what}`, exact: true }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: `Stop reading: ${what}`, exact: true }));
  await page.keyboard.press('Enter');
  const words = await said(page);
  expect(words.at(-2), `Read aloud: ${what}`).toContain(expected);
  expect(words.at(-1)).toBe('(stopped)');
  return words.at(-2)!;
}
