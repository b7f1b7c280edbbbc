import { existsSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DATABASE_FILE } from '../../src/server/sqliteStore.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';
import {
  faultPort,
  integrity,
  killLeftoverServers,
  newDataDir,
  parseOrText,
  RESPONSES,
  send,
  startServer,
  storedSubmissions,
  type Answer,
} from './server.ts';

test.afterEach(killLeftoverServers);

/**
 * Starts a submission and stops half way through its body. Resolves once the server has read
 * the headers and handed the request to the site (its `100 Continue` says so), with a function
 * that sends the rest, and the answer to come.
 */
async function halfSentSubmission(port: number, body: object) {
  const payload = Buffer.from(JSON.stringify(body));
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: RESPONSES,
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': payload.length,
      expect: '100-continue',
    },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: parseOrText(text) }),
      );
    });
    req.on('error', reject);
  });
  answer.catch(() => {});
  const accepted = new Promise<void>((resolve) => req.once('continue', resolve));
  req.flushHeaders();
  await accepted;
  const half = Math.floor(payload.length / 2);
  req.write(payload.subarray(0, half));
  return { answer, finish: () => req.end(payload.subarray(half)) };
}

/** Resolves once a new connection is refused: the server has stopped listening. */
async function untilRefused(port: number) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      await send(port, 'GET', '/api/health');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED') return;
      // A connection caught in the listen queue as the server closed is reset: poll again.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the server kept accepting new connections');
}

const walOf = (dataDir: string) => path.join(dataDir, `${DATABASE_FILE}-wal`);

for (const [signal, offset] of [
  ['SIGTERM', 2],
  ['SIGINT', 3],
] as const) {
  test(`${signal}: refuses new connections, answers the request in flight, closes the database and exits 0`, async () => {
    const dataDir = newDataDir();
    try {
      // Longer than the default 10 s drain, so a slow machine does not turn this into a
      // timeout test: the test below covers the timeout.
      const server = await startServer(dataDir, faultPort(offset), {
        SHUTDOWN_TIMEOUT_MS: '30000',
      });
      const body = practitionersSubmission();
      const inFlight = await halfSentSubmission(server.port, body);

      server.child.kill(signal);
      await untilRefused(server.port);
      expect(server.child.exitCode, 'still running for the request in flight').toBeNull();
      inFlight.finish();

      const answer = await inFlight.answer;
      expect(answer.status).toBe(201);
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain(`${signal}: finishing the requests in flight`);

      // Closed cleanly: the write-ahead log was checkpointed into the database and removed.
      expect(!existsSync(walOf(dataDir)) || statSync(walOf(dataDir)).size === 0).toBe(true);
      expect(integrity(dataDir)).toBe('ok');
      expect(storedSubmissions(dataDir).get(body.submissionId)).toBe(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

test('a request still unfinished after SHUTDOWN_TIMEOUT_MS is cut off, the exit code says so, and the database is sound', async () => {
  const dataDir = newDataDir();
  try {
    const server = await startServer(dataDir, faultPort(4), { SHUTDOWN_TIMEOUT_MS: '1000' });
    const stalled = await halfSentSubmission(server.port, practitionersSubmission());

    server.child.kill('SIGTERM');
    await expect(stalled.answer).rejects.toThrow();
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Requests still running after 1000 ms were cut off.');
    expect(integrity(dataDir)).toBe('ok');
    expect(storedSubmissions(dataDir).size).toBe(0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
