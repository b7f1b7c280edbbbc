import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BUSY_TIMEOUT_MS,
  DATABASE_FILE,
  openDatabase,
  openSqliteStore,
} from '../../src/server/sqliteStore.ts';
import { migrations } from '../../src/server/migrations.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'sg-store-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (sql: string) => {
  const db = new DatabaseSync(path.join(dir, DATABASE_FILE), { readOnly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe('the SQLite store', () => {
  it('creates and migrates a new database in an empty folder', () => {
    const store = openSqliteStore(dir);
    expect(store.health()).toEqual({ database: 'ok', schemaVersion: migrations.at(-1)!.version });
    store.close();
    expect(read('SELECT version FROM schema_migrations')).toHaveLength(migrations.length);
  });

  it('opens every connection durable and patient with locks', () => {
    const db = openDatabase(dir);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    // 2 is FULL: a commit reaches the disk before the site says "saved".
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect(db.prepare('PRAGMA busy_timeout').get()).toEqual({ timeout: BUSY_TIMEOUT_MS });
    expect(BUSY_TIMEOUT_MS).toBeGreaterThanOrEqual(5000);
    db.close();
  });

  it('restarts on the same data without re-running migrations', () => {
    openSqliteStore(dir).close();
    const [created] = read("SELECT value FROM instance WHERE key = 'created_at'");
    const reopened = openSqliteStore(dir);
    expect(reopened.health().schemaVersion).toBe(migrations.at(-1)!.version);
    reopened.close();
    expect(read("SELECT value FROM instance WHERE key = 'created_at'")).toEqual([created]);
    expect(read('SELECT version FROM schema_migrations')).toHaveLength(migrations.length);
  });

  it('applies a new migration on the next start, and only that one', () => {
    openSqliteStore(dir).close();
    const next = {
      version: 999,
      name: 'test table',
      sql: 'CREATE TABLE later (id INTEGER) STRICT',
    };
    openSqliteStore(dir, [...migrations, next]).close();
    expect(read('SELECT name FROM schema_migrations WHERE version = 999')).toEqual([
      { name: 'test table' },
    ]);
  });

  it('rolls back a failing migration whole and says which one failed', () => {
    const broken = {
      version: migrations.at(-1)!.version + 1,
      name: 'half done',
      sql: 'CREATE TABLE half (id INTEGER); INSERT INTO nowhere VALUES (1);',
    };
    expect(() => openSqliteStore(dir, [...migrations, broken])).toThrow(
      `Migration ${broken.version} (half done) failed: no such table: nowhere`,
    );
    expect(read("SELECT name FROM sqlite_master WHERE name = 'half'")).toEqual([]);
    expect(read('SELECT version FROM schema_migrations')).toHaveLength(migrations.length);
  });

  it('refuses a database from a newer release instead of guessing', () => {
    openSqliteStore(dir, [...migrations, { version: 50, name: 'future', sql: 'SELECT 1' }]).close();
    expect(() => openSqliteStore(dir)).toThrow(/schema version 50, newer than this code knows/);
  });
});
