import type { DatabaseSync } from 'node:sqlite';
import type { AuditRow } from './audit.ts';

/**
 * Reading the audit log at /research/admin/audit/: filtered by who, what and when, a page at a
 * time (so a flood of failed sign-ins cannot push an export out of view), and exported whole.
 * The filter comes from the page's query string; anything it does not know is refused (400)
 * rather than ignored, so a shared link never shows something other than it says.
 */
export const PAGE_SIZE = 50;

/** `anonymous`, `command-line`, or a researcher id. */
export type AuditActorFilter = 'anonymous' | 'command-line' | number;

export interface AuditFilter {
  actor?: AuditActorFilter;
  action?: string;
  /** YYYY-MM-DD, UTC, inclusive. */
  from?: string;
  to?: string;
}

export type FilterResult =
  | { ok: true; filter: AuditFilter; page: number }
  | { ok: false; errors: { field: string; text: string }[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z0-9-]{1,60}$/;
const KNOWN = new Set(['actor', 'action', 'from', 'to', 'page']);

function validDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export function parseAuditQuery(params: URLSearchParams): FilterResult {
  const errors: { field: string; text: string }[] = [];
  const filter: AuditFilter = {};
  for (const key of params.keys()) {
    if (!KNOWN.has(key))
      errors.push({
        field: 'main-content',
        text: `The log cannot be filtered by ${key.slice(0, 40)}`,
      });
  }
  const one = (name: string) => params.get(name)?.trim() || undefined;

  const actor = one('actor');
  if (actor === 'anonymous' || actor === 'command-line') filter.actor = actor;
  else if (actor && /^\d{1,15}$/.test(actor)) filter.actor = Number(actor);
  else if (actor) errors.push({ field: 'actor', text: 'Choose who from the list' });

  const action = one('action');
  if (action && ACTION.test(action)) filter.action = action;
  else if (action) errors.push({ field: 'action', text: 'Choose what from the list' });

  for (const [field, label] of [
    ['from', 'From'],
    ['to', 'To'],
  ] as const) {
    const day = one(field);
    if (day && validDay(day)) filter[field] = day;
    else if (day) errors.push({ field, text: `${label} must be a real date, like 2026-11-27` });
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    errors.push({ field: 'to', text: 'To must be the same as or after From' });
  }

  const pageText = one('page') ?? '1';
  const page = /^\d{1,6}$/.test(pageText) ? Number(pageText) : 0;
  if (page < 1)
    errors.push({ field: 'main-content', text: 'The page must be a whole number from 1' });

  return errors.length > 0 ? { ok: false, errors } : { ok: true, filter, page };
}

const ANONYMOUS = `action IN ('sign-in-failed', 'second-factor-failed')`;

function where(filter: AuditFilter): { sql: string; args: (string | number)[] } {
  const parts: string[] = [];
  const args: (string | number)[] = [];
  if (filter.actor === 'anonymous') {
    parts.push(`(${ANONYMOUS} OR (researcher_id IS NULL AND source = 'web'))`);
  } else if (filter.actor === 'command-line') {
    parts.push(`(researcher_id IS NULL AND source = 'command-line' AND NOT ${ANONYMOUS})`);
  } else if (typeof filter.actor === 'number') {
    parts.push(`(researcher_id = ? AND NOT ${ANONYMOUS})`);
    args.push(filter.actor);
  }
  if (filter.action) {
    parts.push('action = ?');
    args.push(filter.action);
  }
  // `at` is an ISO timestamp in UTC: comparing its first ten characters compares days.
  if (filter.from) {
    parts.push('substr(at, 1, 10) >= ?');
    args.push(filter.from);
  }
  if (filter.to) {
    parts.push('substr(at, 1, 10) <= ?');
    args.push(filter.to);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

const COLUMNS = 'id, at, researcher_id AS researcherId, action, detail, source';

/** One page of matching entries, newest first, and how many match in all. */
export function auditPage(
  db: DatabaseSync,
  filter: AuditFilter,
  page: number,
  pageSize = PAGE_SIZE,
): { rows: AuditRow[]; total: number } {
  const { sql, args } = where(filter);
  const { n } = db.prepare(`SELECT count(*) AS n FROM audit_log ${sql}`).get(...args) as {
    n: number;
  };
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM audit_log ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...args, pageSize, (page - 1) * pageSize) as unknown as AuditRow[];
  return { rows, total: n };
}

/** Every matching entry, newest first, read one at a time (for the export). */
export function iterateAudit(db: DatabaseSync, filter: AuditFilter): Iterator<AuditRow> {
  const { sql, args } = where(filter);
  return db
    .prepare(`SELECT ${COLUMNS} FROM audit_log ${sql} ORDER BY id DESC`)
    .iterate(...args) as unknown as Iterator<AuditRow>;
}

/** The actions the log holds, for the filter's list. */
export function auditActions(db: DatabaseSync): string[] {
  return (
    db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').all() as {
      action: string;
    }[]
  ).map((row) => row.action);
}

/** The same filter as a query string (for page links and the export link). */
export function auditQueryString(filter: AuditFilter, page?: number): string {
  const params = new URLSearchParams();
  if (filter.actor !== undefined) params.set('actor', String(filter.actor));
  if (filter.action) params.set('action', filter.action);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (page && page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
