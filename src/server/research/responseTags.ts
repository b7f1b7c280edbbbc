import type { DatabaseSync } from 'node:sqlite';

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
  const codes = db.prepare(
    `SELECT json_group_array(name) AS names FROM (
       SELECT DISTINCT c.name FROM codes c
       WHERE c.id IN (SELECT code_id FROM answer_codes WHERE response_id = ?1
                      UNION SELECT code_id FROM excerpts WHERE response_id = ?1)
       ORDER BY c.name COLLATE NOCASE)`,
  );
  return {
    flagStatus(responseId: number): FlagStatus {
      const row = flag.get(responseId) as { open: number | null; n: number };
      if (Number(row.n) === 0) return 'none';
      return Number(row.open) === 1 ? 'open' : 'closed';
    },
    codeNames(responseId: number): string[] {
      const row = codes.get(responseId) as { names: string };
      return JSON.parse(row.names) as string[];
    },
  };
}
