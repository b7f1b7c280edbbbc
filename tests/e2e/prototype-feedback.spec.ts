import { execFileSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { postJsonFrom } from './fromAddress.ts';
import { tabTo } from './keyboard.ts';

// One scope, shared by every test here: run in order so counts and queues are predictable.
// In order, in one worker; a failure never skips the tests after it ('serial' would).
test.describe.configure({ mode: 'default' });

const SLUG = 'shared-family-timeline';
const SCOPE = `/prototypes/${SLUG}/`;
const FORM = `${SCOPE}feedback/`;
const EMAIL = `moderator-${randomUUID().slice(0, 8)}@example.org`;
const PASSWORD = 'every comment is read first';
const XSS_SCRIPT = '<script>window.__xss=1</script>';
const XSS_IMG = '<img src=x onerror="window.__xss=2">';

test.beforeAll(() => {
  execFileSync('node', ['scripts/researcher.ts', 'add', EMAIL, '--role', 'researcher'], {
    input: `${PASSWORD}\n`,
    env: { ...process.env, DATA_DIR: process.env.SG_E2E_DATA_DIR },
  });
});

async function expectAccessible(page: Page, options?: { javaScript?: boolean }) {
  expect(await axeViolations(page, options)).toEqual([]);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
}

async function signIn(page: Page) {
  await page.goto('/research/login');
  await page.getByLabel('Email address').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/research\/$/);
}

async function sendFeedback(request: APIRequestContext, body: Record<string, unknown>) {
  const response = await request.post(`/api/prototypes/${SLUG}/feedback`, {
    data: { submissionId: randomUUID(), role: 'other', ...body },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { receipt: string }).receipt;
}

/** The published comments block on the static scope page (arrives from a server island). */
const soFar = (page: Page) => page.locator('[data-feedback-so-far]');

test('a stakeholder gives feedback by keyboard only and keeps a receipt', async ({ page }) => {
  await page.goto(SCOPE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    "A shared timeline for a family's support",
  );
  await expect(soFar(page)).toBeVisible();
  await expectAccessible(page);

  await tabTo(page, page.getByRole('button', { name: 'Give feedback on this scope' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${FORM}$`));
  await page.waitForSelector('astro-island:not([ssr])');
  await expectAccessible(page);

  // Sending nothing: the error summary takes focus and names what is missing.
  await tabTo(page, page.getByRole('button', { name: 'Send feedback' }));
  await page.keyboard.press('Enter');
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Tell us what you think/);
  await expect(summary).toContainText('Select who you are');
  await expectAccessible(page);

  // Radios by keyboard: Tab reaches a group, arrows choose within it.
  await tabTo(page, page.getByRole('radio', { name: 'Very useful', exact: true }));
  await page.keyboard.press('Space');
  await tabTo(page, page.locator('#reaction-shared-timeline'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('textbox', { name: /Why\? \(optional\) About “One timeline/ }));
  await page.keyboard.type('Nobody would have to tell their story again.');
  await tabTo(page, page.getByRole('textbox', { name: /Anything else you want to tell us/ }));
  await page.keyboard.type('Please make it work on a phone, with large text.');
  await tabTo(page, page.getByRole('radio', { name: /A practitioner/ }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'A parent or carer' })).toBeChecked();
  await tabTo(page, page.getByRole('checkbox', { name: /may show my comment/ }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('radio', { name: 'Anonymously' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Send feedback' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Feedback sent');
  await expect(page).toHaveTitle(/^Feedback sent/);
  // Focus moves to the confirmation, so a screen reader reads it next.
  await expect(page.locator('.sg-step-start')).toBeFocused();
  await expect(page.locator('[data-receipt]')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await expectAccessible(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('feedback works as plain form posts, with errors and a receipt', async ({ page }) => {
    await page.goto(SCOPE);
    // The comments come from the server on request; without scripts, a link leads to them.
    await page
      .getByRole('link', { name: 'Read the comments and what people think so far' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comments and reactions');
    await expectAccessible(page, { javaScript: false });

    await page.goto(FORM);
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator('.govuk-error-summary')).toContainText('Select who you are');
    await expectAccessible(page, { javaScript: false });

    await page
      .getByRole('radio', { name: 'A practitioner (I work with children or families)' })
      .check();
    await page
      .getByRole('combobox', { name: 'What kind of practitioner are you?' })
      .selectOption('police');
    await page.locator('#reaction-agreed-actions-3').check();
    await page.getByRole('textbox', { name: /Anything else/ }).fill('Only if the family agrees.');
    await page.getByRole('checkbox', { name: /may show my comment/ }).check();
    await page.getByRole('radio', { name: 'With a name I choose' }).check();
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText(
      'Enter the name to show, or choose anonymous',
    );
    // What was typed is still there.
    await expect(page.getByRole('textbox', { name: /Anything else/ })).toHaveValue(
      'Only if the family agrees.',
    );
    await page.getByRole('textbox', { name: 'Name to show' }).fill('Sam');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Feedback sent');
    await expect(page.locator('[data-receipt]')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await expectAccessible(page, { javaScript: false });
  });
});

test('a comment is moderated, edited, answered, shown without a rebuild, and withdrawn', async ({
  page,
  browser,
  request,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const words = `Priya told me on 07700 900123 that it helps ${XSS_SCRIPT} ${XSS_IMG}`;
  const receipt = await sendFeedback(request, {
    comment: words,
    consentShow: true,
    nameChoice: 'name',
    displayName: 'Jo',
    reactions: { 'shared-timeline': 'useful' },
  });

  // Nobody else sees it before a moderator approves it.
  const before = await (await request.get(`/api/prototypes/${SLUG}/comments`)).json();
  expect(JSON.stringify(before)).not.toContain('07700');
  await page.goto(SCOPE);
  await expect(soFar(page)).toBeVisible();
  await expect(soFar(page)).not.toContainText('Priya');

  await signIn(page);
  await expect(page.locator('#to-moderate')).toContainText('waiting for moderation');
  await page.getByRole('link', { name: "A shared timeline for a family's support" }).click();
  const queue = page.locator('[data-queue]');
  const mine = queue.locator('li', { hasText: '07700 900123' });
  await expect(mine).toHaveCount(1);
  // The words are shown as text, with likely personal details marked.
  await expect(mine).toContainText(XSS_SCRIPT);
  await expect(mine.locator('mark[data-detail="phone"]')).toHaveText(/07700 900123/);
  await expect(mine.locator('mark[data-detail="name"]')).toHaveText(/Priya/);
  await expectAccessible(page);

  await mine.getByRole('link', { name: /Moderate comment/ }).click();
  await expect(page.locator('[data-details-found]')).toContainText('Possible phone number');
  await expectAccessible(page);
  const published = 'Someone told me that it helps.';
  await page.getByRole('textbox', { name: 'Text to publish' }).fill(published);
  // The chosen name can be edited too (the person's own is kept for the team).
  await expect(page.getByRole('textbox', { name: 'Name to publish' })).toHaveValue('Jo');
  await page.getByRole('textbox', { name: 'Name to publish' }).fill('J.');
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.locator('[data-status]')).toHaveText('Published');
  await expect(page.locator('[data-published-name]')).toHaveText('Shown as: J.');
  await page.getByRole('button', { name: 'Publish reply' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter your reply');
  await expectAccessible(page);
  await page
    .getByRole('textbox', { name: 'Reply from the research team' })
    .fill('Thank you. We have added this to version 0.3.');
  await page.getByRole('button', { name: 'Publish reply' }).click();
  await expect(page.locator('[data-replies]')).toContainText('added this to version 0.3');
  await expectAccessible(page);

  // The static page shows it at once, in the moderator's words, with the reply.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(SCOPE);
  const comment = soFar(visitor).locator('[data-comment]', { hasText: published });
  await expect(comment).toContainText('J., someone else');
  // An opaque id, not the feedback's number; no day sent.
  expect(await comment.getAttribute('data-comment')).toMatch(/^[A-Za-z0-9_-]{16}$/);
  const api = await (await request.get(`/api/prototypes/${SLUG}/comments`)).json();
  const listed = api.comments.find((c: { text: string }) => c.text === published);
  expect(Object.keys(listed).sort()).toEqual(['id', 'name', 'replies', 'role', 'text']);
  expect(listed.name).toBe('J.');
  await expect(comment.locator('[data-reply]')).toContainText('added this to version 0.3');
  await expect(soFar(visitor)).not.toContainText('07700');
  await expect(soFar(visitor)).not.toContainText('Priya');
  await expectAccessible(visitor);
  expect(dialogs).toEqual([]);

  // Withdrawn by its receipt: gone from the page.
  await visitor.goto('/withdraw/');
  await visitor.getByRole('textbox', { name: 'Your receipt code' }).fill(receipt);
  await visitor.getByRole('button', { name: 'Withdraw my answers' }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
    'Your feedback has been deleted',
  );
  await visitor.goto(SCOPE);
  await expect(soFar(visitor)).toBeVisible();
  await expect(soFar(visitor)).not.toContainText(published);
  await visitorContext.close();
});

test('a comment with HTML is shown as text to the public, and no script runs', async ({
  page,
  request,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await sendFeedback(request, {
    comment: `Looks good ${XSS_SCRIPT}`,
    consentShow: true,
    nameChoice: 'name',
    displayName: XSS_IMG,
  });
  await signIn(page);
  await page.goto(`/research/prototypes/${SLUG}/`);
  const item = page.locator('[data-queue] li', { hasText: 'Looks good' });
  await expect(item).toContainText(XSS_IMG);
  await expectAccessible(page);
  await item.getByRole('link', { name: /Moderate comment/ }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.locator('[data-status]')).toHaveText('Published');

  await page.goto(SCOPE);
  const comment = soFar(page).locator('[data-comment]', { hasText: 'Looks good' });
  await expect(comment).toContainText(`Looks good ${XSS_SCRIPT}`);
  await expect(comment).toContainText(XSS_IMG);
  await expect(comment.locator('script, img')).toHaveCount(0);
  await expectAccessible(page);
  expect(dialogs).toEqual([]);

  // A moderator who is worried flags it: the same flag flow as survey answers.
  await page.goto(`/research/prototypes/${SLUG}/`);
  await page
    .getByRole('link', { name: /^Comment \d+$/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Flag for safeguarding' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Flag \d+$/);
  // The flag names the activity by its title, as the researcher knows it.
  await expect(page.locator('.govuk-summary-list')).toContainText(
    "Prototype feedback: A shared timeline for a family's support",
  );
  await page.getByRole('link', { name: 'Read the whole response' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Comment \d+$/);
  await expect(page.getByText('This feedback has a safeguarding flag.')).toBeVisible();
  await expectAccessible(page);
});

test('a scope prints as a document: no menus, buttons or forms', async ({ page }) => {
  await page.goto(SCOPE);
  await expect(soFar(page)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What it would do' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Give feedback on this scope' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Menu' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Back to prototype scopes' })).toBeHidden();
});

/**
 * Feedback with a reaction to `feature` as if sent on an earlier day from a network of its own,
 * written straight into the test server's database (WAL lets both write): independent sources
 * cannot be made over HTTP in a test's few seconds, since a burst from many addresses counts as
 * one source.
 */
function seedEarlierReaction(feature: string, reaction: string) {
  const db = new DatabaseSync(path.join(process.env.SG_E2E_DATA_DIR!, 'safeguarding.sqlite'), {
    timeout: 5000,
  });
  try {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO feedback (prototype_slug, scope_version, definition_hash, submission_id,
           payload_hash, receipt_hash, received_on, role, consent_quote, consent_show, status,
           source_group)
         VALUES (?, '1', 'seeded', ?, 'seeded', ?, '2026-11-01', 'other', 0, 0, 'private', ?)`,
      )
      .run(SLUG, randomUUID(), randomUUID(), randomUUID());
    db.prepare(
      'INSERT INTO feedback_reactions (feedback_id, feature_id, reaction) VALUES (?, ?, ?)',
    ).run(lastInsertRowid, feature, reaction);
  } finally {
    db.close();
  }
}

test('reaction counts stay hidden until five independent sources, padding or not', async ({
  page,
  request,
}) => {
  // Only this test reacts to "The family can add their own view".
  const row = () => soFar(page).getByRole('row', { name: /The family can add their own view/ });
  const hidden = async () => {
    await page.goto(SCOPE);
    await expect(row()).toContainText('Not enough reactions yet to show');
    await expect(row().locator('[data-reaction]')).toHaveCount(0);
  };
  await sendFeedback(request, { reactions: { 'family-view': 'worried' } });
  await hidden();
  // An outsider adds four reactions from four addresses at once: still one more source at most.
  const net = `127.${randomInt(2, 255)}.${randomInt(0, 256)}`;
  const statuses = await Promise.all(
    [1, 2, 3, 4].map((i) =>
      postJsonFrom(`${net}.${i}`, `/api/prototypes/${SLUG}/feedback`, {
        submissionId: randomUUID(),
        role: 'other',
        reactions: { 'family-view': 'useful' },
      }),
    ),
  );
  expect(statuses).toEqual([201, 201, 201, 201]);
  await hidden();
  await expectAccessible(page);

  for (const reaction of ['useful', 'not-sure', 'useful', 'worried']) {
    seedEarlierReaction('family-view', reaction);
  }
  await page.goto(SCOPE);
  await expect(row().locator('[data-reaction="useful"]')).toHaveText('6');
  await expect(row().locator('[data-reaction="not-sure"]')).toHaveText('1');
  await expect(row().locator('[data-reaction="worried"]')).toHaveText('2');
  await expectAccessible(page);

  // Researchers see the same counts by role, and can download them.
  await signIn(page);
  await page.goto(`/research/prototypes/${SLUG}/`);
  const summary = page.locator('[data-feature-summary] [data-feature="family-view"]');
  await expect(summary.locator('[data-reaction="useful"]')).toHaveText('6');
  await expectAccessible(page);
  const csv = await page.request.get(`/research/prototypes/${SLUG}/export.csv`);
  expect(csv.headers()['content-disposition']).toMatch(/attachment/);
  expect(await csv.text()).toContain('The family can add their own view: reaction');
});

test('a finding and the scope link to each other: you said, we did', async ({ page }) => {
  await page.goto(SCOPE);
  const shaped = page.locator('[data-shaped-by]');
  await expect(shaped).toContainText('You said: Some people said they did not know what would');
  await shaped
    .getByRole('link', { name: 'Families want to be told things in plain words' })
    .click();
  await expect(page.locator('[data-shaped-prototypes]')).toBeVisible();
  await page
    .locator('[data-shaped-prototypes]')
    .getByRole('link', { name: "A shared timeline for a family's support" })
    .click();
  await expect(page).toHaveURL(new RegExp(`${SCOPE}$`));
  await expect(
    page.getByRole('heading', { name: 'What has changed since the last version' }),
  ).toBeVisible();
});
