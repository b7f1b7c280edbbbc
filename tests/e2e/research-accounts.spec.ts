import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { signInAsNewResearcher } from './researchers.ts';

const NEW_PASSWORD = 'a kettle of green tea at dawn';

async function makeLink(page: Page, action: () => Promise<void>): Promise<string> {
  await action();
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('Copy the link and send it to them');
  const link = await page.getByLabel(/One-time link/).inputValue();
  expect(link).toMatch(/\/research\/login\/link\?token=[\w-]{43}$/);
  expect(await axeViolations(page, { bestPractice: true }), 'axe with a link to copy').toEqual([]);
  return link;
}

async function setPassword(page: Page, link: string, heading: string) {
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  expect(await axeViolations(page, { bestPractice: true }), 'axe on the link page').toEqual([]);
  // A weak password is refused with the reason, and the link still works.
  await page.getByLabel('New password').fill('short');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator('.govuk-error-summary')).toContainText('12 characters or more');
  expect(await axeViolations(page, { bestPractice: true }), 'axe on a link error').toEqual([]);
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page).toHaveURL(/\/research\/login\?password-set$/);
  await expect(page.getByRole('alert')).toContainText('Your password is set');
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an admin invites a researcher by a one-time link, which works once', async ({
  page,
  browser,
}) => {
  await signInAsNewResearcher(page, 'inviter', 'admin');
  await page.goto('/research/admin/accounts/');
  // Nothing typed: the error says what to do.
  await page.getByRole('button', { name: 'Make an invitation link' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter their email address');
  expect(await axeViolations(page, { bestPractice: true }), 'axe on an invite error').toEqual([]);

  const email = `invited-${Date.now()}@example.org`;
  const link = await makeLink(page, async () => {
    await page.getByLabel('Their email address').fill(email);
    await page.getByLabel('Researcher', { exact: true }).check();
    await page.getByRole('button', { name: 'Make an invitation link' }).click();
  });

  // The invited person, on their own device, with no session.
  const context = await browser.newContext();
  const theirs = await context.newPage();
  await setPassword(theirs, link, 'Make your password for the research workspace');
  await signIn(theirs, email, NEW_PASSWORD);
  await expect(theirs).toHaveURL(/\/research\/$/);

  // Used once: the same link now says it does not work, with a 4xx.
  const again = await theirs.goto(link);
  expect(again?.status()).toBe(410);
  await expect(theirs.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
  expect(await axeViolations(theirs, { bestPractice: true }), 'axe on a used link').toEqual([]);
  await context.close();

  // The admin sees when they last signed in, and the audit log has the invitation.
  await page.goto('/research/admin/accounts/');
  await expect(page.getByRole('row', { name: new RegExp(email) })).not.toContainText('Never');
  await page.goto('/research/admin/audit/');
  await expect(page.locator('tbody')).toContainText('invite-created');
  await expect(page.locator('tbody')).not.toContainText(link.split('token=')[1]);
});

test('an admin resets a password by link; the old password stops working', async ({
  page,
  browser,
}) => {
  const context = await browser.newContext();
  const theirs = await context.newPage();
  const email = await signInAsNewResearcher(theirs, 'forgetful');

  await signInAsNewResearcher(page, 'resetter', 'admin');
  await page.goto('/research/admin/accounts/');
  const link = await makeLink(page, () =>
    page.getByRole('button', { name: `Reset password of ${email}` }).click(),
  );

  await theirs.context().clearCookies();
  await setPassword(theirs, link, 'Set a new password');
  await signIn(theirs, email, 'orange kettle on the moon');
  await expect(theirs.locator('.govuk-error-summary')).toBeVisible();
  await signIn(theirs, email, NEW_PASSWORD);
  await expect(theirs).toHaveURL(/\/research\/$/);
  await context.close();
});

test('a made-up or cut-short link changes nothing and says so', async ({ page }) => {
  for (const token of ['', 'nope', 'x'.repeat(500)]) {
    const response = await page.goto(`/research/login/link?token=${token}`);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
  }
  const post = await page.request.post('/research/login/link', {
    form: { token: 'nope', password: NEW_PASSWORD },
  });
  expect(post.status()).toBe(410);
});
