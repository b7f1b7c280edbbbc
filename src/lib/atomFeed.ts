import { Feed } from 'feed';

export interface FeedEntry {
  title: string;
  /** The entry's page on this site, e.g. /updates/why-we-started/. */
  path: string;
  summary: string;
  date: Date;
  author: string;
  /** The entry's body as HTML, for readers that show the whole text. */
  html?: string;
}

export interface FeedOptions {
  title: string;
  subtitle: string;
  /** The listing page on this site, e.g. /updates/. */
  path: string;
  /** The feed's own address on this site, e.g. /updates/feed.xml. */
  feedPath: string;
  siteUrl: string;
  entries: readonly FeedEntry[];
}

// The library marks titles and summaries as HTML; ours are plain text, so "<" stays a "<".
const asHtml = (plain: string) =>
  plain.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * An Atom 1.0 feed, built by the `feed` library (escaping, dates and the format's required
 * elements are its job). Links are whole addresses under `siteUrl`, because a feed is read in
 * another program with no page address to resolve them against. Newest entry first.
 */
export function atomFeed({
  title,
  subtitle,
  path,
  feedPath,
  siteUrl,
  entries,
}: FeedOptions): string {
  const sorted = [...entries].sort((a, b) => b.date.getTime() - a.date.getTime());
  const feed = new Feed({
    title,
    description: subtitle,
    id: siteUrl + path,
    link: siteUrl + path,
    language: 'en-GB',
    copyright: '',
    updated: sorted[0]?.date ?? new Date(0),
    feedLinks: { atom: siteUrl + feedPath },
  });
  for (const entry of sorted) {
    feed.addItem({
      title: asHtml(entry.title),
      id: siteUrl + entry.path,
      link: siteUrl + entry.path,
      description: asHtml(entry.summary),
      content: entry.html,
      date: entry.date,
      author: [{ name: entry.author }],
    });
  }
  return feed.atom1();
}
