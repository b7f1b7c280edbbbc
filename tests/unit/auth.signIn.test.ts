import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDisabled } from '../../src/server/auth/accounts.ts';
import { recentAudit } from '../../src/server/auth/audit.ts';
import { findSession } from '../../src/server/auth/sessions.ts';
import { signInWithCode, signInWithPassword } from '../../src/server/auth/signIn.ts';
import { LoginThrottle } from '../../src/server/auth/throttle.ts';
import { currentTotp, newTotpSecret } from '../../src/server/auth/totp.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { addAccount, PASSWORD, turnOnTotp } from '../helpers/researchers.ts';

let dir: string;
let store: Store;
let throttle: LoginThrottle;
let waits: number[];
const sleep = async (ms: number) => void waits.push(ms);
const attempt = (email: string, password: string, extra = {}) =>
  signInWithPassword(store.database(), throttle, { email, password, client: 'c', sleep, ...extra });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-signin-'));
  store = openSqliteStore(dir);
  throttle = new LoginThrottle();
  waits = [];
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('signing in with a password', () => {
  it('starts a session for the right password, any email case', async () => {
    await addAccount(store.database(), 'Jo@Example.org');
    const result = await attempt('jo@example.org', PASSWORD);
    expect(result.outcome).toBe('signed-in');
    const token = (result as { token: string }).token;
    expect(findSession(store.database(), token)?.researcher.email).toBe('Jo@Example.org');
  });

  it('answers unknown emails, wrong passwords and disabled accounts the same way', async () => {
    const id = await addAccount(store.database(), 'jo@example.org');
    expect(await attempt('jo@example.org', 'wrong password!!')).toEqual({ outcome: 'wrong' });
    expect(await attempt('nobody@example.org', PASSWORD)).toEqual({ outcome: 'wrong' });
    setDisabled(store.database(), id, true, null);
    expect(await attempt('jo@example.org', PASSWORD)).toEqual({ outcome: 'wrong' });
    const audit = recentAudit(store.database()).filter((e) => e.action === 'sign-in-failed');
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain('nobody');
  });

  it('waits longer after five failures, even for an unknown email', async () => {
    for (let i = 0; i < 8; i++) await attempt('nobody@example.org', 'wrong password!!');
    expect(waits).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000]);
  });

  it('replaces the session it was given', async () => {
    await addAccount(store.database(), 'jo@example.org');
    const first = (await attempt('jo@example.org', PASSWORD)) as { token: string };
    const second = (await attempt('jo@example.org', PASSWORD, { replacing: first.token })) as {
      token: string;
    };
    expect(findSession(store.database(), first.token)).toBeUndefined();
    expect(findSession(store.database(), second.token)).toBeDefined();
  });
});

describe('signing in with a second factor', () => {
  it('asks for a code, accepts it once, and rotates the session', async () => {
    const db = store.database();
    const id = await addAccount(db, 'jo@example.org');
    const secret = newTotpSecret();
    const now = Date.now();
    turnOnTotp(db, id, secret);

    const first = await attempt('jo@example.org', PASSWORD, { now });
    expect(first.outcome).toBe('needs-code');
    const pending = (first as { token: string }).token;
    expect(findSession(db, pending)?.awaitingSecondFactor).toBe(true);

    const code = currentTotp(secret, now);
    const wrong = await signInWithCode(db, throttle, {
      pendingToken: pending,
      code: code === '000000' ? '111111' : '000000',
      client: 'c',
      sleep,
      now,
    });
    expect(wrong).toEqual({ outcome: 'wrong' });
    const done = await signInWithCode(db, throttle, {
      pendingToken: pending,
      code,
      client: 'c',
      sleep,
      now,
    });
    expect(done.outcome).toBe('signed-in');
    expect(findSession(db, pending)).toBeUndefined();

    // The same code again, on a new sign-in: refused.
    const again = (await attempt('jo@example.org', PASSWORD, { now })) as { token: string };
    expect(
      await signInWithCode(db, throttle, {
        pendingToken: again.token,
        code,
        client: 'c',
        sleep,
        now,
      }),
    ).toEqual({ outcome: 'wrong' });
  });

  it('needs the half-finished session', async () => {
    expect(
      await signInWithCode(store.database(), throttle, {
        pendingToken: undefined,
        code: '123456',
        client: 'c',
        sleep,
      }),
    ).toEqual({ outcome: 'expired' });
  });
});
