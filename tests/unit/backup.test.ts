import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { NewResponse } from '../../src/server/store.ts';

let dataDir: string;
let backups: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'sg-backup-data-'));
  backups = mkdtempSync(path.join(tmpdir(), 'sg-backup-out-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(backups, { recursive: true, force: true });
});

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/backup.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });

const response = (text: string): NewResponse => ({
  kind: 'survey',
  slug: 'practitioners',
  definitionHash: 'a'.repeat(64),
  consentVersion: '1.0',
  answers: { 'one-thing-that-would-help': text },
  consent: { 'read-about-research': true },
  submissionId: randomUUID(),
  receivedOn: '2026-11-26',
});

/** Stores answers through the store, as the server does, and leaves the store open. */
function seed(...texts: string[]) {
  const store = openSqliteStore(dataDir);
  for (const text of texts) store.saveResponse(response(text));
  return store;
}

function answersIn(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (
      db.prepare('SELECT answers FROM responses ORDER BY id').all() as { answers: string }[]
    ).map((row) => JSON.parse(row.answers)['one-thing-that-would-help']);
  } finally {
    db.close();
  }
}

describe('npm run backup', () => {
  it('copies every committed answer while the server holds the database open', () => {
    const live = seed('first', 'second');
    try {
      const result = cli(path.join(backups, 'copy.sqlite'));
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Backed up 2 responses \(schema version \d+, .* MB\) to /);
      expect(result.status).toBe(0);
    } finally {
      live.close();
    }
    const copy = path.join(backups, 'copy.sqlite');
    expect(answersIn(copy)).toEqual(['first', 'second']);
    // One self-contained file that only its owner can read: it holds people's answers.
    expect(readdirSync(backups)).toEqual(['copy.sqlite']);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
  });

  it('refuses to replace a file unless told to with --force', () => {
    seed('kept').close();
    const copy = path.join(backups, 'copy.sqlite');
    writeFileSync(copy, 'an older backup');

    const refused = cli(copy);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `${copy} already exists. Choose a new name, or add --force to replace it.\n`,
    );
    expect(readFileSync(copy, 'utf8')).toBe('an older backup');

    expect(cli(copy, '--force').status).toBe(0);
    expect(answersIn(copy)).toEqual(['kept']);
  });

  it('says in one line what is wrong, with no stack trace, and exits non-zero', () => {
    const noDatabase = cli(path.join(backups, 'copy.sqlite'));
    expect(noDatabase.status).toBe(1);
    expect(noDatabase.stderr).toBe(
      `There is no database at ${path.join(dataDir, DATABASE_FILE)}. Check DATA_DIR.\n`,
    );

    seed().close();
    const noFolder = cli(path.join(backups, 'missing', 'copy.sqlite'));
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr).toBe(`The folder ${path.join(backups, 'missing')} does not exist.\n`);

    const noFile = cli();
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain('Usage: npm run backup -- <file> [--force]');

    for (const result of [noDatabase, noFolder, noFile]) {
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
    expect(readdirSync(backups)).toEqual([]);
  });
});
