import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { migrations as allMigrations, type Migration } from './migrations.ts';
import { responseMethods } from './responseStore.ts';
import type { Health, Store } from './store.ts';

/** SQLite waits this long for a lock before giving up; node:sqlite's default is 0 (docs/reliability.md G2). */
export const BUSY_TIMEOUT_MS = 5000;
export const DATABASE_FILE = 'safeguarding.sqlite';

export interface StoreOptions {
  /** Only tests shorten this, to see a lock timeout without waiting five seconds. */
  busyTimeoutMs?: number;
}

/** Opens a connection with the settings every connection to our database must have. */
export function openDatabase(dataDir: string, busyTimeoutMs = BUSY_TIMEOUT_MS): DatabaseSync {
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE), { timeout: busyTimeoutMs });
  // WAL lets readers run beside the writer; FULL makes a commit durable before we acknowledge
  // it, so an answer the site has confirmed survives a power cut (docs/reliability.md G1).
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  // Deleted answers are overwritten on disk, not just unlinked (docs/reliability.md G22).
  db.exec('PRAGMA secure_delete = ON');
  return db;
}

/** Opens (creating if needed) the database in `dataDir` and brings its schema up to date. */
export function openSqliteStore(
  dataDir: string,
  migrations: Migration[] = allMigrations,
  options: StoreOptions = {},
): Store {
  const db = openDatabase(dataDir, options.busyTimeoutMs);
  let responses;
  try {
    migrate(db, migrations);
    responses = responseMethods(db);
  } catch (error) {
    db.close();
    throw error;
  }

  return {
    ...responses,
    health(): Health {
      const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as {
        version: number;
      };
      return { database: 'ok', schemaVersion: row.version };
    },
    database: () => db,
    close() {
      if (db.isOpen) db.close();
    },
  };
}

function migrate(db: DatabaseSync, migrations: Migration[]) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  ) STRICT`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
      (row) => row.version,
    ),
  );
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known) {
    throw new Error(
      `The database is at schema version ${newest}, newer than this code knows (${known}). ` +
        'Run the newer release, or restore a backup made for this one.',
    );
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    // BEGIN IMMEDIATE takes the write lock up front, so two servers starting together cannot
    // both apply the same migration.
    db.exec('BEGIN IMMEDIATE');
    try {
      const again = db
        .prepare('SELECT 1 FROM schema_migrations WHERE version = ?')
        .get(migration.version);
      if (!again) {
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)').run(
          migration.version,
          migration.name,
        );
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new Error(
        `Migration ${migration.version} (${migration.name}) failed: ${message(error)}`,
        {
          cause: error,
        },
      );
    }
  }
}

function message(error: unknown) {
  return error instanceof Error ? error.message : String(error);
}
