import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';

// Issue 13 item 11: findings pages and the Exit skip link pass axe's best-practice rules too
// (each landmark a name of its own; no content, the exit skip link included, outside landmarks).
for (const path of [
  '/findings/',
  '/findings/families-want-plain-words/',
  '/findings/information-sharing-is-slow/',
]) {
  test(`${path} passes axe's best-practice rules`, async ({ page }) => {
    await page.goto(path);
    expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
  });
}
