import type { Locator, Page } from '@playwright/test';

/** Keyboard only: press Tab until the element has focus. */
export async function tabTo(page: Page, target: Locator, limit = 400) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Ticks every checkbox on the page by keyboard (the consent step). */
export async function agreeToEverything(page: Page) {
  for (const box of await page.getByRole('checkbox').all()) {
    await tabTo(page, box);
    await page.keyboard.press('Space');
  }
}
