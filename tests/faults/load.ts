import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';
import { submit, type Answer } from './server.ts';

export type Submission = ReturnType<typeof practitionersSubmission>;

/** One submission sent, and what came back: an answer, or the network error instead. */
export interface Sent {
  body: Submission;
  answer?: Answer;
  error?: Error;
}

/**
 * `clients` participants each sending one distinct, valid submission after another until
 * stopped. A client whose request fails on the network stops there, as a phone that lost the
 * server would; its failed submission is kept in `sent` for it to retry later.
 */
export function submitContinuously(port: number, clients: number) {
  const sent: Sent[] = [];
  let stopped = false;
  const run = async (client: number) => {
    for (let i = 0; !stopped; i++) {
      const body = practitionersSubmission({
        'one-thing-that-would-help': `Client ${client}, submission ${i}: a named contact.`,
      });
      const record: Sent = { body };
      sent.push(record);
      try {
        record.answer = await submit(port, body);
      } catch (error) {
        record.error = error as Error;
        return;
      }
    }
  };
  const done = Promise.all(Array.from({ length: clients }, (_, c) => run(c)));
  return {
    sent,
    acknowledged: () => sent.filter((s) => s.answer?.status === 201),
    failed: () => sent.filter((s) => s.error),
    /** Resolves once at least `count` submissions have been acknowledged. */
    async untilAcknowledged(count: number, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (sent.filter((s) => s.answer?.status === 201).length < count) {
        if (Date.now() > deadline) throw new Error(`fewer than ${count} acknowledged`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop() {
      stopped = true;
      await done;
    },
    done,
  };
}
