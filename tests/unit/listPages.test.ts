import { describe, expect, it } from 'vitest';
import { listPages } from '../../src/lib/listPages.ts';

const href = (page: number) => (page === 1 ? '/updates/' : `/updates/page/${page}/`);

describe('listPages', () => {
  it('splits a list into pages that link to their neighbours', () => {
    const pages = listPages([1, 2, 3, 4, 5], 2, href);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((p) => [p.prev, p.next])).toEqual([
      [undefined, '/updates/page/2/'],
      ['/updates/', '/updates/page/3/'],
      ['/updates/page/2/', undefined],
    ]);
    expect(pages.every((p) => p.pages === 3)).toBe(true);
  });

  it('an empty list still has its first page, with no links', () => {
    expect(listPages([], 10, href)).toEqual([
      { items: [], page: 1, pages: 1, prev: undefined, next: undefined },
    ]);
  });

  it('a full last page makes no empty page after it', () => {
    expect(listPages([1, 2, 3, 4], 2, href)).toHaveLength(2);
  });
});
