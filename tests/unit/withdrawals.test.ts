import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientKey, FailureLimiter } from '../../src/server/rateLimit.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import { StoreBusyError, type Store } from '../../src/server/store.ts';
import { WITHDRAWAL_LIMITS, withdrawAnswers } from '../../src/server/withdrawals.ts';

const MINUTE = 60_000;

describe('the failure limiter', () => {
  const limits = {
    perClient: { max: 3, windowMs: 10 * MINUTE },
    global: { max: 5, windowMs: 10 * MINUTE },
  };

  it('lets a client fail up to its limit, then says how long to wait', () => {
    const limiter = new FailureLimiter(limits);
    for (let i = 0; i < 3; i++) {
      expect(limiter.check('a', 0).allowed).toBe(true);
      limiter.recordFailure('a', 0);
    }
    expect(limiter.check('a', 4 * MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 360 });
    expect(limiter.check('b', 4 * MINUTE).allowed).toBe(true);
    expect(limiter.check('a', 10 * MINUTE).allowed).toBe(true);
  });

  it('stops everyone once all clients together reach the global ceiling', () => {
    const limiter = new FailureLimiter(limits);
    for (const client of ['a', 'b', 'c', 'd', 'e']) limiter.recordFailure(client, 0);
    expect(limiter.check('someone-new', MINUTE)).toEqual({
      allowed: false,
      retryAfterSeconds: 540,
    });
  });

  it('keeps memory bounded without refusing newcomers: past maxClients they are not counted', () => {
    const small = new FailureLimiter({ ...limits, global: undefined, maxClients: 2 });
    for (let i = 0; i < 3; i++) small.recordFailure('a', 0);
    small.recordFailure('b', 0);
    for (let i = 0; i < 5; i++) small.recordFailure('new', 0);
    // Strangers filling the table do not lock anyone new out; known clients are still counted.
    expect(small.check('new', 0).allowed).toBe(true);
    expect(small.check('a', 0).allowed).toBe(false);
    // Once the old entries expire, newcomers are counted again.
    for (let i = 0; i < 3; i++) small.recordFailure('new', 10 * MINUTE);
    expect(small.check('new', 10 * MINUTE).allowed).toBe(false);
  });

  it('keys clients by a one-way hash, never the address itself', () => {
    const key = clientKey('203.0.113.7');
    expect(key).not.toContain('203.0.113.7');
    expect(clientKey('203.0.113.7')).toBe(key);
    expect(clientKey('203.0.113.8')).not.toBe(key);
  });
});

describe('withdrawing with a receipt code', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-withdraw-'));
    store = openSqliteStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const save = () =>
    store.saveResponse({
      kind: 'survey',
      slug: 'practitioners',
      definitionHash: 'a'.repeat(64),
      consentVersion: '1.0',
      answers: { role: 'police' },
      consent: { agree: true },
      submissionId: randomUUID(),
      receivedOn: '2026-11-26',
    }) as { receipt: string };

  it('deletes the answers, and a wrong code gets the same not-found whatever is wrong', () => {
    const limiter = new FailureLimiter(WITHDRAWAL_LIMITS);
    const { receipt } = save();
    expect(withdrawAnswers(store, limiter, 'me', receipt)).toEqual({
      outcome: 'withdrawn',
      deleted: { kind: 'survey', slug: 'practitioners' },
    });
    for (const code of [receipt, '7K3M-9QPD-XR2A-TB5H', 'hello', 'U'.repeat(16)]) {
      expect(withdrawAnswers(store, limiter, 'me', code)).toEqual({ outcome: 'not-found' });
    }
  });

  it('asks for a code when none was given, without counting it as a failure', () => {
    const limiter = new FailureLimiter(WITHDRAWAL_LIMITS);
    for (let i = 0; i < 20; i++) {
      expect(withdrawAnswers(store, limiter, 'me', '  ')).toEqual({ outcome: 'empty' });
    }
    expect(limiter.check('me').allowed).toBe(true);
  });

  it('honours a right code however many strangers failed: there is no site-wide limit', () => {
    const limiter = new FailureLimiter(WITHDRAWAL_LIMITS);
    const { receipt } = save();
    // 300 addresses each use up their own allowance (the report: 20 x 10 filled the old one).
    for (let a = 0; a < 300; a++) {
      for (let i = 0; i < WITHDRAWAL_LIMITS.perClient.max; i++) {
        withdrawAnswers(store, limiter, `stranger-${a}`, 'AAAA-AAAA-AAAA-AAAA', 0);
      }
    }
    expect(withdrawAnswers(store, limiter, 'stranger-0', 'AAAA-AAAA-AAAA-AAAA', 0).outcome).toBe(
      'rate-limited',
    );
    expect(withdrawAnswers(store, limiter, 'participant', receipt, 1000)).toEqual({
      outcome: 'withdrawn',
      deleted: { kind: 'survey', slug: 'practitioners' },
    });
  });

  it('limits wrong codes per client, and then refuses even a right one until the wait is over', () => {
    const limiter = new FailureLimiter(WITHDRAWAL_LIMITS);
    const { receipt } = save();
    for (let i = 0; i < WITHDRAWAL_LIMITS.perClient.max; i++) {
      withdrawAnswers(store, limiter, 'guesser', 'AAAA-AAAA-AAAA-AAAA', 0);
    }
    expect(withdrawAnswers(store, limiter, 'guesser', receipt, 1000)).toEqual({
      outcome: 'rate-limited',
      retryAfterSeconds: WITHDRAWAL_LIMITS.perClient.windowMs / 1000 - 1,
    });
    expect(store.countResponses('survey', 'practitioners')).toBe(1);
    expect(withdrawAnswers(store, limiter, 'someone-else', receipt, 1000).outcome).toBe(
      'withdrawn',
    );
  });

  it('reports a busy database as busy', () => {
    const busy: Store = {
      ...store,
      withdrawResponse: () => {
        throw new StoreBusyError();
      },
    };
    const limiter = new FailureLimiter(WITHDRAWAL_LIMITS);
    expect(withdrawAnswers(busy, limiter, 'me', 'AAAA-AAAA-AAAA-AAAA')).toEqual({
      outcome: 'unavailable',
      reason: 'busy',
    });
  });
});
