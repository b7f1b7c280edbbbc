import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createInvite,
  createResetLink,
  findLink,
  LINK_LIFETIME_HOURS,
  useLink,
} from '../../src/server/auth/accountLinks.ts';
import { findByEmail, findById, lastSignIns } from '../../src/server/auth/accounts.ts';
import { adminAction } from '../../src/server/auth/adminActions.ts';
import { recentAudit, recordAudit } from '../../src/server/auth/audit.ts';
import { classifyPath } from '../../src/server/auth/guards.ts';
import { hashToken } from '../../src/server/auth/sessions.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { addAccount } from '../helpers/researchers.ts';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-links-'));
  store = openSqliteStore(dir);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date('2026-11-27T10:00:00Z');
const later = (hours: number) => new Date(NOW.getTime() + hours * 3600_000);

describe('one-time account links', () => {
  it('invites once: stores only a hash, makes the account, then stops working', async () => {
    const db = store.database();
    const admin = await addAccount(db, 'admin@example.org', 'admin');
    const { token, expiresAt } = createInvite(
      db,
      { email: ' New.Person@Example.org ', role: 'researcher' },
      admin,
      NOW,
    );
    expect(expiresAt).toBe(later(LINK_LIFETIME_HOURS).toISOString());
    const stored = db.prepare('SELECT token_hash FROM account_links').all() as {
      token_hash: string;
    }[];
    expect(stored).toEqual([{ token_hash: hashToken(token) }]);
    expect(JSON.stringify(db.prepare('SELECT * FROM account_links').all())).not.toContain(token);
    expect(findLink(db, token, NOW)).toMatchObject({
      purpose: 'invite',
      email: 'New.Person@Example.org',
      role: 'researcher',
    });

    expect(useLink(db, token, 'hash', later(1))).toEqual({
      purpose: 'invite',
      email: 'New.Person@Example.org',
    });
    expect(findByEmail(db, 'New.Person@Example.org')).toMatchObject({ role: 'researcher' });
    expect(useLink(db, token, 'hash', later(1))).toBeUndefined();
    expect(findLink(db, token, later(1))).toBeUndefined();
    // Audited, without the token.
    const audit = recentAudit(db).map((e) => `${e.action} ${e.detail ?? ''}`);
    expect(audit.some((a) => a.startsWith('invite-created New.Person@Example.org'))).toBe(true);
    expect(audit.join('\n')).not.toContain(token);
  });

  it('expires, and refuses a taken email or a wrong token', async () => {
    const db = store.database();
    const admin = await addAccount(db, 'admin@example.org', 'admin');
    const { token } = createInvite(db, { email: 'late@example.org', role: 'admin' }, admin, NOW);
    expect(findLink(db, token, later(LINK_LIFETIME_HOURS - 0.01))).toBeDefined();
    expect(findLink(db, token, later(LINK_LIFETIME_HOURS))).toBeUndefined();
    expect(useLink(db, token, 'hash', later(LINK_LIFETIME_HOURS + 1))).toBeUndefined();
    expect(findByEmail(db, 'late@example.org')).toBeUndefined();
    expect(findLink(db, `${token}x`, NOW)).toBeUndefined();
    expect(() =>
      createInvite(db, { email: 'admin@example.org', role: 'researcher' }, admin, NOW),
    ).toThrow(/already an account/);
    expect(() => createInvite(db, { email: 'nope', role: 'researcher' }, admin, NOW)).toThrow(
      /not an email address/,
    );
  });

  it('resets a password by link, and a newer link replaces an older one', async () => {
    const db = store.database();
    const admin = await addAccount(db, 'admin@example.org', 'admin');
    const jo = await addAccount(db, 'jo@example.org', 'researcher');
    const first = createResetLink(db, jo, admin, NOW).token;
    const second = createResetLink(db, jo, admin, NOW).token;
    expect(findLink(db, first, NOW)).toBeUndefined();
    expect(useLink(db, second, 'new-hash', NOW)).toEqual({
      purpose: 'reset',
      email: 'jo@example.org',
    });
    expect(findById(db, jo)!.passwordHash).toBe('new-hash');
    expect(recentAudit(db).map((e) => e.action)).toEqual(
      expect.arrayContaining(['password-reset-link-created', 'password-reset']),
    );
  });
});

describe('admin actions with links', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);

  it('gives the admin a link to copy, or says what is wrong', async () => {
    const db = store.database();
    const admin = await addAccount(db, 'admin@example.org', 'admin');
    const jo = await addAccount(db, 'jo@example.org', 'researcher');
    const invite = adminAction(
      db,
      admin,
      form({ action: 'invite', email: 'sam@example.org', role: 'researcher' }),
    );
    expect(invite).toMatchObject({ kind: 'link', message: expect.stringContaining('sam@') });
    expect(adminAction(db, admin, form({ action: 'invite', email: '', role: 'admin' }))).toEqual({
      kind: 'error',
      field: 'email',
      text: 'Enter their email address',
    });
    expect(
      adminAction(db, admin, form({ action: 'invite', email: 'x@example.org', role: 'boss' })),
    ).toMatchObject({ kind: 'error', field: 'role' });
    expect(
      adminAction(db, admin, form({ action: 'invite', email: 'jo@example.org', role: 'admin' })),
    ).toMatchObject({ kind: 'error', field: 'email', text: expect.stringMatching(/already/) });
    expect(
      adminAction(db, admin, form({ action: 'reset-password', id: String(jo) })),
    ).toMatchObject({ kind: 'link' });
    // Not their own: an admin who lost their password asks another admin.
    expect(
      adminAction(db, admin, form({ action: 'reset-password', id: String(admin) })),
    ).toMatchObject({ kind: 'error' });
  });
});

describe('last sign-in and the link page', () => {
  it('reads the last sign-in from the audit log', async () => {
    const db = store.database();
    const jo = await addAccount(db, 'jo@example.org', 'researcher');
    expect(lastSignIns(db).get(jo)).toBeUndefined();
    recordAudit(db, { researcherId: jo, action: 'sign-in' });
    expect(lastSignIns(db).get(jo)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('lets the link page through without a session', () => {
    expect(classifyPath('/research/login/link')).toBe('login');
    expect(classifyPath('/research/login/link/')).toBe('login');
    expect(classifyPath('/research/login/other')).toBe('page');
  });
});
