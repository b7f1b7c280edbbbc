import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { useOwnServer } from './ownServer.ts';

// In order, on a server of its own: the second test uses up the allowance (which would refuse
// other specs' feedback) and the first counts stored rows.
// In order, in one worker; a failure never skips the tests after it ('serial' would).
test.describe.configure({ mode: 'default' });
const { dataDir } = useOwnServer(11);

const SLUG = 'shared-family-timeline';
const API = `/api/prototypes/${SLUG}/feedback`;

/** How much feedback the test server has stored, read from its database (WAL lets us). */
function storedFeedback(): number {
  const db = new DatabaseSync(path.join(dataDir, 'safeguarding.sqlite'), {
    readOnly: true,
  });
  try {
    return Number((db.prepare('SELECT COUNT(*) AS n FROM feedback').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

const feedback = (extra: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  role: 'other',
  comment: 'Automated?',
  ...extra,
});

test('a filled-in honeypot is refused and nothing is stored', async ({ request, baseURL }) => {
  const before = storedFeedback();
  const response = await request.post(API, { data: feedback({ website: 'https://spam.example' }) });
  expect(response.status()).toBe(400);
  expect((await response.json()).error).toMatch(/could not be accepted/);
  // The same through the no-JavaScript form.
  const form = await request.post(`/prototypes/${SLUG}/feedback/`, {
    form: { submissionId: randomUUID(), role: 'other', comment: 'Spam', website: 'x' },
    headers: { Origin: baseURL! },
  });
  expect(form.status()).toBe(400);
  expect(storedFeedback()).toBe(before);
});

test('one client sending feedback in a loop is stopped with 429 and Retry-After', async ({
  request,
}) => {
  let limited;
  let accepted = 0;
  let last: ReturnType<typeof feedback> | undefined;
  for (let i = 0; i < 200 && !limited; i++) {
    const body = feedback();
    const response = await request.post(API, { data: body });
    if (response.status() === 429) limited = response;
    else {
      expect(response.status()).toBe(201);
      accepted++;
      last = body;
    }
  }
  expect(limited, 'the limit was reached').toBeDefined();
  expect(Number(limited!.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await limited!.json()).error).toMatch(/Too much feedback/);
  const stored = storedFeedback();
  // Refused posts store nothing, and a retry of stored feedback is still answered.
  const again = await request.post(API, { data: feedback() });
  expect(again.status()).toBe(429);
  if (last) expect((await request.post(API, { data: last })).status()).toBe(200);
  expect(storedFeedback()).toBe(stored);
  expect(accepted).toBeLessThanOrEqual(30);
});
