import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../src/lib/atomFeed.ts';

const feed = () =>
  atomFeed({
    title: 'Safeguarding 2.0: project updates',
    subtitle: 'News from the project.',
    path: '/updates/',
    feedPath: '/updates/feed.xml',
    siteUrl: 'https://safeguarding2.example',
    entries: [
      {
        title: 'Older: <ECDP> & us',
        path: '/updates/older/',
        summary: 'A summary with <angle brackets> & an ampersand, kept as words.',
        date: new Date('2026-11-02T00:00:00Z'),
        author: 'The Safeguarding 2.0 team',
        html: '<p>The <strong>whole</strong> text.</p>',
      },
      {
        title: 'Newer',
        path: '/updates/newer/',
        summary: 'The newest update comes first in the feed.',
        date: new Date('2026-11-16T00:00:00Z'),
        author: 'ECDP',
      },
    ],
  });

describe('atomFeed', () => {
  it('is an Atom feed a feed reader parses, newest first, with whole addresses', () => {
    const parsed = parseFeed(feed());
    expect(parsed.meta.type).toBe('atom');
    expect(parsed.title).toBe('Safeguarding 2.0: project updates');
    expect(parsed.url).toBe('https://safeguarding2.example/updates/');
    expect(parsed.self).toBe('https://safeguarding2.example/updates/feed.xml');
    expect(parsed.updated?.toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(parsed.items.map((item) => item.url)).toEqual([
      'https://safeguarding2.example/updates/newer/',
      'https://safeguarding2.example/updates/older/',
    ]);
    expect(parsed.items[1].authors.map((a) => a.name)).toEqual(['The Safeguarding 2.0 team']);
  });

  it('plain-text titles and summaries stay words, never markup', () => {
    const older = parseFeed(feed()).items[1];
    expect(older.title).toBe('Older: <ECDP> & us');
    expect(older.description).toBe(
      'A summary with <angle brackets> & an ampersand, kept as words.',
    );
    expect(older.content).toContain('<strong>whole</strong>');
  });
});
