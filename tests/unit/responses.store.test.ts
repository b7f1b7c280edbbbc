import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openSqliteStore } from '../../src/server/sqliteStore.ts';
import {
  StoreBusyError,
  type NewResponse,
  type SaveResult,
  type Store,
} from '../../src/server/store.ts';
import { RECEIPT_PATTERN } from '../../src/server/receipts.ts';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-responses-'));
  store = openSqliteStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const response = (overrides: Partial<NewResponse> = {}): NewResponse => ({
  kind: 'survey',
  slug: 'practitioners',
  definitionHash: 'a'.repeat(64),
  consentVersion: '1.0',
  answers: { role: 'social-worker', 'what-would-help': 'Fewer forms' },
  consent: { 'read-about-research': true },
  submissionId: randomUUID(),
  receivedOn: '2026-11-26',
  ...overrides,
});

/** Every byte of the database, its WAL and shared memory, as one string to search. */
function databaseBytes(): string {
  return readdirSync(dir)
    .filter((name) => name.startsWith(DATABASE_FILE))
    .map((name) => readFileSync(path.join(dir, name)).toString('latin1'))
    .join('\n');
}

function sql(statement: string) {
  const db = new DatabaseSync(path.join(dir, DATABASE_FILE));
  try {
    db.exec(statement);
  } finally {
    db.close();
  }
}

/**
 * Takes the write lock from another thread (another connection) and holds it for `holdMs`.
 * Resolves once the lock is held, with a promise for its release.
 */
async function holdWriteLock(holdMs: number): Promise<{ released: Promise<unknown> }> {
  const worker = new Worker(
    `const { DatabaseSync } = require('node:sqlite');
     const { workerData, parentPort } = require('node:worker_threads');
     const db = new DatabaseSync(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('locked');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
     db.exec('COMMIT');
     db.close();`,
    { eval: true, workerData: { file: path.join(dir, DATABASE_FILE), holdMs } },
  );
  const released = once(worker, 'exit');
  await once(worker, 'message');
  return { released };
}

describe('saving a response', () => {
  it('stores it once and gives a receipt; a retry gets the same receipt and adds nothing', () => {
    const first = response();
    const saved = store.saveResponse(first);
    expect(saved).toEqual({ status: 'created', receipt: expect.stringMatching(RECEIPT_PATTERN) });
    const again = store.saveResponse({ ...first, answers: { ...first.answers } });
    expect(again).toEqual({ status: 'replayed', receipt: (saved as { receipt: string }).receipt });
    expect(store.countResponses('survey', 'practitioners')).toBe(1);
  });

  it('gives the same receipt for a retry after the server restarts', () => {
    const first = response();
    const saved = store.saveResponse(first);
    store.close();
    store = openSqliteStore(dir);
    expect(store.saveResponse(first)).toEqual({ ...saved, status: 'replayed' });
  });

  it('refuses a different body sent with a used submission id, and keeps the first', () => {
    const first = response();
    store.saveResponse(first);
    const changed = { ...first, answers: { ...first.answers, role: 'police' } };
    expect(store.saveResponse(changed)).toEqual({ status: 'conflict' });
    expect(store.saveResponse({ ...first, consent: {} })).toEqual({ status: 'conflict' });
    expect(store.saveResponse({ ...first, slug: 'families-and-ecdp-members' })).toEqual({
      status: 'conflict',
    });
    expect(store.countResponses('survey', 'practitioners')).toBe(1);
    expect(store.saveResponse(first).status).toBe('replayed');
  });

  it('keeps only a hash of the receipt, never the code itself', () => {
    const { receipt } = store.saveResponse(response()) as { receipt: string };
    const bytes = databaseBytes();
    expect(bytes).not.toContain(receipt);
    expect(bytes).not.toContain(receipt.replace(/-/g, ''));
  });

  it('has no column for addresses, browsers, cookies or times of day', () => {
    const db = new DatabaseSync(path.join(dir, DATABASE_FILE), { readOnly: true });
    const columns = (db.prepare('PRAGMA table_info(responses)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    db.close();
    expect(columns.sort()).toEqual(
      [
        'id',
        'activity_kind',
        'activity_slug',
        'definition_hash',
        'consent_version',
        'consent',
        'answers',
        'submission_id',
        'payload_hash',
        'receipt_hash',
        'received_on',
        // Its number within the activity (src/server/migrations/activityNumbers.ts).
        'number',
      ].sort(),
    );
  });

  it('stores 50 simultaneous saves of one submission from 5 connections as one row', async () => {
    const same = response();
    const gate = new SharedArrayBuffer(4);
    const workers = Array.from(
      { length: 5 },
      () =>
        new Worker(new URL('../helpers/saveResponseWorker.ts', import.meta.url), {
          workerData: { dir, response: same, times: 10, gate },
        }),
    );
    await Promise.all(workers.map((worker) => once(worker, 'message')));
    const results = workers.map((worker) => once(worker, 'message'));
    // Open the gate for all five at once.
    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    const all = (await Promise.all(results)).flatMap(([r]) => r as SaveResult[]);

    expect(all).toHaveLength(50);
    expect(all.filter((r) => r.status === 'created')).toHaveLength(1);
    expect(all.filter((r) => r.status === 'replayed')).toHaveLength(49);
    expect(new Set(all.map((r) => ('receipt' in r ? r.receipt : undefined))).size).toBe(1);
    expect(store.countResponses('survey', 'practitioners')).toBe(1);
  });

  it('stores nothing when the transaction fails after the insert (docs/reliability.md G4)', () => {
    // RAISE(FAIL) keeps the inserted row in the open transaction: only a rollback removes it.
    sql(`CREATE TRIGGER fail_after_insert AFTER INSERT ON responses
         BEGIN SELECT RAISE(FAIL, 'injected failure'); END`);
    expect(() => store.saveResponse(response())).toThrow(/injected failure/);
    expect(store.countResponses('survey', 'practitioners')).toBe(0);

    sql('DROP TRIGGER fail_after_insert');
    expect(store.saveResponse(response()).status).toBe('created');
    expect(store.countResponses('survey', 'practitioners')).toBe(1);
  });

  it('waits for another writer within the busy timeout (docs/reliability.md G2)', async () => {
    const { released } = await holdWriteLock(700);
    expect(store.saveResponse(response()).status).toBe('created');
    await released;
  });

  it('reports a lock held past the busy timeout as StoreBusyError, storing nothing', async () => {
    store.close();
    store = openSqliteStore(dir, undefined, { busyTimeoutMs: 100 });
    const { released } = await holdWriteLock(1500);
    const attempt = response();
    expect(() => store.saveResponse(attempt)).toThrow(StoreBusyError);
    expect(() => store.withdrawResponse('7K3M-9QPD-XR2A-TB5H')).toThrow(StoreBusyError);
    await released;
    expect(store.countResponses('survey', 'practitioners')).toBe(0);
    expect(store.saveResponse(attempt).status).toBe('created');
  });
});

describe('withdrawing a response', () => {
  it('deletes exactly that response; the code then finds nothing', () => {
    const mine = store.saveResponse(response()) as { receipt: string };
    store.saveResponse(response());
    expect(store.withdrawResponse(mine.receipt)).toEqual({ kind: 'survey', slug: 'practitioners' });
    expect(store.countResponses('survey', 'practitioners')).toBe(1);
    expect(store.withdrawResponse(mine.receipt)).toBe(false);
  });

  it('accepts the code however it was typed', () => {
    const { receipt } = store.saveResponse(response()) as { receipt: string };
    expect(store.withdrawResponse(` ${receipt.toLowerCase().replace(/-/g, ' ')} `)).toBeTruthy();
  });

  it('finds nothing for unknown or malformed codes', () => {
    store.saveResponse(response());
    for (const code of ['7K3M-9QPD-XR2A-TB5H', 'not a code', '', 'U'.repeat(16)]) {
      expect(store.withdrawResponse(code)).toBe(false);
    }
    expect(store.countResponses('survey', 'practitioners')).toBe(1);
  });

  it('leaves no trace of the words in the database or its WAL (docs/reliability.md G22)', () => {
    const canary = `canary-${randomUUID()}`;
    const answers = { 'what-would-help': `${canary} ${'x'.repeat(3000)} ${canary}` };
    const { receipt } = store.saveResponse(response({ answers })) as { receipt: string };
    store.saveResponse(response());
    // The test can see the words before, so their absence afterwards means something.
    expect(databaseBytes()).toContain(canary);

    expect(store.withdrawResponse(receipt)).toBeTruthy();
    expect(databaseBytes()).not.toContain(canary);
  });
});
