import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { readSubmissionContent } from '../../src/server/submissionContent.ts';
import { matchSubmission, submissionEndpoints } from '../../src/server/submissionEndpoints.ts';
import { RECEIPT_PATTERN } from '../../src/server/receipts.ts';
import { practitionersSubmission } from '../fixtures/practitionersSubmission.ts';

describe('matchSubmission', () => {
  it('knows the three submission addresses, with or without a trailing slash or query', () => {
    expect(matchSubmission('/api/surveys/practitioners/responses')).toEqual({
      kind: 'surveys',
      slug: 'practitioners',
    });
    expect(matchSubmission('/api/journeys/child-protection-journey/maps/')).toEqual({
      kind: 'journeys',
      slug: 'child-protection-journey',
    });
    expect(matchSubmission('/api/prototypes/shared-family-timeline/feedback?x=1')).toEqual({
      kind: 'prototypes',
      slug: 'shared-family-timeline',
    });
  });

  it('leaves every other address, and any slug routeParams.ts would refuse, to the site', () => {
    for (const url of [
      '/api/surveys/practitioners/maps',
      '/api/surveys/Practitioners/responses',
      '/api/surveys/pr%61ctitioners/responses',
      '/api/surveys//responses',
      '/api/withdrawals',
      '/surveys/practitioners/',
      '/api/surveys/practitioners/responses/extra',
    ]) {
      expect(matchSubmission(url), url).toBeUndefined();
    }
  });
});

describe('submissionEndpoints on a real server', () => {
  let dir: string;
  let store: Store;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-endpoints-'));
    store = openSqliteStore(dir);
    const content = readSubmissionContent();
    const first = submissionEndpoints(
      () => content,
      () => store,
    );
    // What the site (Astro) would answer: a marker, so a test sees who answered.
    server = createServer((req, res) => {
      if (!first(req, res)) res.writeHead(418).end('site');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(origin + url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const count = () =>
    (
      store
        .database()
        .prepare("SELECT count(*) AS n FROM responses WHERE activity_slug = 'practitioners'")
        .get() as { n: number }
    ).n;

  it('stores a survey response once and gives the same receipt to a retry', async () => {
    const before = count();
    const body = JSON.stringify(practitionersSubmission());
    const first = await post('/api/surveys/practitioners/responses', body);
    expect(first.status).toBe(201);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const { receipt } = (await first.json()) as { receipt: string };
    expect(receipt).toMatch(RECEIPT_PATTERN);
    const retry = await post('/api/surveys/practitioners/responses', body);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ receipt });
    expect(count()).toBe(before + 1);
  });

  it('refuses what the API routes refuse, in their words, and stores nothing', async () => {
    const before = count();
    const url = '/api/surveys/practitioners/responses';
    const crossSite = await post(url, JSON.stringify(practitionersSubmission()), {
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as { error: string }).error).toMatch(/another website/);
    expect((await post(url, '{"submissionId":')).status).toBe(400);
    expect((await post(url, JSON.stringify({ pad: 'x'.repeat(70_000) }))).status).toBe(413);
    const invalid = await post(url, JSON.stringify(practitionersSubmission({ role: 'wizard' })));
    expect(invalid.status).toBe(422);
    expect(Object.keys(((await invalid.json()) as { errors: object }).errors)).toContain('role');
    const unknown = await post(
      '/api/surveys/no-such-survey/responses',
      JSON.stringify(practitionersSubmission()),
    );
    expect(unknown.status).toBe(404);
    expect(count()).toBe(before);
  });

  it('hands form posts, other methods and other addresses to the site', async () => {
    const form = await fetch(origin + '/api/surveys/practitioners/responses', {
      method: 'POST',
      body: 'role=teacher',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(418);
    expect((await fetch(origin + '/api/surveys/practitioners/responses')).status).toBe(418);
    expect((await post('/api/withdrawals', '{}')).status).toBe(418);
  });
});
