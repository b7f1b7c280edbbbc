import type { DatabaseSync } from 'node:sqlite';
import { BOM, csvLine, streamOf } from '../research/exports.ts';
import { listResearchers } from './accounts.ts';
import { auditActor, auditDetail } from './audit.ts';
import { iterateAudit, type AuditFilter } from './auditQuery.ts';

/** Everyone's email by id, for the "who" column (removed accounts are named by id). */
export function researcherEmails(db: DatabaseSync): Map<number, string> {
  return new Map(listResearchers(db).map((r) => [r.id, r.email]));
}

/**
 * The filtered log as CSV (UTF-8 with BOM), newest first, streamed one row at a time and
 * formula-neutralised like every export.
 */
export function auditCsvStream(db: DatabaseSync, filter: AuditFilter): ReadableStream<Uint8Array> {
  const emails = researcherEmails(db);
  const rows = iterateAudit(db, filter);
  function* pieces() {
    yield BOM + csvLine(['id', 'when_utc', 'who', 'researcher_id', 'source', 'action', 'detail']);
    for (let next = rows.next(); !next.done; next = rows.next()) {
      const row = next.value;
      yield csvLine([
        String(row.id),
        row.at,
        auditActor(row, emails),
        row.researcherId === null ? '' : String(row.researcherId),
        row.source ?? '',
        row.action,
        auditDetail(row, emails),
      ]);
    }
  }
  return streamOf(pieces());
}
