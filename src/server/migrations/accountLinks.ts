import type { Migration } from '../migrations.ts';

/**
 * One-time links an administrator copies to a new researcher (an invitation) or to one who has
 * lost their password (a reset), so no one needs a shell on the server (issue 15, item 8). Only
 * the SHA-256 of each link's token is kept: a token is 256 random bits, so a copy of the database
 * holds no link that works. A link's row is deleted when it is used. A reset link goes with its
 * account (ON DELETE CASCADE); an invitation names the email and role it will create.
 */
export const accountLinks: Migration = {
  version: 12,
  name: 'one-time account links',
  sql: `
    CREATE TABLE account_links (
      token_hash TEXT PRIMARY KEY NOT NULL,
      purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
      email TEXT NOT NULL COLLATE NOCASE,
      role TEXT NOT NULL CHECK (role IN ('admin', 'researcher')),
      researcher_id INTEGER REFERENCES researchers (id) ON DELETE CASCADE,
      expires_at TEXT NOT NULL
    ) STRICT;
  `,
};
