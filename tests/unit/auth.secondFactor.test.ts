import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findByEmail, findById } from '../../src/server/auth/accounts.ts';
import { accountAction } from '../../src/server/auth/accountActions.ts';
import { adminAction } from '../../src/server/auth/adminActions.ts';
import { recentAudit } from '../../src/server/auth/audit.ts';
import { recoveryCodesLeft } from '../../src/server/auth/recoveryCodes.ts';
import { createSession, findSession } from '../../src/server/auth/sessions.ts';
import { signInWithCode, signInWithPassword } from '../../src/server/auth/signIn.ts';
import { LoginThrottle } from '../../src/server/auth/throttle.ts';
import { currentTotp } from '../../src/server/auth/totp.ts';
import {
  openTotpSecret,
  rotateTotpKey,
  sealPlainSecrets,
  totpKeyFile,
} from '../../src/server/auth/totpKey.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { addAccount, PASSWORD } from '../helpers/researchers.ts';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-2fa-'));
  store = openSqliteStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const noWait = async () => undefined;

/** Turns the second factor on through the account page's actions; returns secret and codes. */
async function turnOn(id: number) {
  const db = store.database();
  const act = (fields: Record<string, string>) =>
    accountAction(db, new LoginThrottle(), { researcherId: id, client: 'c', form: form(fields) });
  await act({ action: 'totp-start', 'totp-start-password': PASSWORD });
  const secret = openTotpSecret(db, findById(db, id)!.totpPendingSecret!);
  const done = await act({ action: 'totp-confirm', code: currentTotp(secret) });
  if (!done.ok || !done.recoveryCodes) throw new Error('second factor not turned on');
  return { secret, codes: done.recoveryCodes };
}

async function signInWith(email: string, code: string) {
  const db = store.database();
  const throttle = new LoginThrottle();
  const first = await signInWithPassword(db, throttle, {
    email,
    password: PASSWORD,
    client: 'c',
    sleep: noWait,
  });
  if (first.outcome !== 'needs-code') throw new Error(`expected a code step, got ${first.outcome}`);
  return signInWithCode(db, throttle, {
    pendingToken: first.token,
    code,
    client: 'c',
    sleep: noWait,
  });
}

const databaseBytes = () =>
  ['safeguarding.sqlite', 'safeguarding.sqlite-wal']
    .map((f) => path.join(dir, f))
    .filter(existsSync)
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');

describe('turning the second factor on', () => {
  it('asks for the password, so a borrowed session cannot lock the owner out', async () => {
    const db = store.database();
    const id = await addAccount(db, 'jo@example.org');
    const act = (fields: Record<string, string>) =>
      accountAction(db, new LoginThrottle(), { researcherId: id, client: 'c', form: form(fields) });
    expect(await act({ action: 'totp-start' })).toEqual({
      ok: false,
      errors: [{ field: 'totp-start-password', text: 'Enter your current password correctly' }],
    });
    expect(
      await act({ action: 'totp-start', 'totp-start-password': 'not my password' }),
    ).toMatchObject({ ok: false });
    expect(findById(db, id)!.totpPendingSecret).toBeNull();
    expect(await act({ action: 'totp-start', 'totp-start-password': PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(findById(db, id)!.totpPendingSecret).not.toBeNull();
  });

  it('gives ten recovery codes once, keeps only their hashes, and each signs in once', async () => {
    const db = store.database();
    const id = await addAccount(db, 'jo@example.org');
    const { codes } = await turnOn(id);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    store.close();
    const bytes = databaseBytes();
    for (const code of codes) expect(bytes).not.toContain(code);
    store = openSqliteStore(dir);

    // Typed as a person might: lower case, spaces instead of hyphens.
    const typed = codes[3].toLowerCase().replace(/-/g, ' ');
    expect((await signInWith('jo@example.org', typed)).outcome).toBe('signed-in');
    expect(recoveryCodesLeft(store.database(), id)).toBe(9);
    expect((await signInWith('jo@example.org', codes[3])).outcome).toBe('wrong');
    expect(recentAudit(store.database(), 5).map((e) => e.detail)).toContain('with a recovery code');
  });
});

describe('the authenticator secret at rest', () => {
  it('is sealed with a key kept in a file outside the database, readable by its owner only', async () => {
    const db = store.database();
    const id = await addAccount(db, 'jo@example.org');
    const { secret } = await turnOn(id);
    const stored = findById(db, id)!.totpSecret!;
    expect(stored).not.toContain(secret);
    expect(stored).toMatch(/^v1\./);
    const keyFile = totpKeyFile(db);
    expect(keyFile).toBe(path.join(dir, 'totp.key'));
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    store.close();
    expect(databaseBytes()).not.toContain(secret);
    store = openSqliteStore(dir);
  });

  it('rotates to a new key: secrets re-sealed, old key gone, sign-in still works', async () => {
    const db = store.database();
    const id = await addAccount(db, 'jo@example.org');
    const { secret } = await turnOn(id);
    const keyBefore = readFileSync(totpKeyFile(db), 'utf8');
    const sealedBefore = findById(db, id)!.totpSecret!;
    expect(rotateTotpKey(db)).toBe(1);
    const keyAfter = readFileSync(totpKeyFile(db), 'utf8');
    expect(keyAfter).not.toBe(keyBefore);
    expect(keyAfter.trim().split('\n')).toHaveLength(1);
    expect(findById(db, id)!.totpSecret).not.toBe(sealedBefore);
    expect(openTotpSecret(db, findById(db, id)!.totpSecret!)).toBe(secret);
    const later = Date.now() + 30_000;
    expect((await signInWith('jo@example.org', currentTotp(secret, later))).outcome).toBe(
      'signed-in',
    );
  });

  it('seals a secret an older version stored in plain text', async () => {
    const db = store.database();
    const id = await addAccount(db, 'jo@example.org');
    db.prepare('UPDATE researchers SET totp_secret = ? WHERE id = ?').run('JBSWY3DPEHPK3PXP', id);
    expect(sealPlainSecrets(db)).toBe(1);
    expect(findById(db, id)!.totpSecret).toMatch(/^v1\./);
    expect(openTotpSecret(db, findById(db, id)!.totpSecret!)).toBe('JBSWY3DPEHPK3PXP');
    expect(sealPlainSecrets(db)).toBe(0);
  });
});

describe('resetting a lost second factor', () => {
  it('an administrator removes it, codes included, and ends every session', async () => {
    const db = store.database();
    const admin = await addAccount(db, 'admin@example.org', 'admin');
    const id = await addAccount(db, 'jo@example.org');
    await turnOn(id);
    const token = createSession(db, id);
    expect(
      adminAction(db, admin, form({ action: 'reset-second-factor', id: String(id) })),
    ).toMatchObject({ kind: 'done' });
    expect(findById(db, id)).toMatchObject({ totpSecret: null, totpPendingSecret: null });
    expect(recoveryCodesLeft(db, id)).toBe(0);
    expect(findSession(db, token)).toBeUndefined();
    expect(recentAudit(db, 1)[0]).toMatchObject({
      researcherId: admin,
      action: 'second-factor-reset',
    });
    // Password alone signs in now.
    const again = await signInWithPassword(db, new LoginThrottle(), {
      email: 'jo@example.org',
      password: PASSWORD,
      client: 'c',
      sleep: noWait,
    });
    expect(again.outcome).toBe('signed-in');
    // Not on oneself, and not on an account without one.
    expect(
      adminAction(db, admin, form({ action: 'reset-second-factor', id: String(admin) })),
    ).toMatchObject({ kind: 'error' });
    expect(
      adminAction(db, admin, form({ action: 'reset-second-factor', id: String(id) })),
    ).toMatchObject({ kind: 'error' });
  });

  it('npm run researcher -- reset-2fa <email> does the same from the server', async () => {
    const id = await addAccount(store.database(), 'jo@example.org');
    await turnOn(id);
    store.close();
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['scripts/researcher.ts', ...args], {
        env: { ...process.env, DATA_DIR: dir },
        encoding: 'utf8',
      });
    const reset = run(['reset-2fa', 'jo@example.org']);
    expect(reset.stderr).toBe('');
    expect(reset.status).toBe(0);
    expect(reset.stdout).toContain('Second factor removed for jo@example.org');
    const again = run(['reset-2fa', 'jo@example.org']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('has no second factor');
    expect(run(['reset-2fa', 'nobody@example.org']).status).toBe(1);
    store = openSqliteStore(dir);
    expect(findByEmail(store.database(), 'jo@example.org')!.totpSecret).toBeNull();
    expect(recentAudit(store.database(), 1)[0]).toMatchObject({
      researcherId: null,
      action: 'second-factor-reset',
    });
  });
});
