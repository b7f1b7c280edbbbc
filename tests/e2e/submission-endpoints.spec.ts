import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';

/**
 * JSON submissions are answered by src/server/submissionEndpoints.ts without Astro; form posts to
 * the same address still go through the Astro route. Both must store the same thing and answer
 * with the same headers, or a participant's answer would be read against other questions.
 */
const RESPONSES = '/api/surveys/practitioners/responses';

function storedRow(submissionId: string) {
  const db = new DatabaseSync(path.join(process.env.SG_E2E_DATA_DIR!, 'safeguarding.sqlite'), {
    readOnly: true,
  });
  try {
    return db
      .prepare(
        'SELECT definition_hash, consent_version, answers FROM responses WHERE submission_id = ?',
      )
      .get(submissionId) as
      { definition_hash: string; consent_version: string; answers: string } | undefined;
  } finally {
    db.close();
  }
}

/** Headers that differ between any two answers whoever sends them. */
const VARYING = new Set(['date', 'content-length', 'connection', 'keep-alive']);
const fixedHeaders = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !VARYING.has(name)));

test('a JSON answer and a form post to the same survey are stored against the same definition, with the same headers', async ({
  request,
}) => {
  const json = practitionersSubmission();
  const viaJson = await request.post(RESPONSES, { data: json });
  expect(viaJson.status()).toBe(201);

  const form = practitionersSubmission();
  const fields = new URLSearchParams({ submissionId: form.submissionId });
  for (const [id, value] of Object.entries(form.answers)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      fields.append(`answers.${id}`, String(item));
    }
  }
  for (const id of Object.keys(form.consent)) fields.append(`consent.${id}`, 'yes');
  const viaForm = await request.post(RESPONSES, {
    data: fields.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(viaForm.status()).toBe(201);

  const a = storedRow(json.submissionId);
  const b = storedRow(form.submissionId);
  expect(a?.definition_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(b?.definition_hash).toBe(a?.definition_hash);
  expect(b?.consent_version).toBe(a?.consent_version);
  expect(JSON.parse(b!.answers)).toEqual(JSON.parse(a!.answers));

  // Security headers, caching and type: the same from both paths.
  expect(fixedHeaders(viaJson.headers())).toEqual(fixedHeaders(viaForm.headers()));
  expect(viaJson.headers()['x-content-type-options']).toBe('nosniff');
  expect(viaJson.headers()['content-security-policy']).toBeTruthy();
});

test('the fast path refuses a cross-site post and odd bodies as the routes do, and storing nothing', async ({
  request,
}) => {
  const body = practitionersSubmission();
  const cross = await request.post(RESPONSES, {
    data: body,
    headers: { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' },
  });
  expect(cross.status()).toBe(403);
  const deep = await request.post(RESPONSES, {
    data: '['.repeat(5000) + ']'.repeat(5000),
    headers: { 'content-type': 'application/json' },
  });
  expect(deep.status()).toBe(400);
  const notUtf8 = await request.post(RESPONSES, {
    data: Buffer.from([0x7b, 0xff, 0x7d]),
    headers: { 'content-type': 'application/json' },
  });
  expect(notUtf8.status()).toBe(400);
  expect(storedRow(body.submissionId)).toBeUndefined();
});
