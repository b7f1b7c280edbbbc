import type { DatabaseSync } from 'node:sqlite';
import { RESPONSE_CODING, type CodedTables } from './codedTables.ts';

/** Whether a response carries a safeguarding flag: any open one wins over closed ones. */
export type FlagStatus = 'open' | 'closed' | 'none';

/**
 * Lookups of what researchers attached to one response: its flag status and the names of the
 * codes on any of its answers or passages. Read straight from the flags and coding tables (codes,
 * answer_codes, excerpts), one small query per response, so an export streaming 100,000 rows never holds
 * them all.
 */
export function responseTags(db: DatabaseSync) {
  const flag = db.prepare(
    `SELECT MAX(status = 'open') AS open, COUNT(*) AS n FROM flags WHERE response_id = ?`,
  );
  return {
    flagStatus(responseId: number): FlagStatus {
      const row = flag.get(responseId) as { open: number | null; n: number };
      if (Number(row.n) === 0) return 'none';
      return Number(row.open) === 1 ? 'open' : 'closed';
    },
    codeNames: codeNamesOf(db, RESPONSE_CODING),
  };
}

/**
 * The names of the codes on any answer or passage of one item (a response, or with
 * FEEDBACK_CODING a piece of feedback), by name; one small query per item.
 */
export function codeNamesOf(db: DatabaseSync, on: CodedTables): (id: number) => string[] {
  const codes = db.prepare(
    `SELECT json_group_array(name) AS names FROM (
       SELECT DISTINCT c.name FROM codes c
       WHERE c.id IN (SELECT code_id FROM ${on.answers} WHERE ${on.owner} = ?1
                      UNION SELECT code_id FROM ${on.excerpts} WHERE ${on.owner} = ?1)
       ORDER BY c.name COLLATE NOCASE)`,
  );
  return (id) => JSON.parse((codes.get(id) as { names: string }).names) as string[];
}
