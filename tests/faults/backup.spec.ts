import { execFile } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { DATABASE_FILE } from '../../src/server/sqliteStore.ts';
import { submitContinuously } from './load.ts';
import {
  faultPort,
  integrity,
  killLeftoverServers,
  newDataDir,
  ROOT,
  send,
  startServer,
  storedSubmissions,
  submit,
} from './server.ts';

test.afterEach(killLeftoverServers);

const run = promisify(execFile);

test('npm run backup under load copies everything acknowledged before it began; the copy restores and serves', async () => {
  const dataDir = newDataDir();
  const backups = newDataDir();
  const restoredDir = newDataDir();
  try {
    const server = await startServer(dataDir, faultPort(6));
    const load = submitContinuously(server.port, 4);
    await load.untilAcknowledged(30);

    const acknowledgedBefore = load.acknowledged();
    const file = path.join(backups, 'backup.sqlite');
    // The same command an operator runs, while the clients keep submitting.
    const backup = await run(process.execPath, ['scripts/backup.ts', file], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    });
    expect(backup.stdout).toMatch(/^Backed up \d+ responses/);
    const during = load.acknowledged().length - acknowledgedBefore.length;
    await load.stop();
    expect(load.failed()).toEqual([]);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    test.info().annotations.push({
      type: 'backup',
      description: `${acknowledgedBefore.length} acknowledged before it began, ${during} while it ran`,
    });

    // Restore: the backup becomes the database of a new DATA_DIR.
    copyFileSync(file, path.join(restoredDir, DATABASE_FILE));
    expect(integrity(restoredDir)).toBe('ok');
    const stored = storedSubmissions(restoredDir);
    for (const sent of acknowledgedBefore) expect(stored.get(sent.body.submissionId)).toBe(1);

    // Served from the restored copy, each of those submissions is recognised with its
    // original receipt, and a receipt still withdraws its answers.
    const restored = await startServer(restoredDir, faultPort(7));
    for (const sent of acknowledgedBefore) {
      const again = await submit(restored.port, sent.body);
      expect(again.status).toBe(200);
      expect(again.body.receipt).toBe(sent.answer!.body.receipt);
    }
    const withdrawn = await send(restored.port, 'POST', '/api/withdrawals', {
      receipt: acknowledgedBefore[0].answer!.body.receipt,
    });
    expect(withdrawn.status).toBe(200);
    restored.child.kill('SIGTERM');
    expect(await restored.exited).toBe(0);
  } finally {
    for (const dir of [dataDir, backups, restoredDir]) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
