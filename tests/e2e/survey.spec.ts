import { axeViolations } from './axe.ts';
import { agreeToEverything, tabTo } from './keyboard.ts';
import { expect, test, type Page } from '@playwright/test';

const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

async function expectNoAxeViolations(page: Page, state: string) {
  const javaScript = !state.includes('without JavaScript');
  expect(await axeViolations(page, { javaScript }), `axe on ${state}`).toEqual([]);
}

test.describe('with JavaScript', () => {
  test('a practitioner completes the survey by keyboard, gets a receipt and withdraws', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto('/surveys/practitioners/');
    await expectNoAxeViolations(page, 'the first page');

    // An empty start: the summary takes focus, the title says Error, each link reaches its box.
    await tabTo(page, page.getByRole('button', { name: 'Start the survey' }));
    await page.keyboard.press('Enter');
    const summary = page.locator('.govuk-error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('heading')).toHaveText('There is a problem');
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoAxeViolations(page, 'the consent error state');
    await summary.getByRole('link').first().click();
    await expect(page.getByRole('checkbox').first()).toBeFocused();
    expect(page.url()).not.toContain('#');

    await agreeToEverything(page);
    await tabTo(page, page.getByRole('button', { name: 'Start the survey' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your answers');
    await expect(page).toHaveTitle(/^Questions – /);
    await expectNoAxeViolations(page, 'the questions page');

    // Nothing is checked while typing or leaving a field: only on Continue.
    await tabTo(page, page.locator('#answer-how-information-is-shared'));
    await page.keyboard.type('x');
    await page.keyboard.press('Tab');
    await expect(page.locator('.govuk-error-message')).toHaveCount(0);
    await page.locator('#answer-how-information-is-shared').fill('');

    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await page.keyboard.press('Enter');
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole('link', { name: 'Select an answer to: What is your role' }),
    ).toBeVisible();
    await expect(page.locator('#answer-role-error')).toHaveText(
      'Error: Select an answer to: What is your role',
    );
    await expectNoAxeViolations(page, 'the questions error state');

    await tabTo(page, page.locator('#answer-role'));
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('#answer-years-in-role'));
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('#answer-how-information-is-shared'));
    await page.keyboard.type('Mostly by phone and secure email.');
    await tabTo(page, page.locator('#answer-what-gets-in-the-way'));
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('#answer-confidence-sharing'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // The conditional question appears only after "Yes".
    await expect(page.locator('#answer-digital-tool-experience')).toHaveCount(0);
    await tabTo(page, page.locator('#answer-used-digital-tool'));
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('#answer-digital-tool-experience'));
    await page.keyboard.type('A shared case system. Good search, slow to load.');
    await tabTo(page, page.locator('#answer-one-thing-that-would-help'));
    await page.keyboard.type('One place to see who else is involved.');
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Check your answers before sending them',
    );
    const rows = page.locator('.govuk-summary-list__row');
    await expect(rows.filter({ hasText: 'What is your role?' })).toContainText('Social worker');
    await expect(rows.filter({ hasText: 'How confident' })).toContainText('4');
    await expect(rows.filter({ hasText: 'caseload' })).toContainText('Not provided');
    await expect(
      page.getByRole('button', { name: 'Change your answer to: What is your role?' }),
    ).toBeVisible();
    await expectNoAxeViolations(page, 'check answers');

    await tabTo(page, page.getByRole('button', { name: 'Send your answers' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Answers sent');
    const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
    expect(receipt).toMatch(RECEIPT);
    await expectNoAxeViolations(page, 'the confirmation');

    // The draft is gone once sent.
    await page.goto('/surveys/practitioners/');
    await expect(page.getByText('We kept the answers you started')).toHaveCount(0);

    await page.goto('/withdraw/');
    await page.getByLabel('Your receipt code').fill(receipt.toLowerCase().replaceAll('-', ' '));
    await page.getByRole('button', { name: 'Withdraw my answers' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('deleted');
    await expectNoAxeViolations(page, 'withdrawal done');
  });

  test('one question a page: progress, back, easy read, and skipped questions', async ({
    page,
  }) => {
    await page.goto('/surveys/families-and-ecdp-members/');
    await page.getByRole('button', { name: 'Use easy read wording' }).click();
    await expect(page.getByText('I know what this survey is about.')).toBeVisible();
    await agreeToEverything(page);
    await page.getByRole('button', { name: 'Start the survey' }).click();

    await expect(page.getByText(/^Question 1 of \d+$/)).toBeVisible();
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
        (await page.getByText(new RegExp(`^Question ${n} of \\d+$`)).textContent())!.match(
          /of (\d+)/,
        )![1],
      );
    const withoutContact = await countOf(2);
    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // "No" skips the questions about contact.
    await expect(page.getByText(`Question 3 of ${withoutContact}`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(
      'What kind of contact did you have?',
    );

    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByLabel('No', { exact: true })).toBeChecked();
    // "Yes" asks them: more questions in all, and the next one is about the contact.
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'What kind of contact did you have?',
    );
    expect(await countOf(3)).toBeGreaterThan(withoutContact);
  });

  test('families and ECDP members complete their survey by keyboard, in easy read', async ({
    page,
  }) => {
    test.setTimeout(180_000);
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
    await page.locator('#answer-how-information-is-shared').fill('Kept on my phone');
    await page.reload();
    await expect(page.getByText('We kept the answers you started on this device')).toBeVisible();
    await expect(page.locator('#answer-how-information-is-shared')).toHaveValue('Kept on my phone');

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
    await page.getByLabel('Social worker').check();
    await page.getByLabel('Less than 1 year').check();
    await page.locator('#answer-how-information-is-shared').fill('By phone');
    await page.getByLabel('Not enough time').check();
    await page.getByLabel('3', { exact: true }).check();
    await page.getByLabel('No', { exact: true }).check();
    await page.locator('#answer-one-thing-that-would-help').fill('Time');
    await page.getByRole('button', { name: 'Continue' }).click();

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
    await page.goto('/surveys/practitioners/');
    await page.getByRole('button', { name: 'Start the survey' }).click();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator('.govuk-error-summary')).toBeFocused();
    await expectNoAxeViolations(page, 'consent error without JavaScript');
    for (const box of await page.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: 'Start the survey' }).click();

    // Every question is on the page; the conditional one says when it applies.
    await expect(page.getByText('Only answer this if you answered ‘Yes’')).toBeVisible();
    await expect(page.locator('.govuk-character-count__message').first()).toHaveText(
      'You can enter up to 1500 characters',
    );
    await page.getByLabel('Social worker').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.govuk-error-summary')).toBeFocused();
    await expect(page.getByLabel('Social worker')).toBeChecked();
    await expectNoAxeViolations(page, 'questions error without JavaScript');

    await page.getByLabel('1 to 3 years').check();
    await page.locator('#answer-how-information-is-shared').fill('Secure email');
    await page.getByLabel('None of these').check();
    await page.getByLabel('5 – Very confident').check();
    await page.getByLabel('No', { exact: true }).check();
    // Answered, but not asked because the answer above was No: skipped, not stored.
    await page.locator('#answer-digital-tool-experience').fill('Should be dropped');
    await page.locator('#answer-last-multi-agency-meeting').fill('12');
    await page.locator('#answer-last-multi-agency-meeting-month').fill('Oct');
    await page.locator('#answer-last-multi-agency-meeting-year').fill('2026');
    await page.locator('#answer-one-thing-that-would-help').fill('More time with families');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Check your answers before sending them',
    );
    await expect(page.getByText('Should be dropped')).toHaveCount(0);
    await expect(page.locator('.govuk-summary-list')).toContainText('12 Oct 2026');
    await expectNoAxeViolations(page, 'check answers without JavaScript');
    await page.getByRole('button', { name: 'Change your answer to: What is your role?' }).click();
    await expect(page.getByLabel('Social worker')).toBeChecked();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Send your answers' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Answers sent');
    const receipt = (await page.locator('[data-receipt]').textContent())!.trim();
    expect(receipt).toMatch(RECEIPT);
    await expectNoAxeViolations(page, 'confirmation without JavaScript');

    // Resending the same page (reload after a post) gives the same receipt, not a second copy.
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    await expect(page.locator('[data-receipt]')).toHaveText(receipt);

    await page.goto('/withdraw/');
    await page.getByLabel('Your receipt code').fill(receipt);
    await page.getByRole('button', { name: 'Withdraw my answers' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('deleted');
  });
});
