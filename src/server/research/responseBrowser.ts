import type { DatabaseSync } from 'node:sqlite';

/**
 * The response browser (issue 15, item 2): an activity's responses, journey maps or pieces of
 * feedback, a page at a time, filtered, by their number within the activity (see
 * src/server/migrations/activityNumbers.ts), with the neighbours of each for next and previous.
 * Only numbers, dates and yes/no facts leave here, never a participant's words.
 */

export type BrowsedKind = 'survey' | 'journey' | 'prototype';

export const PAGE_SIZE = 25;

export interface BrowserFilter {
  /** A participant role's value, one of those the page offers. */
  role?: string;
  /** Inclusive YYYY-MM-DD bounds on the day received. */
  from?: string;
  to?: string;
  /** Only those with (yes) or without (no) a safeguarding flag, open or closed. */
  flagged?: 'yes' | 'no';
  /** Only those with (yes) or without (no) a code on any answer. Not for prototype feedback. */
  coded?: 'yes' | 'no';
}

export interface BrowsedRow {
  number: number;
  receivedOn: string;
  /** The role's value as stored, or '' when the person did not say. */
  role: string;
  flagged: boolean;
  coded: boolean;
}

export interface BrowsedPage {
  rows: BrowsedRow[];
  /** How many match the filter, over all pages. */
  total: number;
  /** 1-based, within 1..pages. */
  page: number;
  pages: number;
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const YES_NO = ['yes', 'no'] as const;

export type ParsedBrowserQuery =
  { ok: true; filter: BrowserFilter; page: number } | { ok: false; field: string; error: string };

/**
 * Reads the list's query string. Every value that reaches SQL is checked against what the
 * activity allows (docs/reliability.md G10): an unknown role, a malformed date or a page that is
 * not a whole number is refused with a message, never passed on. Empty fields mean "any".
 */
export function parseBrowserQuery(
  params: URLSearchParams,
  roles: readonly string[],
  codable: boolean,
): ParsedBrowserQuery {
  const filter: BrowserFilter = {};
  const role = params.get('role') ?? '';
  if (role !== '') {
    if (!roles.includes(role))
      return { ok: false, field: 'role', error: 'Choose a role from the list.' };
    filter.role = role;
  }
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key) ?? '';
    if (value === '') continue;
    if (!DAY.test(value))
      return { ok: false, field: key, error: `Enter the ${key} date like 2027-01-31.` };
    filter[key] = value;
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    return { ok: false, field: 'from', error: 'The from date must be on or before the to date.' };
  }
  for (const key of codable ? (['flagged', 'coded'] as const) : (['flagged'] as const)) {
    const value = params.get(key) ?? '';
    if (value === '') continue;
    if (!(YES_NO as readonly string[]).includes(value)) {
      return {
        ok: false,
        field: key,
        error: `Choose whether to show ${key} ones from the list.`,
      };
    }
    filter[key] = value as 'yes' | 'no';
  }
  const page = params.get('page') ?? '';
  if (page !== '' && !/^[1-9]\d{0,5}$/.test(page)) {
    return { ok: false, field: 'page', error: 'The page must be a whole number from 1.' };
  }
  return { ok: true, filter, page: page === '' ? 1 : Number(page) };
}

/** The query string that gives this filter (and page), for paging links and next/previous. */
export function browserQuery(filter: BrowserFilter, page = 1): string {
  const params = new URLSearchParams();
  for (const key of ['role', 'from', 'to', 'flagged', 'coded'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

interface Source {
  from: string;
  scope: string;
  role: string;
  flag: string;
  coded: string;
}

/** Where each kind lives: responses (surveys, journey maps) or feedback (prototypes). */
function source(kind: BrowsedKind): Source {
  if (kind === 'prototype') {
    return {
      from: 'feedback r',
      scope: 'r.prototype_slug = :slug',
      role: 'r.role',
      flag: 'EXISTS (SELECT 1 FROM flags f WHERE f.feedback_id = r.id)',
      coded: '0',
    };
  }
  return {
    from: 'responses r',
    scope: 'r.activity_kind = :kind AND r.activity_slug = :slug',
    // Both surveys and journey maps keep the person's role under the question id `role`.
    role: "coalesce(json_extract(r.answers, '$.role'), '')",
    flag: 'EXISTS (SELECT 1 FROM flags f WHERE f.response_id = r.id)',
    coded: `(EXISTS (SELECT 1 FROM answer_codes c WHERE c.response_id = r.id)
      OR EXISTS (SELECT 1 FROM excerpts e WHERE e.response_id = r.id))`,
  };
}

function where(kind: BrowsedKind, filter: BrowserFilter) {
  const s = source(kind);
  const clauses = [s.scope];
  const params: Record<string, string> = { slug: '' };
  if (kind !== 'prototype') params.kind = kind;
  if (filter.role !== undefined) {
    clauses.push(`${s.role} = :role`);
    params.role = filter.role;
  }
  if (filter.from) {
    clauses.push('r.received_on >= :from');
    params.from = filter.from;
  }
  if (filter.to) {
    clauses.push('r.received_on <= :to');
    params.to = filter.to;
  }
  if (filter.flagged) clauses.push(filter.flagged === 'yes' ? s.flag : `NOT ${s.flag}`);
  if (filter.coded && kind !== 'prototype') {
    clauses.push(filter.coded === 'yes' ? s.coded : `NOT ${s.coded}`);
  }
  return { s, sql: clauses.join(' AND '), params };
}

/** One page of the activity's responses matching the filter, lowest number first. */
export function browseResponses(
  db: DatabaseSync,
  kind: BrowsedKind,
  slug: string,
  filter: BrowserFilter,
  page: number,
): BrowsedPage {
  const { s, sql, params } = where(kind, filter);
  params.slug = slug;
  const total = Number(
    (db.prepare(`SELECT count(*) AS n FROM ${s.from} WHERE ${sql}`).get(params) as { n: number }).n,
  );
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = db
    .prepare(
      `SELECT r.number AS number, r.received_on AS receivedOn, ${s.role} AS role,
         ${s.flag} AS flagged, ${s.coded} AS coded
       FROM ${s.from} WHERE ${sql} ORDER BY r.number LIMIT ${PAGE_SIZE} OFFSET ${(current - 1) * PAGE_SIZE}`,
    )
    .all(params) as {
    number: number;
    receivedOn: string;
    role: unknown;
    flagged: number;
    coded: number;
  }[];
  return {
    rows: rows.map((r) => ({
      number: Number(r.number),
      receivedOn: r.receivedOn,
      role: typeof r.role === 'string' ? r.role : '',
      flagged: Boolean(r.flagged),
      coded: Boolean(r.coded),
    })),
    total,
    page: current,
    pages,
  };
}

/**
 * The numbers before and after `number` among the responses matching the filter (so next and
 * previous walk the list the researcher came from), and its place in that list. `position` is
 * undefined when the response itself does not match the filter.
 */
export function neighbours(
  db: DatabaseSync,
  kind: BrowsedKind,
  slug: string,
  number: number,
  filter: BrowserFilter = {},
): { previous?: number; next?: number; position?: number; total: number } {
  const { s, sql, params } = where(kind, filter);
  const row = db
    .prepare(
      `SELECT max(CASE WHEN r.number < :number THEN r.number END) AS previous,
         min(CASE WHEN r.number > :number THEN r.number END) AS next,
         count(*) AS total, coalesce(sum(r.number < :number), 0) AS before,
         coalesce(sum(r.number = :number), 0) AS matches
       FROM ${s.from} WHERE ${sql}`,
    )
    .get({ ...params, slug, number }) as {
    previous: number | null;
    next: number | null;
    total: number;
    before: number;
    matches: number;
  };
  return {
    previous: row.previous === null ? undefined : Number(row.previous),
    next: row.next === null ? undefined : Number(row.next),
    position: Number(row.matches) ? Number(row.before) + 1 : undefined,
    total: Number(row.total),
  };
}

/** One column of the row whose other column (id or number) has this value, in this activity. */
function lookUp(
  db: DatabaseSync,
  kind: BrowsedKind,
  slug: string,
  by: 'id' | 'number',
  value: number,
): number | undefined {
  const s = source(kind);
  const want = by === 'id' ? 'number' : 'id';
  const row = db
    .prepare(`SELECT r.${want} AS v FROM ${s.from} WHERE ${s.scope} AND r.${by} = :value`)
    .get(kind === 'prototype' ? { slug, value } : { kind, slug, value }) as
    { v: number } | undefined;
  return row ? Number(row.v) : undefined;
}

/** The global id of the response with this number in the activity, or undefined. */
export const idOfNumber = (db: DatabaseSync, kind: BrowsedKind, slug: string, number: number) =>
  lookUp(db, kind, slug, 'number', number);

/**
 * The number within its activity of the response with this global id, or undefined when it is
 * not in this activity: how links that only know the id (results pages, flags) reach the
 * response's address.
 */
export const numberOfId = (db: DatabaseSync, kind: BrowsedKind, slug: string, id: number) =>
  lookUp(db, kind, slug, 'id', id);

/**
 * What a list page needs from its query string: the filters read (or refused) and the page of
 * rows, or, for `?id=<global id>` (how pages that only know the id link here), the number to
 * send the researcher on to (null: no such response here, withdrawn or from another activity).
 */
export function browseFromQuery(
  db: DatabaseSync,
  kind: BrowsedKind,
  slug: string,
  params: URLSearchParams,
  roles: readonly string[],
):
  | { redirectTo: number | null }
  | { redirectTo?: undefined; parsed: ParsedBrowserQuery; found?: BrowsedPage } {
  if (params.has('id')) {
    const id = params.get('id') ?? '';
    const number = /^[1-9]\d{0,15}$/.test(id) ? numberOfId(db, kind, slug, Number(id)) : undefined;
    return { redirectTo: number ?? null };
  }
  const parsed = parseBrowserQuery(params, roles, kind !== 'prototype');
  return {
    parsed,
    found: parsed.ok ? browseResponses(db, kind, slug, parsed.filter, parsed.page) : undefined,
  };
}
