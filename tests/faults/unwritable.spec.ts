import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';
import {
  faultPort,
  integrity,
  killLeftoverServers,
  newDataDir,
  send,
  startServer,
  storedSubmissions,
  submit,
} from './server.ts';
import { makeUnwritable, type Fault } from './unwritable.ts';

test.afterEach(killLeftoverServers);

test('while the database cannot be written, submissions get 503 and nothing is lost; it takes them again without a restart', async () => {
  const dataDir = newDataDir();
  let fault: Fault | undefined;
  try {
    const server = await startServer(dataDir, faultPort(5));
    const before = Array.from({ length: 5 }, () => practitionersSubmission());
    const receipts = [];
    for (const body of before) {
      const answer = await submit(server.port, body);
      expect(answer.status).toBe(201);
      receipts.push(answer.body.receipt);
    }

    fault = makeUnwritable(dataDir, server.child.pid!);
    test.info().annotations.push({ type: 'unwritable by', description: fault.mechanism });

    const refused = Array.from({ length: 3 }, () => practitionersSubmission());
    for (const body of refused) {
      const answer = await submit(server.port, body);
      expect(answer.status).toBe(503);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      expect(answer.body).toEqual({
        error:
          'The service cannot save anything just now. Nothing was saved; please try again in a few minutes.',
      });
    }
    // The operator is told, in the server's log, that someone needs to fix the disk.
    expect(server.output()).toContain('The database refused a write');
    // A retry of something already stored needs no write: it still gets its receipt.
    const replay = await submit(server.port, before[0]);
    expect(replay).toMatchObject({ status: 200, body: { receipt: receipts[0] } });
    // The site stays up for everyone reading.
    expect((await send(server.port, 'GET', '/api/health')).status).toBe(200);

    // Nothing acknowledged was lost, nothing refused was kept.
    const during = storedSubmissions(dataDir);
    expect([...during.keys()].sort()).toEqual(before.map((b) => b.submissionId).sort());

    fault.restore();
    fault = undefined;
    for (const body of refused) expect((await submit(server.port, body)).status).toBe(201);
    expect((await submit(server.port, practitionersSubmission())).status).toBe(201);
    expect(server.child.exitCode, 'the same server, not restarted').toBeNull();

    const after = storedSubmissions(dataDir);
    expect(after.size).toBe(before.length + refused.length + 1);
    for (const body of [...before, ...refused]) expect(after.get(body.submissionId)).toBe(1);
    expect(integrity(dataDir)).toBe('ok');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  } finally {
    fault?.restore();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
