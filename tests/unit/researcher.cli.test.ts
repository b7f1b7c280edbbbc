import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findByEmail } from '../../src/server/auth/accounts.ts';
import { verifyPassword } from '../../src/server/auth/passwords.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';

let dataDir: string;
beforeEach(() => (dataDir = mkdtempSync(path.join(tmpdir(), 'sg-cli-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const cli = (args: string[], input = '') =>
  spawnSync(process.execPath, ['scripts/researcher.ts', ...args], {
    input,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });

const account = (email: string) => {
  const store = openSqliteStore(dataDir);
  try {
    return findByEmail(store.database(), email);
  } finally {
    store.close();
  }
};

describe('npm run researcher', () => {
  it('adds, lists, resets and removes accounts, reading the password from stdin', async () => {
    const added = cli(['add', 'jo@example.org', '--role', 'admin'], 'orange kettle on the moon\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe('Added jo@example.org (admin).\n');
    expect(added.status).toBe(0);
    expect(
      await verifyPassword('orange kettle on the moon', account('jo@example.org')!.passwordHash),
    ).toBe(true);

    expect(cli(['list']).stdout).toBe('jo@example.org\tadmin\tsecond factor off\n');

    const reset = cli(['reset', 'JO@example.org'], 'a brand new passphrase\nignored\n');
    expect(reset.status).toBe(0);
    expect(
      await verifyPassword('a brand new passphrase', account('jo@example.org')!.passwordHash),
    ).toBe(true);

    expect(cli(['remove', 'jo@example.org']).status).toBe(0);
    expect(account('jo@example.org')).toBeUndefined();
    expect(cli(['list']).stdout).toBe('No researcher accounts yet.\n');
  });

  it('explains mistakes with an exit code and no stack trace', () => {
    const weak = cli(['add', 'jo@example.org', '--role', 'researcher'], 'password1234\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/harder to guess/);
    expect(weak.stderr).not.toMatch(/\n\s+at /);

    const noRole = cli(['add', 'jo@example.org'], 'orange kettle on the moon\n');
    expect(noRole.status).toBe(2);
    expect(noRole.stderr).toMatch(/--role admin or --role researcher/);

    cli(['add', 'jo@example.org', '--role', 'researcher'], 'orange kettle on the moon\n');
    const twice = cli(['add', 'jo@example.org', '--role', 'admin'], 'orange kettle on the moon\n');
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/already an account/);

    expect(cli(['remove', 'nobody@example.org']).stderr).toMatch(/no account for nobody/);
    expect(cli(['frobnicate', 'x']).status).toBe(2);

    const badDir = spawnSync(process.execPath, ['scripts/researcher.ts', 'list'], {
      env: { ...process.env, DATA_DIR: path.join(dataDir, 'missing') },
      encoding: 'utf8',
    });
    expect(badDir.status).toBe(1);
    expect(badDir.stderr).toMatch(/does not exist/);
  });
});
