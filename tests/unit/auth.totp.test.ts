import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTotpStep, findById } from '../../src/server/auth/accounts.ts';
import { acceptTotp, currentTotp, newTotpSecret, totpUri } from '../../src/server/auth/totp.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { addAccount, turnOnTotp } from '../helpers/researchers.ts';

const NOW = Date.UTC(2026, 0, 5, 10, 0, 15);
const STEP = Math.floor(NOW / 30_000);

describe('TOTP codes', () => {
  const secret = newTotpSecret();

  it('makes 160-bit base32 secrets and otpauth addresses', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = totpUri(secret, 'jo@example.org');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Safeguarding%202\.0:jo%40example\.org\?/);
    expect(uri).toContain(`secret=${secret}`);
  });

  it('accepts the current code (pasted with spaces too) and a neighbouring step', () => {
    const code = currentTotp(secret, NOW);
    expect(acceptTotp(secret, code, 0, NOW)).toBe(STEP);
    expect(acceptTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, 0, NOW)).toBe(STEP);
    expect(acceptTotp(secret, currentTotp(secret, NOW - 30_000), 0, NOW)).toBe(STEP - 1);
    expect(acceptTotp(secret, currentTotp(secret, NOW - 120_000), 0, NOW)).toBeUndefined();
    expect(acceptTotp(secret, 'abcdef', 0, NOW)).toBeUndefined();
  });

  it('refuses a code from a step already used (replay)', () => {
    const code = currentTotp(secret, NOW);
    expect(acceptTotp(secret, code, STEP, NOW)).toBeUndefined();
    expect(acceptTotp(secret, code, STEP - 1, NOW)).toBe(STEP);
    // An older code after a newer one was used is refused too.
    expect(acceptTotp(secret, currentTotp(secret, NOW - 30_000), STEP, NOW)).toBeUndefined();
  });
});

describe('single use in the database', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-totp-'));
    store = openSqliteStore(dir);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets only one request use a step', async () => {
    const db = store.database();
    const id = await addAccount(db, 'a@example.org');
    turnOnTotp(db, id, newTotpSecret(), STEP - 1);
    expect(useTotpStep(db, id, STEP)).toBe(true);
    expect(useTotpStep(db, id, STEP)).toBe(false);
    expect(findById(db, id)!.totpLastStep).toBe(STEP);
  });
});
