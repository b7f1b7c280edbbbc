import { axeViolations } from './axe.ts';
import { agreeToEverything, tabTo } from './keyboard.ts';
import { expect, test, type Page } from '@playwright/test';

const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

async function expectNoAxeViolations(page: Page, state: string) {
  const javaScript = !state.includes('without JavaScript');
  expect(await axeViolations(page, { javaScript }), `axe on ${state}`).toEqual([]);
}

test.describe('with JavaScript', () => {
  // The practitioners survey walked by keyboard, one question a page, is in survey-paths.spec.ts.

  test('one question a page: progress, back, easy read, and skipped questions', async ({
    page,
  }) => {
    await page.goto('/surveys/families-and-ecdp-members/');
    await page.getByRole('button', { name: 'Use easy read wording' }).click();
    await expect(page.getByText('I know what this survey is about.')).toBeVisible();
    await agreeToEverything(page);
    await page.getByRole('button', { name: 'Start the survey' }).click();

    await expect(page.getByText(/^Question 1 of (up to )?\d+$/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who are you?');
    await expect(page.locator('legend h1')).toHaveCount(1);
    await page.getByRole('button', { name: 'Use standard wording' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Which of these best describes you?',
    );
    await expectNoAxeViolations(page, 'a one-question page');

    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary')).toBeFocused();
    await expectNoAxeViolations(page, 'a one-question page with an error');
    await page.getByLabel('Parent or carer', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      "Have you or your family been in contact with children's services?",
    );
    const countOf = async (n: number) =>
      Number(
        (await page.getByText(new RegExp(`^Question ${n} of (up to )?\\d+$`)).textContent())!.match(
          /of (?:up to )?(\d+)/,
        )![1],
      );
    // Until this question is answered, the total is what may still be asked, and says so.
    await expect(page.getByText(/^Question 2 of up to \d+$/)).toBeVisible();
    const atMost = await countOf(2);
    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // "No" skips the questions about contact: the total falls, it never rises.
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(
      'What kind of contact did you have?',
    );
    const withoutContact = await countOf(3);
    expect(withoutContact).toBeLessThan(atMost);

    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await expect(page.getByLabel('No', { exact: true })).toBeChecked();
    // "Yes" asks them: more questions in all, and the next one is about the contact.
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'What kind of contact did you have?',
    );
    expect(await countOf(3)).toBeGreaterThan(withoutContact);
    expect(await countOf(3)).toBeLessThanOrEqual(atMost);
  });

  test('families and ECDP members complete their survey by keyboard, in easy read', async ({
    page,
  }) => {
    await page.goto('/surveys/families-and-ecdp-members/');
    await tabTo(page, page.getByRole('button', { name: 'Use easy read wording' }));
    await page.keyboard.press('Enter');
    await agreeToEverything(page);
    await tabTo(page, page.getByRole('button', { name: 'Start the survey' }));
    await page.keyboard.press('Enter');

    // One question a page: choose the first option or write a line, then Continue, by keys alone.
    for (let page_ = 0; page_ < 20; page_++) {
      const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
      if (heading.startsWith('Check your answers')) break;
      const input = page.locator('main form input:not([type=hidden]), main form textarea').first();
      await tabTo(page, input);
      if (
        await input.evaluate(
          (el) => el.tagName === 'TEXTAREA' || (el as HTMLInputElement).type === 'text',
        )
      ) {
        await page.keyboard.type('Being told things in plain words.');
      } else {
        await page.keyboard.press('Space');
      }
      await tabTo(page, page.getByRole('button', { name: 'Continue' }));
      await page.keyboard.press('Enter');
      await expect(page.locator('.govuk-error-summary')).toHaveCount(0);
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Check your answers before sending them',
    );
    // The easy-read wording is used on the check page too.
    await expect(page.locator('.govuk-summary-list')).toContainText('Who are you?');
    await tabTo(page, page.getByRole('button', { name: 'Send your answers' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Answers sent');
    expect((await page.locator('[data-receipt]').textContent())!.trim()).toMatch(RECEIPT);
  });

  test('Read aloud speaks the question and its options', async ({ page }) => {
    await page.addInitScript(() => {
      const spoken: string[] = [];
      (window as unknown as { spoken: string[] }).spoken = spoken;
      Object.defineProperty(window, 'speechSynthesis', {
        value: { cancel() {}, speak: (u: { text: string }) => spoken.push(u.text) },
      });
    });
    await page.goto('/surveys/practitioners/');
    await agreeToEverything(page);
    await page.getByRole('button', { name: 'Start the survey' }).click();
    await page.getByRole('button', { name: 'Read aloud: What is your role?' }).click();
    const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toContain('What is your role?');
    expect(spoken[0]).toContain('Social worker');
  });

  test('answers survive a reload on this device, and can be cleared from it', async ({ page }) => {
    await page.goto('/surveys/practitioners/');
    await agreeToEverything(page);
    await page.getByRole('button', { name: 'Start the survey' }).click();
    await page.getByLabel('Police').check();
    await page.reload();
    await expect(page.getByText('We kept the answers you started on this device')).toBeVisible();
    await expect(page.getByLabel('Police')).toBeChecked();

    await page.getByRole('button', { name: 'Clear my answers from this device' }).click();
    await expect(page.getByRole('button', { name: 'Start the survey' })).toBeVisible();
    await page.reload();
    await expect(page.getByText('We kept the answers you started')).toHaveCount(0);
    await expect(page.getByRole('checkbox').first()).not.toBeChecked();
  });

  test('a survey sent while offline arrives once the connection is back, exactly once', async ({
    page,
    context,
  }) => {
    await page.goto('/surveys/practitioners/');
    await agreeToEverything(page);
    await page.getByRole('button', { name: 'Start the survey' }).click();
    await answerPractitioners(page);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Send your answers' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'You seem to be offline' }),
    ).toBeVisible();
    const queued = await page.evaluate(() => JSON.parse(localStorage.getItem('sg-outbox') ?? '[]'));
    expect(queued).toHaveLength(1);

    // The connection comes back; the page sends what was waiting without being asked.
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Answers sent', {
      timeout: 15_000,
    });
    const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
    expect(receipt).toMatch(RECEIPT);
    expect(await page.evaluate(() => localStorage.getItem('sg-outbox'))).toBe('[]');

    // Exactly once: the same submission sent again is recognised, not stored a second time.
    const replay = await page.request.post(queued[0].url, { data: queued[0].body });
    expect(replay.status()).toBe(200);
    expect(await replay.json()).toEqual({ receipt });
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the survey is completed and stored with plain form posts, errors and all', async ({
    page,
  }) => {
    // Eleven pages, each a post and a redirect: more than the default on a busy machine.
    await page.goto('/surveys/practitioners/');
    await page.getByRole('button', { name: 'Start the survey' }).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator('.govuk-error-summary')).toBeFocused();
    await expectNoAxeViolations(page, 'consent error without JavaScript');
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Start the survey' }).click();

    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary')).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoAxeViolations(page, 'question error without JavaScript');
    await answerPractitioners(page, {
      'How is information': async () => {
        await expect(page.locator('.govuk-character-count__message').first()).toHaveText(
          'You can enter up to 1500 characters',
        );
        await page.locator('#answer-how-information-is-shared').fill('Secure email');
      },
      'When did you last': async () => {
        await page.locator('#answer-last-multi-agency-meeting').fill('12');
        await page.locator('#answer-last-multi-agency-meeting-month').fill('Oct');
        await page.locator('#answer-last-multi-agency-meeting-year').fill('2026');
      },
    });

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Check your answers before sending them',
    );
    await expect(page.locator('.govuk-summary-list')).toContainText('12 October 2026');
    await expectNoAxeViolations(page, 'check answers without JavaScript');
    await page.getByRole('button', { name: 'Change your answer to: What is your role?' }).click();
    await expect(page.getByLabel('Social worker')).toBeChecked();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Send your answers' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Answers sent');
    const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
    expect(receipt).toMatch(RECEIPT);
    await expectNoAxeViolations(page, 'confirmation without JavaScript');

    // Reloading the confirmation shows the same receipt: nothing is sent a second time.
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    await expect(page.locator('[data-receipt]')).toHaveText(receipt);

    await page.goto('/withdraw/');
    await page.getByLabel('Your receipt code').fill(receipt);
    await page.getByRole('button', { name: 'Withdraw my answers' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('deleted');
  });
});

/**
 * Answers the practitioners survey a page at a time, from its first question to the check page:
 * the first option, a line of text, or nothing for optional questions; `special` answers the
 * questions whose heading starts with its key instead.
 */
async function answerPractitioners(page: Page, special: Record<string, () => Promise<void>> = {}) {
  const heading = page.getByRole('heading', { level: 1 });
  for (let step = 0; step < 15; step++) {
    const text = (await heading.textContent()) ?? '';
    if (text.startsWith('Check your answers')) return;
    const own = Object.entries(special).find(([start]) => text.startsWith(start));
    if (own) await own[1]();
    else if (!text.endsWith('(optional)')) {
      const first = page
        .locator('main form')
        .getByRole('radio')
        .or(page.locator('main form').getByRole('checkbox'))
        .first();
      const box = page.locator('main form textarea').first();
      if ((await box.count()) > 0) await box.fill('By phone');
      else await first.check();
    }
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(heading).not.toHaveText(text);
  }
}
