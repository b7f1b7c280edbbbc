import type { Migration } from '../migrations.ts';

/**
 * One-use recovery codes for a researcher who has lost their authenticator (issue 12, item 6).
 * Only the SHA-256 of each code is kept: a code is 80 random bits, so the hash cannot be
 * reversed by trying codes, and a copy of the database holds none that work. A used code's row
 * is deleted. Codes go with their account (ON DELETE CASCADE).
 */
export const recoveryCodes: Migration = {
  version: 8,
  name: 'second factor recovery codes',
  sql: `
    CREATE TABLE recovery_codes (
      researcher_id INTEGER NOT NULL REFERENCES researchers (id) ON DELETE CASCADE,
      code_hash TEXT NOT NULL,
      PRIMARY KEY (researcher_id, code_hash)
    ) STRICT;
  `,
};
