import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonBody } from '../../src/server/jsonBody.ts';
import { outcomeAnswer } from '../../src/server/outcomeAnswer.ts';
import { toResponse } from '../../src/server/jsonResponses.ts';
import { readGuardedBody } from '../../src/server/requestGuards.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { FUZZ_ROUTES, type SubmissionRoute } from '../fixtures/fuzzRoutes.ts';
import {
  brokenBody,
  deepJsonText,
  deeplyNested,
  hostileJson,
  LONE_SURROGATES,
  withExtraField,
  withInvalidUtf8,
} from '../fixtures/hostile.ts';
import { snapshotDatabase } from '../helpers/dbSnapshot.ts';
import { jsonRefusalProblems } from '../helpers/fuzzChecks.ts';
import { fuzzOptions, fuzzTimeout } from '../helpers/fuzzOptions.ts';

/**
 * In-process fuzzing of every JSON submission route in the table: the same steps the route takes
 * (read and guard the body, check and store it, answer), on a temporary database, many runs.
 */

const ORIGIN = 'http://127.0.0.1:4321';
/** A day every fuzzed activity is open (they open 2026-11-01 and close 2027-03-31). */
const OPEN_DAY = new Date('2026-11-26T14:00:00Z');
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

let dir: string;
let store: Store;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-fuzz-'));
  store = openSqliteStore(dir);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const jsonRequest = (url: string, body: BodyInit) =>
  new Request(`${ORIGIN}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body,
  });

/** The route's own steps, as src/pages/api/surveys/[slug]/responses.ts takes them. */
async function post(route: SubmissionRoute, body: BodyInit): Promise<Response> {
  const read = await readGuardedBody(jsonRequest(route.url, body), ORIGIN);
  if (!read.ok) return read.response;
  if (read.kind !== 'json') throw new Error('expected JSON');
  const result = await route.submit(store, read.json, OPEN_DAY);
  return result instanceof Response ? result : toResponse(outcomeAnswer(result, 'activity'));
}

/** A refusal is a clear 4xx, nothing changed in any table, and no prototype was touched. */
async function expectRefusedCleanly(response: Response, before: Record<string, string>) {
  const text = await response.text();
  expect(jsonRefusalProblems(response.status, response.headers.get('content-type'), text)).toEqual(
    [],
  );
  expect(snapshotDatabase(store.database())).toEqual(before);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const submissionRoutes = Object.entries(FUZZ_ROUTES).filter(
  (entry): entry is [string, SubmissionRoute] => entry[1].kind === 'submission',
);

describe.each(submissionRoutes)('%s', (_, route) => {
  it(
    'refuses hostile and broken bodies with a clear 4xx, storing nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            brokenBody(route.valid).map((body) => JSON.stringify(body) ?? 'undefined'),
            brokenBody(route.valid).map((body) => JSON.stringify(body) ?? 'undefined'),
            hostileJson.map((body) => JSON.stringify(body)),
            deeplyNested.map((body) => JSON.stringify(body)),
            deepJsonText,
          ),
          async (text) => {
            const before = snapshotDatabase(store.database());
            const response = await post(route, text);
            // A mutation can leave a body valid (an optional answer removed): then it is stored.
            if (response.status === 201) return;
            await expectRefusedCleanly(response, before);
          },
        ),
        fuzzOptions(150),
      );
    },
    fuzzTimeout(),
  );

  it(
    'refuses a body with a field too many, prototype names included, storing nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(withExtraField(route.valid), async (body) => {
          const before = snapshotDatabase(store.database());
          const response = await post(route, JSON.stringify(body));
          expect(response.status).toBe(422);
          await expectRefusedCleanly(response, before);
        }),
        fuzzOptions(80),
      );
    },
    fuzzTimeout(),
  );

  it(
    'refuses a body that is not UTF-8, storing nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          route.valid.chain((body) => withInvalidUtf8(JSON.stringify(body))),
          async (bytes) => {
            const before = snapshotDatabase(store.database());
            const response = await post(route, bytes);
            expect(response.status).toBe(400);
            await expectRefusedCleanly(response, before);
          },
        ),
        fuzzOptions(40),
      );
    },
    fuzzTimeout(),
  );

  it(
    'stores tricky but legal text exactly as sent, and a retry gets the same receipt',
    async () => {
      await fc.assert(
        fc.asyncProperty(route.valid, async (body) => {
          const created = await post(route, JSON.stringify(body));
          expect(created.status).toBe(201);
          const { receipt } = await created.json();
          expect(route.readBack(store.database(), body)).toEqual(route.expected(body));
          const retried = await post(route, JSON.stringify(body));
          expect([retried.status, await retried.json()]).toEqual([200, { receipt }]);
        }),
        fuzzOptions(60),
      );
    },
    fuzzTimeout(),
  );

  it(
    'stores a lone surrogate (half an emoji) as U+FFFD, the only change made to text',
    async () => {
      await fc.assert(
        fc.asyncProperty(route.valid, fc.constantFrom(...LONE_SURROGATES), async (body, half) => {
          // Into every free-text answer: the tricky-text generator never makes a choice value.
          const sent = JSON.stringify(body).replaceAll('Ω', half);
          const response = await post(route, sent);
          expect(response.status).toBe(201);
          const normalised = parseJsonBody(sent);
          if (!normalised.ok) throw new Error('not JSON');
          const stored = route.readBack(store.database(), normalised.value as typeof body);
          expect(stored).toEqual(
            route.expected(JSON.parse(JSON.stringify(body).replaceAll('Ω', '\uFFFD'))),
          );
        }),
        fuzzOptions(20),
      );
    },
    fuzzTimeout(),
  );
});
