import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeResearcher, setDisabled } from '../../src/server/auth/accounts.ts';
import {
  ABSOLUTE_TIMEOUT_MS,
  cookieName,
  cookieOptions,
  createSession,
  deleteSession,
  findSession,
  hashToken,
  IDLE_TIMEOUT_MS,
  overHttps,
} from '../../src/server/auth/sessions.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { addAccount } from '../helpers/researchers.ts';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000;

let dir: string;
let store: Store;
let id: number;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-sessions-'));
  store = openSqliteStore(dir);
  id = await addAccount(store.database(), 'jo@example.org', 'admin');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sessions', () => {
  it('issue 32 random bytes and keep only their hash', () => {
    const db = store.database();
    const token = createSession(db, id, { now: T0 });
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const rows = db.prepare('SELECT token_hash, csrf_token FROM sessions').all() as {
      token_hash: string;
      csrf_token: string;
    }[];
    expect(rows).toEqual([{ token_hash: hashToken(token), csrf_token: expect.any(String) }]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(findSession(db, token, T0)).toMatchObject({
      researcher: { id, email: 'jo@example.org', role: 'admin' },
      awaitingSecondFactor: false,
    });
  });

  it('end after 30 minutes idle, and stay alive while used', () => {
    const db = store.database();
    const token = createSession(db, id, { now: T0 });
    expect(findSession(db, token, T0 + 29 * MIN)).toBeDefined();
    expect(findSession(db, token, T0 + 58 * MIN)).toBeDefined();
    expect(findSession(db, token, T0 + 58 * MIN + IDLE_TIMEOUT_MS)).toBeUndefined();
    // Gone for good, not just hidden.
    expect(findSession(db, token, T0 + 58 * MIN)).toBeUndefined();
  });

  it('end 12 hours after sign-in however busy', () => {
    const db = store.database();
    const token = createSession(db, id, { now: T0 });
    for (let t = T0; t < T0 + ABSOLUTE_TIMEOUT_MS; t += 20 * MIN) {
      expect(findSession(db, token, t)).toBeDefined();
    }
    expect(findSession(db, token, T0 + ABSOLUTE_TIMEOUT_MS)).toBeUndefined();
  });

  it('give a half-finished sign-in five minutes', () => {
    const db = store.database();
    const token = createSession(db, id, { now: T0, awaitingSecondFactor: true });
    expect(findSession(db, token, T0 + 4 * MIN)?.awaitingSecondFactor).toBe(true);
    expect(findSession(db, token, T0 + 5 * MIN)).toBeUndefined();
  });

  it('rotate: a new session replaces the one it was given', () => {
    const db = store.database();
    const old = createSession(db, id, { now: T0 });
    const fresh = createSession(db, id, { now: T0, replacing: old });
    expect(findSession(db, old, T0)).toBeUndefined();
    expect(findSession(db, fresh, T0)).toBeDefined();
  });

  it('end at sign-out, when the account is disabled and when it is removed', async () => {
    const db = store.database();
    const a = createSession(db, id);
    deleteSession(db, a);
    expect(findSession(db, a)).toBeUndefined();

    const other = await addAccount(db, 'sam@example.org');
    const b = createSession(db, other);
    setDisabled(db, other, true, id);
    expect(findSession(db, b)).toBeUndefined();
    setDisabled(db, other, false, id);
    const c = createSession(db, other);
    removeResearcher(db, other, id);
    expect(findSession(db, c)).toBeUndefined();
    expect(
      db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE researcher_id = ?').get(other),
    ).toEqual({
      n: 0,
    });
  });

  it('ignore unknown and absurd tokens', () => {
    expect(findSession(store.database(), undefined)).toBeUndefined();
    expect(findSession(store.database(), 'nope')).toBeUndefined();
    expect(findSession(store.database(), 'x'.repeat(10_000))).toBeUndefined();
  });
});

describe('the session cookie', () => {
  it('is __Host- and Secure over HTTPS, plain on http://localhost', () => {
    const at = (address: string, headers: Record<string, string> = {}) => ({
      url: new URL(address),
      request: new Request(address, { headers }),
    });
    const https = at('https://safeguarding.example/research/');
    expect(cookieName(https)).toBe('__Host-sg_session');
    expect(cookieOptions(https)).toEqual({
      httpOnly: true,
      sameSite: 'strict',
      secure: true,
      path: '/',
    });
    const http = at('http://localhost:4321/research/');
    expect(cookieName(http)).toBe('sg_session');
    expect(cookieOptions(http)).toMatchObject({ secure: false, path: '/' });
    expect(cookieOptions(https)).not.toHaveProperty('domain');
  });

  it('is __Host- and Secure behind a TLS proxy with TRUST_PROXY=1 alone', () => {
    // What Astro sees behind a proxy without security.allowedDomains: an http:// URL.
    const proxied = {
      url: new URL('http://127.0.0.1:4321/research/login'),
      request: new Request('http://127.0.0.1:4321/research/login', {
        headers: { 'X-Forwarded-Proto': 'https' },
      }),
    };
    expect(overHttps(proxied, { TRUST_PROXY: '1' })).toBe(true);
    // Without TRUST_PROXY anyone could send the header, so it is not believed.
    expect(overHttps(proxied, {})).toBe(false);
    const previous = process.env.TRUST_PROXY;
    process.env.TRUST_PROXY = '1';
    try {
      expect(cookieName(proxied)).toBe('__Host-sg_session');
      expect(cookieOptions(proxied)).toMatchObject({ secure: true });
    } finally {
      if (previous === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = previous;
    }
  });
});
