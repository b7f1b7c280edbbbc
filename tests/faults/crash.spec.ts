import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { RECEIPT_PATTERN } from '../../src/server/receipts.ts';
import { submitContinuously, type Sent } from './load.ts';
import {
  faultPort,
  integrity,
  killLeftoverServers,
  newDataDir,
  readDatabase,
  startServer,
  storedSubmissions,
  submit,
} from './server.ts';

test.afterEach(killLeftoverServers);

const CLIENTS = 8;
const ROUNDS = 2;

/** What each stored submission says, to check the row is the body that was acknowledged. */
function storedAnswers(dataDir: string): Map<string, string> {
  return readDatabase(dataDir, (db) => {
    const rows = db.prepare('SELECT submission_id AS id, answers FROM responses').all() as {
      id: string;
      answers: string;
    }[];
    return new Map(rows.map((row) => [row.id, row.answers]));
  });
}

const idOf = (sent: Sent) => sent.body.submissionId;

/** Sends the same submissions again, a few at a time, as clients retrying would. */
async function retry(port: number, sent: Sent[]) {
  const answers = [];
  for (let i = 0; i < sent.length; i += CLIENTS) {
    answers.push(
      ...(await Promise.all(sent.slice(i, i + CLIENTS).map((s) => submit(port, s.body)))),
    );
  }
  return answers;
}

test('after SIGKILL under load, every acknowledged submission is stored once and retries get their receipts', async () => {
  const dataDir = newDataDir();
  const everything = new Set<string>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServer(dataDir, faultPort(0));
      const load = submitContinuously(server.port, CLIENTS);
      // Kill at a different moment each round, while every client has a request going.
      await load.untilAcknowledged(20 + Math.floor(Math.random() * 60));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      server.child.kill('SIGKILL');
      expect(await server.exited).toBeNull();
      await load.done;

      const acknowledged = load.acknowledged();
      const failed = load.failed();
      // Every answer the server gave before dying was a 201; every client lost one request.
      expect(load.sent.filter((s) => s.answer && s.answer.status !== 201)).toEqual([]);
      expect(failed).toHaveLength(CLIENTS);
      for (const sent of load.sent) everything.add(idOf(sent));

      const restarted = await startServer(dataDir, faultPort(1));
      try {
        const beforeRetry = storedSubmissions(dataDir);
        const answers = storedAnswers(dataDir);
        for (const sent of acknowledged) {
          expect(beforeRetry.get(idOf(sent)), 'an acknowledged submission is stored once').toBe(1);
          const text = 'one-thing-that-would-help';
          expect(JSON.parse(answers.get(idOf(sent))!)[text]).toBe(sent.body.answers[text]);
        }
        // Nothing stored that no client sent, and nothing twice.
        for (const [id, count] of beforeRetry) {
          expect(everything.has(id)).toBe(true);
          expect(count).toBe(1);
        }

        // A request cut off by the kill is either stored (its answer was lost) or not at all;
        // the retry says which: 200 with the receipt if it was, 201 if it is stored now.
        const retried = await retry(restarted.port, failed);
        failed.forEach((sent, i) => {
          expect(retried[i].status).toBe(beforeRetry.has(idOf(sent)) ? 200 : 201);
          expect(retried[i].body.receipt).toMatch(RECEIPT_PATTERN);
        });
        const again = await retry(restarted.port, acknowledged);
        acknowledged.forEach((sent, i) => {
          expect(again[i].status).toBe(200);
          expect(again[i].body.receipt).toBe(sent.answer!.body.receipt);
        });

        const after = storedSubmissions(dataDir);
        expect(new Set(after.keys())).toEqual(everything);
        expect([...after.values()].every((count) => count === 1)).toBe(true);
        expect(integrity(dataDir)).toBe('ok');
        test.info().annotations.push({
          type: `round ${round + 1}`,
          description:
            `${acknowledged.length} acknowledged before SIGKILL; of ${failed.length} cut off, ` +
            `${failed.filter((s) => beforeRetry.has(idOf(s))).length} had been stored`,
        });
      } finally {
        restarted.child.kill('SIGTERM');
        expect(await restarted.exited).toBe(0);
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
