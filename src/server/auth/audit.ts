import type { DatabaseSync } from 'node:sqlite';

export interface AuditEntry {
  /** Who did it; null for the command line or someone not signed in (see `source`). */
  researcherId: number | null;
  /** A short kebab-case verb, like `sign-in` or `export-created`. */
  action: string;
  /** Optional words for people reading the log. Never answers, passwords, codes or tokens (G24). */
  detail?: string | null;
}

export type AuditSource = 'web' | 'command-line';

export interface AuditRow {
  id: number;
  at: string;
  researcherId: number | null;
  action: string;
  detail: string | null;
  /** Null for entries written before the source was recorded. */
  source: AuditSource | null;
}

// The web server writes 'web'; scripts/researcher.ts says 'command-line' once at its start.
let processSource: AuditSource = 'web';
export function setAuditSource(source: AuditSource) {
  processSource = source;
}

/** Adds one line to the audit log. Safe inside or outside a transaction. */
export function recordAudit(db: DatabaseSync, entry: AuditEntry) {
  db.prepare(
    'INSERT INTO audit_log (researcher_id, action, detail, source) VALUES (?, ?, ?, ?)',
  ).run(entry.researcherId, entry.action, entry.detail ?? null, processSource);
}

const COLUMNS = 'id, at, researcher_id AS researcherId, action, detail, source';

/** The newest entries first. */
export function recentAudit(db: DatabaseSync, limit = 50): AuditRow[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY id DESC LIMIT ?`)
    .all(limit) as unknown as AuditRow[];
}

/** Attempts made by someone who was not (yet) signed in, whatever account they named. */
const ANONYMOUS_ACTIONS = new Set(['sign-in-failed', 'second-factor-failed']);

/**
 * Who to show for an entry. A failed sign-in is never the account's owner (whoever typed the
 * email is unknown), and an entry with no researcher is the command line only when it says so.
 */
export function auditActor(row: AuditRow, emails: ReadonlyMap<number, string>): string {
  if (ANONYMOUS_ACTIONS.has(row.action)) return 'Someone not signed in (web)';
  if (row.researcherId !== null) {
    return emails.get(row.researcherId) ?? `Removed account ${row.researcherId}`;
  }
  if (row.source === 'command-line') return 'Command line (on the server)';
  if (row.source === 'web') return 'Someone not signed in (web)';
  return 'Not recorded (entry from before sources were kept)';
}

/** The account an anonymous attempt named, for the detail column. */
export function auditDetail(row: AuditRow, emails: ReadonlyMap<number, string>): string {
  const named =
    ANONYMOUS_ACTIONS.has(row.action) && row.researcherId !== null
      ? `account tried: ${emails.get(row.researcherId) ?? `removed account ${row.researcherId}`}`
      : '';
  return [named, row.detail ?? ''].filter(Boolean).join('; ');
}
