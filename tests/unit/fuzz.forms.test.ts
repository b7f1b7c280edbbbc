import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithCode, signInWithPassword } from '../../src/server/auth/signIn.ts';
import { LoginThrottle } from '../../src/server/auth/throttle.ts';
import { FailureLimiter } from '../../src/server/rateLimit.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { WITHDRAWAL_LIMITS, withdrawAnswers } from '../../src/server/withdrawals.ts';
import { FUZZ_ROUTES, formFields, type FormPageRoute } from '../fixtures/fuzzRoutes.ts';
import { hostileJson, hostileString } from '../fixtures/hostile.ts';
import { snapshotDatabase } from '../helpers/dbSnapshot.ts';
import { addAccount } from '../helpers/researchers.ts';
import { fuzzOptions, fuzzTimeout } from '../helpers/fuzzOptions.ts';

/**
 * In-process fuzzing of the routes that answer with pages: the no-JavaScript survey and journey
 * steps, withdrawal by receipt code and researcher sign-in. The pages themselves are rendered by
 * tests/e2e/fuzz.spec.ts; here the decisions behind them get many more runs.
 */

const OPEN_DAY = new Date('2026-11-26T14:00:00Z');

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-fuzz-forms-'));
  store = openSqliteStore(dir);
  // An account exists, so a hostile sign-in can aim at a real email too.
  await addAccount(store.database(), 'jo@example.org');
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const formPages = Object.entries(FUZZ_ROUTES).filter(
  (entry): entry is [string, FormPageRoute] => entry[1].kind === 'form-page',
);

describe.each(formPages)('%s', (_, route) => {
  it(
    'answers any form post without throwing, and stores nothing unless it says so',
    async () => {
      await fc.assert(
        fc.asyncProperty(formFields(route.fieldNames), async (fields) => {
          const before = snapshotDatabase(store.database());
          const { status } = await route.post(store, new URLSearchParams(fields), OPEN_DAY);
          expect(status).toBeLessThan(500);
          if (status !== 201) expect(snapshotDatabase(store.database())).toEqual(before);
        }),
        fuzzOptions(300),
      );
    },
    fuzzTimeout(),
  );
});

describe('withdrawal by receipt code', () => {
  it(
    'deletes nothing and says nothing for any hostile value',
    async () => {
      const limiter = new FailureLimiter(WITHDRAWAL_LIMITS);
      await fc.assert(
        fc.asyncProperty(hostileJson, fc.string(), async (receipt, client) => {
          const before = snapshotDatabase(store.database());
          const result = withdrawAnswers(store, limiter, client, receipt);
          expect(['empty', 'not-found', 'rate-limited']).toContain(result.outcome);
          expect(snapshotDatabase(store.database())).toEqual(before);
        }),
        fuzzOptions(200),
      );
    },
    fuzzTimeout(),
  );
});

describe('researcher sign-in', () => {
  it(
    'refuses hostile emails, passwords and codes, recording only the failed attempt',
    async () => {
      const throttle = new LoginThrottle();
      const allowed = { audit_log: "action IN ('sign-in-failed', 'second-factor-failed')" };
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(hostileString, fc.constant('jo@example.org')),
          hostileString,
          fc.option(hostileString, { nil: undefined }),
          async (email, password, pendingToken) => {
            const before = snapshotDatabase(store.database(), allowed);
            const common = { client: 'fuzz', now: Date.now(), sleep: async () => {} };
            const byPassword = await signInWithPassword(store.database(), throttle, {
              ...common,
              email,
              password,
            });
            const byCode = await signInWithCode(store.database(), throttle, {
              ...common,
              pendingToken,
              code: password,
            });
            expect(['wrong', 'refused']).toContain(byPassword.outcome);
            expect(byCode.outcome).toBe('expired');
            expect(snapshotDatabase(store.database(), allowed)).toEqual(before);
          },
        ),
        // Each attempt hashes a password (argon2id, about 20 MiB): keep the runs few.
        fuzzOptions(12),
      );
    },
    fuzzTimeout(),
  );
});
