import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { signInAsNewResearcher } from './researchers.ts';

// Moderation ergonomics (issue 15, item 7), with JavaScript off: every step is a link or a form.
// Other specs send feedback to the same scope, so comments are found by their own words.
test.use({ javaScriptEnabled: false });

const SLUG = 'shared-family-timeline';
const SCOPE_PAGE = `/research/prototypes/${SLUG}/`;

async function send(request: APIRequestContext, comment: string, show = true) {
  const response = await request.post(`/api/prototypes/${SLUG}/feedback`, {
    data: {
      submissionId: randomUUID(),
      role: 'other',
      comment,
      consentShow: show,
      consentQuote: show,
      ...(show ? { nameChoice: 'anonymous' } : {}),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page, { javaScript: false, bestPractice: true })).toEqual([]);
}

const queued = (page: Page, words: string) => page.locator('[data-queue] li', { hasText: words });

test('decide several waiting comments at once, with a reason to not publish', async ({
  page,
  request,
}) => {
  const marker = randomUUID().slice(0, 8);
  await send(request, `First ${marker}`);
  await send(request, `Second ${marker}`);
  await send(request, `Third ${marker}`);
  await signInAsNewResearcher(page, 'bulk');
  await page.goto(SCOPE_PAGE);
  await expectAccessible(page);

  // Nothing chosen: told what to do, and nothing changes.
  await page.getByRole('button', { name: 'Apply to the selected comments' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Select the comments to decide');
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Choose whether to publish them or not',
  );
  await expectAccessible(page);

  await queued(page, `First ${marker}`).getByRole('checkbox').check();
  await queued(page, `Second ${marker}`).getByRole('checkbox').check();
  await page.getByRole('radio', { name: 'Do not publish them' }).check();
  await page.getByRole('button', { name: 'Apply to the selected comments' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText(
    'Enter why the comments are not published',
  );
  // The ticks and the choice are kept for the second try.
  await expect(queued(page, `First ${marker}`).getByRole('checkbox')).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Do not publish them' })).toBeChecked();
  await expect(queued(page, `First ${marker}`)).toHaveCount(1);

  await page.getByRole('textbox', { name: 'Reason, if not publishing' }).fill('Off topic');
  await page.getByRole('button', { name: 'Apply to the selected comments' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText(
    '2 comments not published.',
  );
  await expect(queued(page, marker)).toHaveCount(1);
  await expectAccessible(page);

  await queued(page, `Third ${marker}`).getByRole('checkbox').check();
  await page.getByRole('radio', { name: 'Publish them as they are' }).check();
  await page.getByRole('button', { name: 'Apply to the selected comments' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('1 comment published.');
  const api = await (await request.get(`/api/prototypes/${SLUG}/comments`)).json();
  const texts = (api.comments as { text: string }[]).map((c) => c.text);
  expect(texts).toContain(`Third ${marker}`);
  expect(texts).not.toContain(`First ${marker}`);
});

test('a bulk decision without the form’s token changes nothing', async ({ page, request }) => {
  const marker = randomUUID().slice(0, 8);
  await send(request, `Forged ${marker}`);
  await signInAsNewResearcher(page, 'forged');
  await page.goto(SCOPE_PAGE);
  const number = await queued(page, marker).getByRole('checkbox').getAttribute('value');
  const forged = await page.request.post(SCOPE_PAGE, {
    form: { action: 'bulk', decision: 'approve', comment: number! },
  });
  expect(forged.status()).toBe(403);
  await page.reload();
  await expect(queued(page, marker)).toHaveCount(1);
});

test('feedback the person did not let us show is under Private', async ({ page, request }) => {
  const marker = randomUUID().slice(0, 8);
  await send(request, `Only for you ${marker}`, false);
  await signInAsNewResearcher(page, 'private');
  await page.goto(SCOPE_PAGE);
  await expect(queued(page, marker)).toHaveCount(0);
  await page.getByRole('link', { name: /^Private \(\d+\)$/ }).click();
  const links = page.locator('[data-status-list="private"] a');
  // Newest first: ours is the first unless another spec sent private feedback just now.
  let found = false;
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
    await page.goto(href);
    if ((await page.locator('main').innerText()).includes(marker)) {
      found = true;
      break;
    }
  }
  expect(found).toBe(true);
  await expect(page.locator('[data-status]')).toHaveText('Not for publishing');
  await expectAccessible(page);
});

test('after a decision: a message and the next comment; replies changed and withdrawn', async ({
  page,
  request,
}) => {
  const marker = randomUUID().slice(0, 8);
  await send(request, `Please add reminders ${marker}`);
  await signInAsNewResearcher(page, 'moderator', 'admin');
  await page.goto(SCOPE_PAGE);
  await queued(page, marker)
    .getByRole('link', { name: /Moderate comment/ })
    .click();
  await page.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(page.locator('[data-done="approved"]')).toContainText('Comment published.');
  await expect(page.locator('[data-done="approved"]')).toContainText(
    /Next comment waiting|No more comments are waiting/,
  );
  await expectAccessible(page);

  const comments = async () =>
    JSON.stringify(await (await request.get(`/api/prototypes/${SLUG}/comments`)).json());
  await page
    .getByRole('textbox', { name: 'Reply from the research team' })
    .fill(`We wil add them ${marker}`);
  await page.getByRole('button', { name: 'Publish reply' }).click();
  await expect(page.locator('[data-done="replied"]')).toContainText('Reply published.');

  await page.getByText('Change or withdraw reply 1').click();
  const words = page.getByRole('textbox', { name: 'New words for reply 1' });
  await words.fill(' ');
  await page.getByRole('button', { name: 'Save reply 1' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter your reply');
  await expect(words).toBeVisible();
  await expectAccessible(page);
  await words.fill(`We will add them ${marker}`);
  await page.getByRole('button', { name: 'Save reply 1' }).click();
  await expect(page.locator('[data-done="reply-edited"]')).toContainText('Reply changed.');
  await expect(page.locator('[data-replies]')).toContainText(`We will add them ${marker}`);
  expect(await comments()).toContain(`We will add them ${marker}`);
  expect(await comments()).not.toContain(`We wil add them ${marker}`);
  await expectAccessible(page);

  await page.getByText('Change or withdraw reply 1').click();
  await page.getByRole('button', { name: 'Withdraw reply 1' }).click();
  await expect(page.locator('[data-done="reply-withdrawn"]')).toContainText('Reply withdrawn.');
  await expect(page.locator('[data-replies]')).toHaveCount(0);
  // The comment stays published; only the reply has gone.
  expect(await comments()).toContain(`Please add reminders ${marker}`);
  expect(await comments()).not.toContain(`We will add them ${marker}`);

  await page.goto('/research/admin/audit/?action=feedback-reply-withdrawn');
  await expect(page.locator('main')).toContainText('feedback-reply-withdrawn');
  await page.goto('/research/admin/audit/?action=feedback-reply-edited');
  await expect(page.locator('main')).toContainText('feedback-reply-edited');
});
