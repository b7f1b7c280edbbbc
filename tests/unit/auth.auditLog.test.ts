import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditActor, recordAudit, setAuditSource } from '../../src/server/auth/audit.ts';
import { auditCsvStream, researcherEmails } from '../../src/server/auth/auditExport.ts';
import { auditPage, parseAuditQuery, PAGE_SIZE } from '../../src/server/auth/auditQuery.ts';
import { signInWithPassword } from '../../src/server/auth/signIn.ts';
import { LoginThrottle } from '../../src/server/auth/throttle.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { addAccount } from '../helpers/researchers.ts';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-audit-'));
  store = openSqliteStore(dir);
});
afterEach(() => {
  setAuditSource('web');
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Accounts are made on the command line, as scripts/researcher.ts does. */
async function addFromCommandLine(...args: Parameters<typeof addAccount>) {
  setAuditSource('command-line');
  try {
    return await addAccount(...args);
  } finally {
    setAuditSource('web');
  }
}

const query = (text: string) => {
  const parsed = parseAuditQuery(new URLSearchParams(text));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed;
};

describe('the audit log', () => {
  it('keeps a researcher’s export in view however many anonymous sign-ins follow', async () => {
    const db = store.database();
    const admin = await addFromCommandLine(db, 'admin@example.org', 'admin');
    recordAudit(db, { researcherId: admin, action: 'export-downloaded', detail: 'survey x' });
    for (let i = 0; i < 205; i++) recordAudit(db, { researcherId: null, action: 'sign-in-failed' });

    const all = query('');
    const firstPage = auditPage(db, all.filter, 1);
    // The account being added, the export, and the 205 failures.
    expect(firstPage.total).toBe(207);
    expect(firstPage.rows).toHaveLength(PAGE_SIZE);
    const lastPage = auditPage(db, all.filter, Math.ceil(207 / PAGE_SIZE));
    expect(lastPage.rows.map((r) => r.action).slice(-2)).toEqual([
      'export-downloaded',
      'account-added',
    ]);

    const byAdmin = query(`actor=${admin}`);
    expect(auditPage(db, byAdmin.filter, 1).rows.map((r) => r.action)).toEqual([
      'export-downloaded',
    ]);
    const exports = query('action=export-downloaded');
    expect(auditPage(db, exports.filter, 1).total).toBe(1);
    expect(auditPage(db, query('actor=anonymous').filter, 1).total).toBe(205);
  });

  it('labels anonymous web events honestly, and the command line only when it was', async () => {
    const db = store.database();
    const jo = await addFromCommandLine(db, 'jo@example.org');
    // A failed sign-in naming a real account, and one naming nobody.
    await signInWithPassword(db, new LoginThrottle(), {
      email: 'jo@example.org',
      password: 'a wrong password here',
      client: 'c',
      sleep: async () => undefined,
    });
    recordAudit(db, { researcherId: null, action: 'sign-in-failed' });
    setAuditSource('command-line');
    recordAudit(db, { researcherId: null, action: 'password-reset', detail: 'jo' });
    setAuditSource('web');
    const emails = researcherEmails(db);
    const rows = auditPage(db, {}, 1).rows.filter((r) => r.action !== 'account-added');
    expect(rows.map((r) => auditActor(r, emails))).toEqual([
      'Command line (on the server)',
      'Someone not signed in (web)',
      'Someone not signed in (web)',
    ]);
    expect(rows.every((r) => auditActor(r, emails) !== 'jo@example.org')).toBe(true);
    expect(auditPage(db, query(`actor=${jo}`).filter, 1).total).toBe(0);
    // The password reset, and the account being added.
    expect(auditPage(db, query('actor=command-line').filter, 1).total).toBe(2);
  });

  it('filters by day and refuses what it does not understand', () => {
    const db = store.database();
    db.prepare('INSERT INTO audit_log (at, researcher_id, action, source) VALUES (?, ?, ?, ?)').run(
      '2026-11-20T10:00:00.000Z',
      null,
      'sign-in-failed',
      'web',
    );
    recordAudit(db, { researcherId: null, action: 'sign-in-failed' });
    expect(auditPage(db, query('from=2026-11-20&to=2026-11-20').filter, 1).total).toBe(1);
    expect(auditPage(db, query('to=2026-11-19').filter, 1).total).toBe(0);
    for (const bad of [
      'from=2026-02-30',
      'from=yesterday',
      'from=2026-11-21&to=2026-11-20',
      'actor=nobody',
      'action=DROP TABLE',
      'page=0',
      'page=-1',
      'sort=id',
    ]) {
      expect(parseAuditQuery(new URLSearchParams(bad)).ok, bad).toBe(false);
    }
  });

  it('exports the filtered log as neutralised CSV, newest first', async () => {
    const db = store.database();
    const admin = await addFromCommandLine(db, 'admin@example.org', 'admin');
    recordAudit(db, { researcherId: admin, action: 'export-downloaded', detail: '=cmd|x' });
    recordAudit(db, { researcherId: null, action: 'sign-in-failed' });
    const read = async (stream: ReadableStream<Uint8Array>) =>
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(
        await new Response(stream).arrayBuffer(),
      );
    const text = await read(auditCsvStream(db, query('actor=anonymous').filter));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parse(text.slice(1)) as string[][];
    expect(header).toEqual([
      'id',
      'when_utc',
      'who',
      'researcher_id',
      'source',
      'action',
      'detail',
    ]);
    expect(rows.map((row) => row[5])).not.toContain('export-downloaded');
    const failed = rows.filter((row) => row[5] === 'sign-in-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].slice(2)).toEqual([
      'Someone not signed in (web)',
      '',
      'web',
      'sign-in-failed',
      '',
    ]);
    const everything = await read(auditCsvStream(db, {}));
    expect(everything).toContain("'=cmd|x");
  });
});
