import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, test } from '@playwright/test';

const URL_ = '/api/journeys/child-protection-journey/maps';
const activity = parse(
  readFileSync(
    path.resolve(import.meta.dirname, '../../content/journeys/child-protection-journey.yml'),
    'utf8',
  ),
);
const consent = Object.fromEntries(
  (activity.consent.statements as { id: string }[]).map((s) => [s.id, true]),
);
const map = (extra: Record<string, unknown> = {}) => ({
  submissionId: randomUUID(),
  role: 'parent-or-carer',
  consent,
  stages: [
    { name: 'A first worry', feeling: 2, who: ['teacher-or-school'] },
    { name: 'Assessment', feeling: 3, who: [], wouldHaveHelped: 'Plain words' },
  ],
  ...extra,
});

test('a map is stored once: 201 with a receipt, 200 with the same receipt on a repeat', async ({
  request,
}) => {
  const body = map();
  const first = await request.post(URL_, { data: body });
  expect(first.status()).toBe(201);
  const { receipt } = await first.json();
  expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  const again = await request.post(URL_, { data: body });
  expect(again.status()).toBe(200);
  expect(await again.json()).toEqual({ receipt });
});

test('bad maps get 422 with errors per stage and field, and unknown or huge ones 404 and 413', async ({
  request,
}) => {
  const bad = await request.post(URL_, {
    data: map({ stages: [{ name: '', feeling: 9 }], role: 'astronaut' }),
  });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).errors).toMatchObject({
    'stages.0.name': 'Enter a name for stage 1',
    'stages.0.feeling': 'Select how stage 1 felt',
    role: 'Select the role that best describes you',
  });
  const tooMany = await request.post(URL_, {
    data: map({ stages: Array.from({ length: 31 }, (_, i) => ({ name: `S${i}`, feeling: 3 })) }),
  });
  expect(tooMany.status()).toBe(422);
  expect((await tooMany.json()).errors.stages).toBe('A map can have at most 30 stages');

  const unknown = await request.post('/api/journeys/no-such-activity/maps', { data: map() });
  expect(unknown.status()).toBe(404);
  const huge = await request.post(URL_, {
    data: map({ stages: [{ name: 'x', feeling: 3, happened: 'x'.repeat(70 * 1024) }] }),
  });
  expect(huge.status()).toBe(413);
});
