/** One page of a long list that is built as static pages, with links to its neighbours. */
export interface ListPage<T> {
  items: T[];
  /** 1 for the first page. */
  page: number;
  pages: number;
  prev?: string;
  next?: string;
}

/** Every page of `items`, `perPage` each (an empty list still has its first page). */
export function listPages<T>(
  items: readonly T[],
  perPage: number,
  href: (page: number) => string,
): ListPage<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: pages }, (_, i) => ({
    items: items.slice(i * perPage, (i + 1) * perPage),
    page: i + 1,
    pages,
    prev: i > 0 ? href(i) : undefined,
    next: i + 1 < pages ? href(i + 2) : undefined,
  }));
}
