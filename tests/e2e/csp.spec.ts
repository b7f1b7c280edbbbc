import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, test, type Page } from '@playwright/test';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';
import { agreeToEverything } from './keyboard.ts';
import { watchPolicyViolations } from './policyViolations.ts';
import { signInAsNewResearcher } from './researchers.ts';
import { routesUnder } from './routes.ts';
import { EXIT_URL, fakeExitSite } from './site.ts';

/**
 * Every kind of page, with JavaScript, under the site's real Content-Security-Policy (served by
 * `node scripts/serve.ts`, as in production): nothing the site does may be blocked or complained
 * about. A blocked script would silently take away the survey's draft saving, Exit this page or
 * the error summary's focus, so "no violation" is what keeps those working.
 */

function journeyConsentIds(): string[] {
  const file = path.resolve(
    import.meta.dirname,
    '../../content/journeys/child-protection-journey.yml',
  );
  const activity = parse(readFileSync(file, 'utf8')) as {
    consent: { statements: { id: string }[] };
  };
  return activity.consent.statements.map((s) => s.id);
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
  await page.waitForLoadState('load');
}

test('every participant page, derived from src/pages, and the not-found page', async ({
  page,
  request,
}) => {
  const violations = await watchPolicyViolations(page);
  const routes = routesUnder().filter((r) => !/^\/(api|research|admin)\//.test(r));
  // The Atom feeds are for feed readers: Chromium's own XML viewer would break the policy, not
  // the feed, so their policy header is checked without opening them.
  const feeds = routes.filter((r) => r.endsWith('.xml'));
  expect(feeds).toEqual(['/findings/feed.xml', '/updates/feed.xml']);
  for (const feed of feeds) {
    const headers = (await request.get(feed)).headers();
    expect(headers['content-security-policy'], feed).toContain("default-src 'none'");
  }
  const pages = routes.filter((r) => !feeds.includes(r));
  expect(pages).toEqual(expect.arrayContaining(['/', '/findings/', '/preferences/']));
  for (const path of [...pages, '/findings/families-want-plain-words/', '/no-such-page/']) {
    await visit(page, path);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  expect(violations).toEqual([]);
});

test('the survey island: consent errors, questions, and a fetch to the API', async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  await visit(page, '/surveys/practitioners/');
  await page.getByRole('button', { name: 'Start the survey' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await agreeToEverything(page);
  await page.getByRole('button', { name: 'Start the survey' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is your role?');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  // The island posts JSON from the page: under no-referrer the browser hides Origin, and the
  // request must still count as ours (422 for the empty answers, not 403).
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/surveys/practitioners/responses', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: {}, consent: {}, submissionId: crypto.randomUUID() }),
    });
    return response.status;
  });
  expect(status).toBe(422);
  expect(violations).toEqual([]);
});

test('the journey island draws its map', async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  await visit(page, '/journeys/child-protection-journey/');
  await agreeToEverything(page);
  await page.getByLabel('With a blank map').check();
  await page.getByRole('button', { name: 'Start your map' }).click();
  await page.locator('#stage-0-name').fill('First call');
  await page.locator('#stage-0-feeling').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Parent or carer', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('[data-curve] circle')).toHaveCount(1);
  expect(violations).toEqual([]);
});

test('preferences, a server-rendered error summary, and Exit this page', async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  await fakeExitSite(page);
  await visit(page, '/preferences/');
  await page.getByRole('radio', { name: 'Largest' }).check();
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await expect(page.getByText('Your display preferences are saved.')).toBeVisible();

  // A no-JavaScript form post, answered with an error summary that a script focuses.
  await visit(page, '/withdraw/');
  await page.getByRole('button', { name: 'Withdraw my answers' }).click();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();

  await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
  await page.waitForURL(`${EXIT_URL}**`);
  expect(violations).toEqual([]);
});

test('the researcher workspace with its charts, signed in as an administrator', async ({
  page,
  request,
}) => {
  // Something to chart: one survey response and one journey map.
  const answers = await request.post('/api/surveys/practitioners/responses', {
    data: practitionersSubmission(),
  });
  const map = await request.post('/api/journeys/child-protection-journey/maps', {
    data: {
      submissionId: randomUUID(),
      role: 'parent-or-carer',
      consent: Object.fromEntries(journeyConsentIds().map((id) => [id, true])),
      stages: [
        { name: 'A first worry', feeling: 2, who: [] },
        { name: 'Assessment', feeling: 4, who: [] },
      ],
    },
  });
  expect([answers.status(), map.status()]).toEqual([201, 201]);

  const violations = await watchPolicyViolations(page);
  await signInAsNewResearcher(page, 'csp', 'admin');
  // Every workspace page (downloads and sign-in/out aside), derived from src/pages.
  const pages = routesUnder('research').filter((r) => !/\.\w+$|\/log(in|out)\/$/.test(r));
  expect(pages.length).toBeGreaterThan(10);
  for (const path of pages) {
    await visit(page, path);
    expect(page.url(), path).toContain(path);
  }
  await visit(page, '/research/surveys/practitioners/');
  await expect(page.locator('svg').first()).toBeVisible();
  await visit(page, '/research/journeys/child-protection-journey/');
  await expect(page.locator('[data-curve], svg').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('the content editor loads Decap under its own policy', async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  const response = await page.goto('/admin/');
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  await expect(page.getByRole('button', { name: /Login/ })).toBeVisible({ timeout: 30_000 });
  expect(violations).toEqual([]);
});

test('a script injected into a page does not run', async ({ page }) => {
  const violations = await watchPolicyViolations(page);
  await visit(page, '/about/');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__sgInjected = true';
    document.body.append(script);
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="/favicon.svg" onload="window.__sgInjected = true">';
    document.body.append(holder);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return (window as unknown as { __sgInjected?: boolean }).__sgInjected === true;
  });
  expect(ran).toBe(false);
  expect(violations.join('\n')).toMatch(/script-src-elem blocked inline/);
  expect(violations.join('\n')).toMatch(/script-src-attr blocked inline/);
});
