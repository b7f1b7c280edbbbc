import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { migrations } from '../../src/server/migrations.ts';

const LATEST = migrations.at(-1)!.version;

// These start their own servers from the built site (the web server in the config built it).
const ROOT = path.resolve(import.meta.dirname, '../..');
let nextPort = 4500 + Math.floor(Math.random() * 400);

function start(dataDir: string) {
  const port = nextPort++;
  const child = spawn(process.execPath, ['scripts/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port) },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, port, exited, output: () => output };
}

/** Up to a minute: start-up is slower on a busy machine, and this catches only a server that never answers. */
async function healthOf(port: number) {
  for (let i = 0; i < 600; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      return { status: response.status, body: await response.json() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no answer on port ${port}`);
}

test('starts on an empty DATA_DIR, migrates, answers health, and restarts on the same data', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sg-server-'));
  try {
    const first = start(dataDir);
    expect(await healthOf(first.port)).toEqual({
      status: 200,
      body: { status: 'ok', database: 'ok', schemaVersion: LATEST },
    });
    expect(readdirSync(dataDir)).toContain('safeguarding.sqlite');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = start(dataDir);
    expect((await healthOf(second.port)).status).toBe(200);
    expect(second.output()).toContain(`schema version ${LATEST}`);
    second.child.kill('SIGTERM');
    await second.exited;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a missing DATA_DIR stops the server with a message naming the folder, not a stack trace', async () => {
  const missing = path.join(tmpdir(), `sg-missing-${Date.now()}`);
  const server = start(missing);
  expect(await server.exited).toBe(1);
  expect(server.output()).toContain(`The data folder ${missing} does not exist`);
  expect(server.output()).not.toMatch(/^\s+at /m);
});

test('an unwritable DATA_DIR stops the server and says why', async () => {
  const server = start('/sys');
  expect(await server.exited).toBe(1);
  expect(server.output()).toMatch(/The data folder \/sys is not writable \(E[A-Z]+\)/);
  expect(server.output()).not.toMatch(/^\s+at /m);
});
