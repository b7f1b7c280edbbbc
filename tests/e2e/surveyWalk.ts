import { expect, type Page } from '@playwright/test';

/** Walking the practitioners survey (one question a page) to a step under test. */
export const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
export const URL_ = '/surveys/practitioners/';
export const TITLE = 'What would help you keep children safe? A survey for practitioners';

export const Q = {
  role: 'What is your role?',
  years: 'How long have you worked in this kind of role?',
  shared: 'How is information about a child shared between you and other agencies now?',
  barriers: 'What gets in the way of sharing information about a child?',
  confidence: 'How confident are you about sharing information about a child with other agencies?',
  usedTool: 'Have you used a digital tool to help with safeguarding?',
  toolStory: 'Which tool did you use, and what was good or bad about it?',
  caseload: 'About how many children are on your caseload at the moment? (optional)',
  meeting: 'When did you last go to a multi-agency meeting about a child? (optional)',
  oneThing: 'What one thing would most help you keep children safe?',
  anythingElse: 'Is there anything else you would like to tell us? (optional)',
};

export const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

export const CHECK = 'Check your answers before sending them';
export const next = (page: Page) => page.getByRole('button', { name: 'Continue' }).click();

/** Answers the question on screen plainly (not by keyboard): the way to a step under test. */
export async function answer(page: Page, heading: string) {
  const fill = (id: string, text: string) => page.locator(`#${id}`).fill(text);
  if (heading === Q.role) await page.getByLabel('Social worker').check();
  else if (heading === Q.years) await page.getByLabel('1 to 3 years').check();
  else if (heading === Q.shared) await fill('answer-how-information-is-shared', 'By phone.');
  else if (heading === Q.barriers) await page.getByLabel('Not enough time').check();
  else if (heading === Q.confidence) await page.getByRole('radio', { name: /^4/ }).check();
  else if (heading === Q.usedTool) await page.getByLabel('Yes', { exact: true }).check();
  else if (heading === Q.toolStory) await fill('answer-digital-tool-experience', 'A case system.');
  else if (heading === Q.caseload) await fill('answer-caseload', '12');
  else if (heading === Q.meeting) {
    await fill('answer-last-multi-agency-meeting', '3');
    await fill('answer-last-multi-agency-meeting-month', '2');
    await fill('answer-last-multi-agency-meeting-year', '2026');
  } else if (heading === Q.oneThing) await fill('answer-one-thing-that-would-help', 'Time.');
}

/** From the survey's page, consent given, on to the question (or the check page) named. */
export async function walkTo(page: Page, javaScript: boolean, target: string) {
  await page.goto(URL_);
  if (javaScript) await page.waitForSelector('astro-island:not([ssr])');
  for (const box of await page.getByRole('checkbox').all()) await box.check();
  await page.getByRole('button', { name: 'Start the survey' }).click();
  await expect(h1(page)).toHaveText(Q.role);
  for (let heading = Q.role; heading !== target;) {
    await answer(page, heading);
    await next(page);
    await expect(h1(page)).not.toHaveText(heading);
    heading = (await h1(page).textContent())!;
  }
}
