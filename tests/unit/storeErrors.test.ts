import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outcomeAnswer } from '../../src/server/outcomeAnswer.ts';
import { serverError, toResponse } from '../../src/server/jsonResponses.ts';
import { DATABASE_FILE, openSqliteStore } from '../../src/server/sqliteStore.ts';
import {
  asStoreError,
  StoreBusyError,
  StoreUnavailableError,
} from '../../src/server/storeErrors.ts';
import type { NewResponse } from '../../src/server/store.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'sg-store-errors-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `work` and returns what it threw, as node:sqlite threw it. */
function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function database(options: ConstructorParameters<typeof DatabaseSync>[1] = {}) {
  const db = new DatabaseSync(path.join(dir, DATABASE_FILE), options);
  db.exec('PRAGMA journal_mode = WAL');
  return db;
}

const reasonOf = (error: unknown) => (asStoreError(error) as StoreUnavailableError).reason;

describe('which SQLite failures mean "try again later"', () => {
  it('a lock held by another connection is busy (SQLITE_BUSY)', () => {
    const holder = database();
    holder.exec('CREATE TABLE t (x); BEGIN IMMEDIATE');
    const other = new DatabaseSync(path.join(dir, DATABASE_FILE), { timeout: 0 });
    const error = thrown(() => other.exec('INSERT INTO t VALUES (1)'));
    holder.exec('ROLLBACK');
    other.close();
    holder.close();
    expect(asStoreError(error)).toBeInstanceOf(StoreBusyError);
    expect(reasonOf(error)).toBe('busy');
  });

  it('a database opened read-only cannot be written (SQLITE_READONLY)', () => {
    database().exec('CREATE TABLE t (x)');
    const readOnly = new DatabaseSync(path.join(dir, DATABASE_FILE), { readOnly: true });
    const error = thrown(() => readOnly.exec('INSERT INTO t VALUES (1)'));
    readOnly.close();
    expect(reasonOf(error)).toBe('unwritable');
  });

  it('a database file that cannot be opened is unwritable (SQLITE_CANTOPEN)', () => {
    const error = thrown(() => new DatabaseSync(path.join(dir, 'missing', 'folder.sqlite')));
    expect(reasonOf(error)).toBe('unwritable');
  });

  it('a full disk is unwritable (SQLITE_FULL)', () => {
    const db = database();
    db.exec('CREATE TABLE t (x); PRAGMA max_page_count = 3');
    const error = thrown(() => db.exec('INSERT INTO t VALUES (randomblob(100000))'));
    db.close();
    expect(reasonOf(error)).toBe('unwritable');
  });

  it('an I/O error, extended codes included, is unwritable (SQLITE_IOERR_WRITE)', () => {
    // Raised for real by the fault tests in tests/faults/; node:sqlite's shape is copied here.
    const ioError = Object.assign(new Error('disk I/O error'), { errcode: 778 });
    expect(reasonOf(ioError)).toBe('unwritable');
  });

  it('leaves our own mistakes and constraint failures as they are (500, not 503)', () => {
    const db = database();
    db.exec('CREATE TABLE t (x UNIQUE); INSERT INTO t VALUES (1)');
    const unique = thrown(() => db.exec('INSERT INTO t VALUES (1)'));
    const syntax = thrown(() => db.exec('SELEC 1'));
    db.close();
    expect(asStoreError(unique)).toBe(unique);
    expect(asStoreError(syntax)).toBe(syntax);
    const plain = new TypeError('not a store error');
    expect(asStoreError(plain)).toBe(plain);
    expect(asStoreError(undefined)).toBe(undefined);
  });
});

describe('telling a store error apart', () => {
  it('recognises one made by another copy of the module, as the start script makes them', async () => {
    // scripts/serve.ts opens the store with its own copy of this module; routes are bundled
    // with another. Without the shared brand a refused write answered 500, not 503.
    const copy = (await import(
      // @ts-expect-error: a query string gives a second instance of the module.
      '../../src/server/storeErrors.ts?second-copy'
    )) as typeof import('../../src/server/storeErrors.ts');
    expect(copy.StoreUnavailableError).not.toBe(StoreUnavailableError);

    const unwritable = new copy.StoreUnavailableError('unwritable');
    const busy = new copy.StoreBusyError();
    expect(unwritable).toBeInstanceOf(StoreUnavailableError);
    expect(unwritable).not.toBeInstanceOf(StoreBusyError);
    expect(busy).toBeInstanceOf(StoreBusyError);
    expect(asStoreError(busy)).toBe(busy);
    expect(new Error('other')).not.toBeInstanceOf(StoreUnavailableError);
  });
});

describe('the answer a client gets', () => {
  it('is 503 with Retry-After and a message saying nothing was saved', async () => {
    for (const reason of ['busy', 'unwritable'] as const) {
      const response = toResponse(outcomeAnswer({ outcome: 'unavailable', reason }, 'survey'));
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await response.json()).error).toMatch(/Nothing was saved/);
    }
  });

  it('is 503 from any route that lets a refused write reach serverError, and 500 otherwise', async () => {
    const readOnly = Object.assign(new Error('attempt to write a readonly database'), {
      errcode: 8,
    });
    const refused = serverError('test', readOnly);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect(serverError('test', new Error('bug')).status).toBe(500);
  });
});

describe('the store', () => {
  const response = (): NewResponse => ({
    kind: 'survey',
    slug: 'practitioners',
    definitionHash: 'a'.repeat(64),
    consentVersion: '1.0',
    answers: { role: 'social-worker' },
    consent: { 'read-about-research': true },
    submissionId: randomUUID(),
    receivedOn: '2026-11-26',
  });

  it('throws StoreUnavailableError for a refused write, keeps what it had, and writes again later', () => {
    const store = openSqliteStore(dir);
    try {
      expect(store.saveResponse(response()).status).toBe('created');
      // query_only makes SQLite refuse writes with SQLITE_READONLY, as a read-only file does.
      store.database().exec('PRAGMA query_only = ON');
      const error = thrown(() => store.saveResponse(response()));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as StoreUnavailableError).reason).toBe('unwritable');
      expect(store.countResponses('survey', 'practitioners')).toBe(1);
      store.database().exec('PRAGMA query_only = OFF');
      expect(store.saveResponse(response()).status).toBe('created');
      expect(store.countResponses('survey', 'practitioners')).toBe(2);
    } finally {
      store.close();
    }
  });
});
