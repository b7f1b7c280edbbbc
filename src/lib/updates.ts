import { getCollection, type CollectionEntry } from 'astro:content';
import type { Update } from '../schemas/index.ts';
import { atomFeed } from './atomFeed.ts';
import type { Source } from './contentLinks.ts';
import { titledLinks } from './titledLinks.ts';
import { listPages } from './listPages.ts';
import { getSettings } from './site.ts';

export const UPDATES_PER_PAGE = 10;

/** Where page `n` of the updates list lives: the first at /updates/, then /updates/page/n/. */
export const updatesPageHref = (page: number) =>
  page === 1 ? '/updates/' : `/updates/page/${page}/`;

/** Every update, newest first (same day: by title, so the order never changes between builds). */
export async function newestUpdates(): Promise<CollectionEntry<'updates'>[]> {
  return (await getCollection('updates')).sort(
    (a, b) =>
      b.data.date.getTime() - a.data.date.getTime() || a.data.title.localeCompare(b.data.title),
  );
}

/** The updates list, page by page. */
export async function updatesPages() {
  return listPages(await newestUpdates(), UPDATES_PER_PAGE, updatesPageHref);
}

/** What an update is about, as titled links; a name that matches no entry stops the build. */
export async function updateLinks(updateId: string, update: Update): Promise<Source[]> {
  const owner = `content/updates/${updateId}.md`;
  return [
    ...(await titledLinks(owner, 'surveys', update.surveys)),
    ...(await titledLinks(owner, 'journeys', update.journeys)),
    ...(await titledLinks(owner, 'prototypes', update.prototypes)),
    ...(await titledLinks(owner, 'findings', update.findings)),
  ];
}

/** The project's feeds, for `<link rel="alternate">` on every page and the feed routes. */
export const FEEDS = [
  { href: '/updates/feed.xml', title: 'Project updates' },
  { href: '/findings/feed.xml', title: 'Findings' },
] as const;

/** The Atom feed of updates, with each update's whole text. */
export async function updatesFeed(): Promise<string> {
  const { siteUrl, siteName } = await getSettings();
  return atomFeed({
    title: `${siteName}: project updates`,
    subtitle: 'News from the project: what we are doing, who is helping, and what comes next.',
    path: '/updates/',
    feedPath: FEEDS[0].href,
    siteUrl,
    entries: (await newestUpdates()).map((entry) => ({
      title: entry.data.title,
      path: `/updates/${entry.id}/`,
      summary: entry.data.summary,
      date: entry.data.date,
      author: entry.data.author,
      html: entry.rendered?.html,
    })),
  });
}

/** The Atom feed of findings ("you said, we did"), with each finding's whole text. */
export async function findingsFeed(): Promise<string> {
  const { siteUrl, siteName, researchLead } = await getSettings();
  return atomFeed({
    title: `${siteName}: findings`,
    subtitle: 'What people told us, and what we did about it.',
    path: '/findings/',
    feedPath: FEEDS[1].href,
    siteUrl,
    entries: (await getCollection('findings')).map((entry) => ({
      title: entry.data.title,
      path: `/findings/${entry.id}/`,
      summary: entry.data.summary,
      date: entry.data.date,
      author: researchLead,
      html: entry.rendered?.html,
    })),
  });
}
