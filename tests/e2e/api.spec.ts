import { expect, test, type APIRequestContext } from '@playwright/test';
import { RECEIPT_PATTERN } from '../../src/server/receipts.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';

const RESPONSES = '/api/surveys/practitioners/responses';

const send = (request: APIRequestContext, data: unknown, path = RESPONSES) =>
  request.post(path, { data });
const withdraw = (request: APIRequestContext, receipt: unknown) =>
  request.post('/api/withdrawals', { data: { receipt } });

test('a response is stored with a receipt, a retry gets the same receipt, and it can be withdrawn', async ({
  request,
}) => {
  const body = practitionersSubmission();
  const created = await send(request, body);
  expect(created.status()).toBe(201);
  expect(created.headers()['cache-control']).toBe('no-store');
  const { receipt } = await created.json();
  expect(receipt).toMatch(RECEIPT_PATTERN);

  const retried = await send(request, body);
  expect(retried.status()).toBe(200);
  expect(await retried.json()).toEqual({ receipt });

  const withdrawn = await withdraw(request, receipt);
  expect(withdrawn.status()).toBe(200);
  expect(await withdrawn.json()).toEqual({ withdrawn: true });

  const again = await withdraw(request, receipt);
  const garbage = await withdraw(request, 'not-a-receipt');
  expect([again.status(), garbage.status()]).toEqual([404, 404]);
  // Nothing tells "already withdrawn" from "never a code".
  expect(await garbage.json()).toEqual(await again.json());
});

test('50 identical submissions sent at once are stored once, all with one receipt', async ({
  request,
}) => {
  const body = practitionersSubmission();
  const responses = await Promise.all(Array.from({ length: 50 }, () => send(request, body)));
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 200)).toHaveLength(49);
  const receipts = new Set(await Promise.all(responses.map(async (r) => (await r.json()).receipt)));
  expect(receipts.size).toBe(1);
});

test('the same submissionId with different answers is refused, keyed to submissionId', async ({
  request,
}) => {
  const body = practitionersSubmission();
  expect((await send(request, body)).status()).toBe(201);
  const changed = { ...body, answers: { ...body.answers, role: 'police' } };
  const refused = await send(request, changed);
  expect(refused.status()).toBe(422);
  expect(Object.keys((await refused.json()).errors)).toEqual(['submissionId']);
});

test('invalid answers get 422 with errors keyed by question id', async ({ request }) => {
  const refused = await send(
    request,
    practitionersSubmission({ role: 'astronaut', 'one-thing-that-would-help': '' }),
  );
  expect(refused.status()).toBe(422);
  const { errors } = await refused.json();
  expect(errors).toEqual(
    expect.objectContaining({
      role: expect.any(String),
      'one-thing-that-would-help': expect.any(String),
    }),
  );
});

test('a form post from the site itself is accepted like JSON', async ({ request, baseURL }) => {
  const body = practitionersSubmission();
  const form = new URLSearchParams({ submissionId: body.submissionId });
  for (const [id, value] of Object.entries(body.answers)) {
    for (const item of [value].flat()) form.append(`answers.${id}`, String(item));
  }
  for (const id of Object.keys(body.consent)) form.append(`consent.${id}`, 'yes');
  const response = await request.post(RESPONSES, {
    data: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseURL! },
  });
  expect(response.status()).toBe(201);
  expect((await response.json()).receipt).toMatch(RECEIPT_PATTERN);
});

test('an unknown survey is 404 and a closed one is 410 with its close date', async ({
  request,
}) => {
  const unknown = await send(request, practitionersSubmission(), '/api/surveys/nope/responses');
  expect(unknown.status()).toBe(404);

  const closed = await send(
    request,
    practitionersSubmission(),
    '/api/surveys/pilot-conversations/responses',
  );
  expect(closed.status()).toBe(410);
  expect(await closed.json()).toEqual({
    error: 'This survey closed on 31 October 2026.',
    closes: '2026-10-31',
  });
});

test('bodies that are too large, of the wrong type or from another site are refused', async ({
  request,
  baseURL,
}) => {
  const large = practitionersSubmission({ 'anything-else': 'x'.repeat(70 * 1024) });
  const tooLarge = await send(request, large);
  expect(tooLarge.status()).toBe(413);

  const plain = await request.post(RESPONSES, {
    data: JSON.stringify(practitionersSubmission()),
    // Same-site, so it gets past Astro's own origin check for form-like types to ours.
    headers: { 'content-type': 'text/plain', origin: baseURL! },
  });
  expect(plain.status()).toBe(415);

  for (const path of [RESPONSES, '/api/withdrawals']) {
    const crossSite = await request.post(path, {
      data: practitionersSubmission(),
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status(), path).toBe(403);
  }

  const badJson = await request.post(RESPONSES, {
    // A Buffer is sent as it is; a string would be JSON-encoded by Playwright.
    data: Buffer.from('{"answers": '),
    headers: { 'content-type': 'application/json' },
  });
  expect(badJson.status()).toBe(400);

  for (const response of [tooLarge, plain, badJson]) {
    const text = await response.text();
    expect(Object.keys(JSON.parse(text))).toEqual(['error']);
    expect(text).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/);
  }
});
