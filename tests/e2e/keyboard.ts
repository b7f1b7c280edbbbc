import type { Locator, Page } from '@playwright/test';

/**
 * Keyboard only: press Tab (or Shift+Tab, to go back) until the element has focus. The presses
 * are counted from the page's tab stops first and made without a check between them (a round
 * trip per press made long walks time out on a busy machine); then each further press is checked.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  limit = 400,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
) {
  const presses = await target.evaluate(countPresses, key === 'Shift+Tab');
  for (let i = 0; i < presses; i++) await page.keyboard.press(key);
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target}`);
}

/** How many presses from the focused element to this one, if the page's order is plain. */
function countPresses(target: Element, back: boolean): number {
  const stops = [
    ...document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, [tabindex]',
    ),
  ].filter((el) => {
    if (el.tabIndex < 0 || el.matches(':disabled, [type="hidden"]')) return false;
    if (el.getClientRects().length === 0) return false;
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
    // One stop per radio group: the ticked radio, or the first.
    const group = [
      ...document.querySelectorAll<HTMLInputElement>(
        `input[type="radio"][name="${CSS.escape(el.name)}"]`,
      ),
    ];
    return (group.find((r) => r.checked) ?? group[0]) === el;
  });
  const to = stops.indexOf(target as HTMLElement);
  const from = stops.indexOf(document.activeElement as HTMLElement);
  if (to < 0) return 0;
  // Short of the target by one, so the checked presses finish the walk whatever was missed.
  const count = from < 0 ? (back ? stops.length - to : to + 1) : back ? from - to : to - from;
  return Math.max(0, count - 1);
}

/** Ticks every checkbox on the page by keyboard (the consent step). */
export async function agreeToEverything(page: Page) {
  for (const box of await page.getByRole('checkbox').all()) {
    await tabTo(page, box);
    await page.keyboard.press('Space');
  }
}
