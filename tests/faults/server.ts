/**
 * The built server as a child process, and plain HTTP to it, for the fault tests. Each test
 * starts its own server on its own DATA_DIR and port, so it can kill, stop or starve it
 * without touching the shared test server. Playwright's webServer has built `dist/` first.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DATABASE_FILE } from '../../src/server/sqliteStore.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RESPONSES = '/api/surveys/practitioners/responses';

/**
 * Ports just above the shared test server's (TEST_PORT, default 4399): each fault test uses a
 * fixed offset, so tests running side by side never meet, and setting TEST_PORT moves them all.
 */
export function faultPort(offset: number): number {
  return Number(process.env.TEST_PORT || 4399) + 10 + offset;
}

export const newDataDir = () => mkdtempSync(path.join(tmpdir(), 'sg-faults-'));

export interface RunningServer {
  child: ChildProcessWithoutNullStreams;
  port: number;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  output: () => string;
}

const started = new Set<ChildProcessWithoutNullStreams>();

/** Kills any server a failed test left running; for `test.afterEach`. */
export function killLeftoverServers() {
  for (const child of started) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  started.clear();
}

/** Starts `node scripts/serve.ts` and resolves once /api/health answers 200. */
export async function startServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const child = spawn(process.execPath, ['scripts/serve.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      // Thousands of submissions from one address (127.0.0.1) stand for many participants.
      SUBMISSION_LIMIT_PER_HOUR: '1000000000',
      ...env,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
    },
  });
  started.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const server = { child, port, exited, output: () => output };

  // Two minutes: on a shared machine under load a start (migrations, retention) can take more
  // than the half minute it takes when quiet.
  const deadline = Date.now() + 120_000;
  let stopped = false;
  void exited.then(() => (stopped = true));
  while (Date.now() < deadline && !stopped) {
    const health = await send(port, 'GET', '/api/health').catch(() => undefined);
    if (health?.status === 200) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`The server on port ${port} did not start:\n${output}`);
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { receipt?: string; error?: string; errors?: Record<string, string> };
}

/**
 * One request on its own connection (no keep-alive pool), so that a killed or stopping server
 * shows exactly which requests it answered. Rejects only on a network error (refused, reset,
 * cut off mid-answer).
 */
export function send(port: number, method: string, pathname: string, body?: unknown) {
  return new Promise<Answer>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: pathname,
        agent: false,
        headers: payload ? { 'content-type': 'application/json' } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        // A body that is not JSON (a crash page) still resolves, so its status is seen.
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: parseOrText(text) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function parseOrText(text: string): Answer['body'] {
  try {
    return JSON.parse(text);
  } catch {
    return { error: text };
  }
}

export const submit = (port: number, body: unknown) => send(port, 'POST', RESPONSES, body);

/** Reads the database the way an operator would after the fact: straight from the file. */
export function readDatabase<T>(dataDir: string, read: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE), { timeout: 5000 });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** submission id → how many rows have it, for the practitioners survey. */
export function storedSubmissions(dataDir: string): Map<string, number> {
  return readDatabase(dataDir, (db) => {
    const rows = db
      .prepare(
        `SELECT submission_id AS id, COUNT(*) AS n FROM responses
         WHERE activity_slug = 'practitioners' GROUP BY submission_id`,
      )
      .all() as { id: string; n: number }[];
    return new Map(rows.map((row) => [row.id, Number(row.n)]));
  });
}

export function integrity(dataDir: string): string {
  return readDatabase(
    dataDir,
    (db) =>
      (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check,
  );
}
