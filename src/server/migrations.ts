/**
 * Versioned schema changes, applied in order at start. Never edit a migration that has shipped:
 * add a new one. Each runs in its own transaction with its version recorded.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'instance metadata',
    sql: `
      CREATE TABLE instance (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO instance (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    `,
  },
];
