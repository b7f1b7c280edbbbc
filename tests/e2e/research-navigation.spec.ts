import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe.ts';
import { pageSignedInAs, signInAsNewResearcher } from './researchers.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';
import { workspaceHtmlPages, workspacePages } from './workspaceRoutes.ts';

const JOURNEY = 'child-protection-journey';
const PROTOTYPE = 'shared-family-timeline';
/** A real activity for each kind of [slug], so every page renders for real. */
const SLUGS: Record<string, string> = {
  surveys: 'practitioners',
  journeys: JOURNEY,
  prototypes: PROTOTYPE,
};
const ADMIN_LINKS = ['Researcher accounts', 'Audit log'];
const LINKS = ['Overview', 'Safeguarding flags', 'Moderation', 'Your account', ...ADMIN_LINKS];

/** Something of each kind to open: a flagged survey response, a map and a comment. */
async function seed(page: Page) {
  const survey = await page.request.post('/api/surveys/practitioners/responses', {
    data: practitionersSubmission({
      'how-information-is-shared': 'A boy told me his stepdad hits me when mum is out.',
    }),
  });
  expect(survey.status()).toBe(201);
  const yml = parseYaml(
    readFileSync(
      path.resolve(import.meta.dirname, `../../content/journeys/${JOURNEY}.yml`),
      'utf8',
    ),
  ) as { consent: { statements: { id: string }[] } };
  const map = await page.request.post(`/api/journeys/${JOURNEY}/maps`, {
    data: {
      submissionId: randomUUID(),
      role: 'parent-or-carer',
      consent: Object.fromEntries(yml.consent.statements.map((s) => [s.id, true])),
      stages: [
        { name: 'Assessment', feeling: 2, who: [], happened: '', helped: '', wouldHaveHelped: '' },
      ],
    },
  });
  expect(map.status()).toBe(201);
  const comment = await page.request.post(`/api/prototypes/${PROTOTYPE}/feedback`, {
    data: {
      submissionId: randomUUID(),
      role: 'ecdp-member',
      comment: 'Clear and calm.',
      consentShow: true,
      nameChoice: 'anonymous',
    },
  });
  expect(comment.status()).toBe(201);
}

/** The page's URL: real slugs, and for [id] the first record the page above it links to. */
async function realUrl(page: Page, pattern: string): Promise<string> {
  const url = pattern.replace(/(\w+)\/\[slug\]/, (_, kind: string) => `${kind}/${SLUGS[kind]}`);
  if (!url.includes('[id]')) return url;
  const prefix = url.slice(0, url.indexOf('[id]'));
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A record is listed on its own folder's page (flags) or on its activity's (responses, maps).
  for (const listing of [prefix, prefix.replace(/[\w-]+\/$/, '')]) {
    const response = await page.goto(listing);
    if (response?.status() !== 200) continue;
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const found = hrefs.find((href) => new RegExp(`^${escaped}\\d+/?(#.*)?$`).test(href));
    if (found) return url.replace('[id]', found.slice(prefix.length).replace(/[/#].*$/, '')) + '/';
  }
  throw new Error(`No record to open for ${pattern}`);
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await seed(page);
  await page.close();
});

test('the list of workspace pages is the one the sign-in guard checks', () => {
  expect(workspacePages.filter((url) => url.endsWith('/')).length).toBeGreaterThan(10);
});

// One test a page, so a slow machine never runs one test past its time limit.
for (const pattern of workspaceHtmlPages) {
  test(`${pattern} carries the workspace header and menu, and passes axe`, async ({ browser }) => {
    const { page, email } = await pageSignedInAs(browser, 'admin');
    const url = await realUrl(page, pattern);
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    const menu = page.getByRole('navigation', { name: 'Workspace' });
    await expect(menu.getByRole('link')).toHaveText(LINKS);
    await expect(page.getByRole('navigation', { name: 'Activities' })).toBeVisible();
    // The public site's menu is not the workspace's.
    await expect(page.getByRole('navigation', { name: 'Menu' })).toHaveCount(0);
    await expect(page.getByRole('banner')).toContainText('Researcher workspace');
    if (!url.startsWith('/research/logout')) {
      await expect(page.getByRole('banner')).toContainText(`Signed in as ${email}`);
    }
    expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
    await page.context().close();
  });
}

test('the menu marks where you are, reaches every activity, and signs out in one step', async ({
  page,
}) => {
  await signInAsNewResearcher(page, 'nav-researcher');
  const menu = page.getByRole('navigation', { name: 'Workspace' });
  // Only administrators see the admin pages.
  await expect(menu.getByRole('link')).toHaveText(LINKS.filter((l) => !ADMIN_LINKS.includes(l)));
  await expect(menu.getByRole('link', { name: 'Overview' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  await menu.getByRole('link', { name: 'Moderation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moderation');
  await expect(menu.getByRole('link', { name: 'Moderation' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  const activities = page.getByRole('navigation', { name: 'Activities' });
  await activities.getByText('Activities').click();
  await activities
    .getByRole('link', { name: /practitioners/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/research\/surveys\/practitioners\/$/);

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/research\/login\?signed-out$/);
  await page.goto('/research/');
  await expect(page).toHaveURL(/\/research\/login/);
});
