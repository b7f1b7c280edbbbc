import { parseFeed } from '@rowanmanning/feed-parser';
import { expect, test } from '@playwright/test';
import { axeViolations } from './axe.ts';

// The site's own address in content/settings/site.yml; feeds link to whole addresses under it.
const SITE_URL = 'https://safeguarding2.example';

test('project updates are listed newest first, each with its page, and the latest three are on the home page', async ({
  page,
}) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Menu' })
    .getByRole('link', { name: 'Updates' })
    .click();
  await expect(page).toHaveURL(/\/updates\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Project updates');
  const titles = page.locator('.sg-card h2');
  await expect(titles).toHaveText([
    'Essex Coalition of Disabled People offers to help',
    'Why we started Safeguarding 2.0',
  ]);
  await expect(page.locator('.sg-card').first()).toContainText(
    '16 November 2026, by The Safeguarding 2.0 team',
  );
  expect(await axeViolations(page, { bestPractice: true })).toEqual([]);

  await page
    .getByRole('link', { name: 'Essex Coalition of Disabled People offers to help' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Essex Coalition of Disabled People offers to help',
  );
  await expect(page.getByText(/ECDP.s Lived Experience Officer will:/)).toBeVisible();
  // What the update is about links to the survey and the finding it names.
  await expect(page.locator('h2:text("Read more") + ul a')).toHaveText([
    "Your experience of children's services: a survey for families and disabled people",
    'Families want to be told things in plain words',
  ]);
  expect(await axeViolations(page, { bestPractice: true })).toEqual([]);
  await page.getByRole('link', { name: 'Families want to be told things in plain words' }).click();
  await expect(page).toHaveURL(/\/findings\/families-want-plain-words\/$/);

  await page.goto('/');
  const news = page.getByRole('heading', { name: 'News from the project' });
  await expect(news).toBeVisible();
  await expect(page.locator('h2:text("News from the project") + ul h3')).toHaveText([
    'Essex Coalition of Disabled People offers to help',
    'Why we started Safeguarding 2.0',
  ]);
});

for (const { feed, title, listing } of [
  { feed: '/updates/feed.xml', title: 'Project updates', listing: '/updates/' },
  { feed: '/findings/feed.xml', title: 'Findings', listing: '/findings/' },
]) {
  test(`${title}: a feed reader parses the feed, and every entry's link opens its page`, async ({
    page,
    request,
  }) => {
    const response = await request.get(feed);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/xml/);
    const parsed = parseFeed(await response.text());
    expect(parsed.meta.type).toBe('atom');
    expect(parsed.url).toBe(SITE_URL + listing);
    expect(parsed.items.length).toBeGreaterThan(0);
    const dates = parsed.items.map((item) => item.published?.getTime() ?? item.updated!.getTime());
    expect(dates, 'newest first').toEqual([...dates].sort((a, b) => b - a));
    for (const item of parsed.items) {
      expect(item.url?.startsWith(SITE_URL + listing), item.url ?? '').toBe(true);
      const path = item.url!.slice(SITE_URL.length);
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(item.title!);
      expect(item.content, `${path} carries its whole text`).toBeTruthy();
    }
  });
}
