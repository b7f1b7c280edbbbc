import type { Migration } from '../migrations.ts';

/**
 * Where an audit entry came from, so that an entry with no researcher says honestly whether it
 * was the command line on the server or someone on the web who was not signed in (issue 12,
 * item 7). Entries written before this have no source (NULL).
 */
export const auditSource: Migration = {
  version: 9,
  name: 'audit log source',
  sql: `
    ALTER TABLE audit_log ADD COLUMN source TEXT CHECK (source IN ('web', 'command-line'));
    CREATE INDEX audit_log_by_researcher ON audit_log (researcher_id);
    CREATE INDEX audit_log_by_action ON audit_log (action);
  `,
};
