import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findById, secondFactorRequired } from '../../src/server/auth/accounts.ts';
import { accountAction } from '../../src/server/auth/accountActions.ts';
import { adminAction } from '../../src/server/auth/adminActions.ts';
import { recentAudit } from '../../src/server/auth/audit.ts';
import { verifyPassword } from '../../src/server/auth/passwords.ts';
import { createSession, findSession } from '../../src/server/auth/sessions.ts';
import { LoginThrottle } from '../../src/server/auth/throttle.ts';
import { currentTotp } from '../../src/server/auth/totp.ts';
import { openTotpSecret } from '../../src/server/auth/totpKey.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { addAccount, PASSWORD } from '../helpers/researchers.ts';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-admin-'));
  store = openSqliteStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});
const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('admin actions', () => {
  it('requires a second factor for everyone, and back', async () => {
    const db = store.database();
    const admin = await addAccount(db, 'admin@example.org', 'admin');
    expect(secondFactorRequired(db)).toBe(false);
    expect(
      adminAction(db, admin, form({ action: 'require-second-factor', required: 'yes' })),
    ).toMatchObject({
      kind: 'done',
    });
    expect(secondFactorRequired(db)).toBe(true);
    expect(adminAction(db, admin, form({ action: 'require-second-factor' }))).toMatchObject({
      kind: 'error',
    });
    adminAction(db, admin, form({ action: 'require-second-factor', required: 'no' }));
    expect(secondFactorRequired(db)).toBe(false);
  });

  it('disables (ending sessions), asks before removing, and never acts on oneself', async () => {
    const db = store.database();
    const admin = await addAccount(db, 'admin@example.org', 'admin');
    const other = await addAccount(db, 'sam@example.org');
    const token = createSession(db, other);
    adminAction(db, admin, form({ action: 'disable', id: String(other) }));
    expect(findById(db, other)!.disabled).toBe(true);
    expect(findSession(db, token)).toBeUndefined();
    expect(adminAction(db, admin, form({ action: 'remove', id: String(other) }))).toEqual({
      kind: 'confirm-remove',
      id: other,
      email: 'sam@example.org',
    });
    expect(findById(db, other)).toBeDefined();
    adminAction(db, admin, form({ action: 'remove-confirmed', id: String(other) }));
    expect(findById(db, other)).toBeUndefined();
    expect(adminAction(db, admin, form({ action: 'disable', id: String(admin) }))).toMatchObject({
      kind: 'error',
    });
    expect(recentAudit(db).map((e) => e.action)).toEqual(
      expect.arrayContaining(['account-disabled', 'account-removed']),
    );
  });
});

describe('account actions', () => {
  it('sets up a second factor only with a right code', async () => {
    const db = store.database();
    const id = await addAccount(db, 'jo@example.org');
    const act = (fields: Record<string, string>) =>
      accountAction(db, new LoginThrottle(), { researcherId: id, client: 'c', form: form(fields) });
    expect(await act({ action: 'totp-start' })).toMatchObject({ ok: false });
    expect(findById(db, id)!.totpPendingSecret).toBeNull();
    await act({ action: 'totp-start', 'totp-start-password': PASSWORD });
    const pending = openTotpSecret(db, findById(db, id)!.totpPendingSecret!);
    expect(await act({ action: 'totp-confirm', code: '12345' })).toMatchObject({ ok: false });
    expect(await act({ action: 'totp-confirm', code: currentTotp(pending) })).toMatchObject({
      ok: true,
    });
    expect(openTotpSecret(db, findById(db, id)!.totpSecret!)).toBe(pending);
    expect(findById(db, id)!.totpPendingSecret).toBeNull();
    expect(await act({ action: 'totp-off', 'totp-password': 'wrong one' })).toMatchObject({
      ok: false,
    });
    expect(await act({ action: 'totp-off', 'totp-password': PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(findById(db, id)!.totpSecret).toBeNull();
  });

  it('changes the password, keeping this session and ending the others', async () => {
    const db = store.database();
    const id = await addAccount(db, 'jo@example.org');
    const mine = createSession(db, id);
    const elsewhere = createSession(db, id);
    const result = await accountAction(db, new LoginThrottle(), {
      researcherId: id,
      client: 'c',
      sessionToken: mine,
      form: form({
        action: 'password',
        'current-password': PASSWORD,
        'new-password': 'a whole new passphrase',
        'confirm-password': 'a whole new passphrase',
      }),
    });
    expect(result).toMatchObject({ ok: true });
    expect(await verifyPassword('a whole new passphrase', findById(db, id)!.passwordHash)).toBe(
      true,
    );
    expect(findSession(db, mine)).toBeDefined();
    expect(findSession(db, elsewhere)).toBeUndefined();
  });
});
