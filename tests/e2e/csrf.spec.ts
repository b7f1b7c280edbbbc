import { expect, test } from '@playwright/test';
import { PORT } from '../../playwright.config.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';
import { signInAsNewResearcher } from './researchers.ts';

/**
 * Forms on another website cannot act on this one. `localhost` and `127.0.0.1` are different
 * sites to a browser, so a page served (by the test) as http://localhost plays the attacker
 * against the site at http://127.0.0.1, and Chromium marks its posts as cross-site.
 */
const SITE = `http://127.0.0.1:${PORT}`;
const ATTACKER = `http://localhost:${PORT}/attacker.html`;

function attackerPage(action: string, fields: Record<string, string>) {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
    .join('');
  return `<!doctype html><html lang="en"><title>Win a prize</title>
    <form method="post" action="${SITE}${action}">${inputs}<button>Claim your prize</button></form>`;
}

test("a form on another site cannot withdraw someone's answers", async ({ page, request }) => {
  const created = await request.post('/api/surveys/practitioners/responses', {
    data: practitionersSubmission(),
  });
  const { receipt } = await created.json();

  await page.route(ATTACKER, (route) =>
    route.fulfill({ contentType: 'text/html', body: attackerPage('/withdraw/', { receipt }) }),
  );
  await page.goto(ATTACKER);
  const [answer] = await Promise.all([
    page.waitForResponse(`${SITE}/withdraw/`),
    page.getByRole('button', { name: 'Claim your prize' }).click(),
  ]);
  expect(answer.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your answers were not sent');
  await expect(page.getByRole('button', { name: 'Emergency Exit this page' })).toBeVisible();

  // The answers are still there: their owner can still withdraw them, once.
  const withdrawn = await request.post('/api/withdrawals', { data: { receipt } });
  expect(withdrawn.status()).toBe(200);
});

test('the same form on this site is accepted, though the browser hides its Origin', async ({
  page,
}) => {
  const sent: Record<string, string>[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') sent.push(r.headers());
  });
  await page.goto('/withdraw/');
  await page.getByLabel('Your receipt code').fill('AAAA-BBBB-CCCC-DDDD');
  await page.getByRole('button', { name: 'Withdraw my answers' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('could not find');
  // What no-referrer does to the browser's own post, and why Sec-Fetch-Site is asked first.
  expect(sent[0]?.origin).toBe('null');
});

test('a form on another site cannot change a signed-in researcher’s account', async ({ page }) => {
  await signInAsNewResearcher(page, 'csrf-form');
  await page.route(ATTACKER, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: attackerPage('/research/account/', { action: 'totp-start' }),
    }),
  );
  await page.goto(ATTACKER);
  const [answer] = await Promise.all([
    page.waitForResponse(`${SITE}/research/account/`),
    page.getByRole('button', { name: 'Claim your prize' }).click(),
  ]);
  expect(answer.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your answers were not sent');
});

test('the JSON API refuses another site with a JSON error', async ({ request }) => {
  const attempts: Record<string, string>[] = [
    { Origin: 'https://evil.example' },
    { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' },
  ];
  for (const headers of attempts) {
    const refused = await request.post('/api/surveys/practitioners/responses', {
      data: practitionersSubmission(),
      headers,
    });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({ error: expect.stringMatching(/another website/) });
  }
});
