import type { Migration } from '../migrations.ts';

/**
 * Researcher accounts, their sign-in sessions, the "second factor for everyone" setting and the
 * audit log (issue "Researcher workspace", part 1).
 *
 * - researchers: AUTOINCREMENT so a removed account's id is never given to someone else, which
 *   keeps the audit log's researcher_id meaning one person. totp_pending_secret holds a secret
 *   being set up until a code confirms it; totp_last_step makes each code single-use.
 * - sessions: only the SHA-256 of the cookie's token is kept, so a copy of the database holds no
 *   working session (docs/reliability.md G13, G24). Times are milliseconds since 1970 (UTC).
 *   awaiting_second_factor marks the short-lived session between password and code.
 * - audit_log: no foreign key, so entries outlive the account they mention.
 */
export const researcherAccounts: Migration = {
  version: 3,
  name: 'researcher accounts',
  sql: `
    CREATE TABLE researchers (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE,
      role TEXT NOT NULL CHECK (role IN ('admin', 'researcher')),
      password_hash TEXT NOT NULL,
      totp_secret TEXT,
      totp_pending_secret TEXT,
      totp_last_step INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
    ) STRICT;

    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY NOT NULL,
      researcher_id INTEGER NOT NULL REFERENCES researchers (id) ON DELETE CASCADE,
      csrf_token TEXT NOT NULL,
      awaiting_second_factor INTEGER NOT NULL DEFAULT 0 CHECK (awaiting_second_factor IN (0, 1)),
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX sessions_by_researcher ON sessions (researcher_id);

    INSERT INTO instance (key, value) VALUES ('require_second_factor', '0');

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      researcher_id INTEGER,
      action TEXT NOT NULL,
      detail TEXT
    ) STRICT;
    CREATE INDEX audit_log_by_time ON audit_log (at);
  `,
};
