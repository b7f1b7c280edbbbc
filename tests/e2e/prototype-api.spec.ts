import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { RECEIPT_PATTERN } from '../../src/server/receipts.ts';

const API = '/api/prototypes/shared-family-timeline/feedback';
const COMMENTS = '/api/prototypes/shared-family-timeline/comments';

const feedback = () => ({
  submissionId: randomUUID(),
  usefulness: 3,
  reactions: { 'agreed-actions': 'not-sure' },
  role: 'ecdp-member',
});

test('feedback: 201 with a receipt, the same receipt for a retry, 20 at once stored once', async ({
  request,
}) => {
  const body = feedback();
  const created = await request.post(API, { data: body });
  expect(created.status()).toBe(201);
  expect(created.headers()['cache-control']).toBe('no-store');
  const { receipt } = await created.json();
  expect(receipt).toMatch(RECEIPT_PATTERN);
  expect(await (await request.post(API, { data: body })).json()).toEqual({ receipt });

  const again = feedback();
  const all = await Promise.all(
    Array.from({ length: 20 }, () => request.post(API, { data: again })),
  );
  const statuses = all.map((r) => r.status());
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 200)).toHaveLength(19);
});

test('feedback: 422 per field, 404 for an unknown scope, 413 and 415 for the wrong body', async ({
  request,
  baseURL,
}) => {
  const invalid = await request.post(API, {
    data: { ...feedback(), role: 'alien', reactions: { 'agreed-actions': 'meh' } },
  });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).errors).toEqual({
    role: 'Select who you are',
    'reactions.agreed-actions':
      'Choose useful, not sure or worried for “What was agreed and what happens next”',
  });

  const unknown = await request.post('/api/prototypes/no-such-scope/feedback', {
    data: feedback(),
  });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error).toBe('There is no prototype scope at this address.');

  const huge = await request.post(API, {
    data: { ...feedback(), comment: 'x'.repeat(200_000) },
  });
  expect(huge.status()).toBe(413);
  const text = await request.post(API, {
    data: 'role=other',
    headers: { 'Content-Type': 'text/plain', Origin: baseURL! },
  });
  expect(text.status()).toBe(415);
});

test('comments: JSON, paged, only approved; a bad page number is a 400', async ({ request }) => {
  const page = await request.get(COMMENTS);
  expect(page.status()).toBe(200);
  const body = await page.json();
  expect(body).toMatchObject({ page: 1, pages: expect.any(Number), total: expect.any(Number) });
  expect(body.features.map((f: { featureId: string }) => f.featureId)).toEqual([
    'shared-timeline',
    'agreed-actions',
    'family-view',
    'accessible-ways',
  ]);
  expect((await request.get(`${COMMENTS}?page=0`)).status()).toBe(400);
  expect((await request.get(`${COMMENTS}?page=abc`)).status()).toBe(400);
  expect((await request.get('/api/prototypes/no-such-scope/comments')).status()).toBe(404);
});
