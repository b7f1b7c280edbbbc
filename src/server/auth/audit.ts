import type { DatabaseSync } from 'node:sqlite';

export interface AuditEntry {
  /** Who did it; null for the command line or an unknown person. */
  researcherId: number | null;
  /** A short kebab-case verb, like `sign-in` or `export-created`. */
  action: string;
  /** Optional words for people reading the log. Never answers, passwords, codes or tokens (G24). */
  detail?: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  researcherId: number | null;
  action: string;
  detail: string | null;
}

/** Adds one line to the audit log. Safe inside or outside a transaction. */
export function recordAudit(db: DatabaseSync, entry: AuditEntry) {
  db.prepare('INSERT INTO audit_log (researcher_id, action, detail) VALUES (?, ?, ?)').run(
    entry.researcherId,
    entry.action,
    entry.detail ?? null,
  );
}

/** The newest entries first. */
export function recentAudit(db: DatabaseSync, limit = 50): AuditRow[] {
  return db
    .prepare(
      `SELECT id, at, researcher_id AS researcherId, action, detail
       FROM audit_log ORDER BY id DESC LIMIT ?`,
    )
    .all(limit) as unknown as AuditRow[];
}
