import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { PORT } from '../../playwright.config.ts';

// Every kind of text response the server sends, compressed when asked and only then, with the
// same security headers either way (src/server/compressResponses.ts). Raw node:http, since
// Playwright's request context asks for compression itself and hides what came over the wire.

const ASSETS = path.resolve(import.meta.dirname, '../../dist/client/_astro');
const asset = (pattern: RegExp) => `/_astro/${readdirSync(ASSETS).find((n) => pattern.test(n))}`;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(pathname: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: PORT,
        path: pathname,
        agent: false,
        headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function decoded(raw: Raw): string {
  const encoding = raw.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(raw.body).toString();
  if (encoding === 'gzip') return gunzipSync(raw.body).toString();
  return raw.body.toString();
}

/** The headers that protect people, which compression must leave exactly as they were. */
const PROTECTIVE = [
  'content-security-policy',
  'referrer-policy',
  'x-content-type-options',
  'x-frame-options',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'cache-control',
  'content-type',
];
const protective = (raw: Raw) => PROTECTIVE.map((name) => [name, raw.headers[name]]);

const KINDS: [string, () => string, RegExp][] = [
  ['a prerendered page', () => '/', /<h1/],
  ['an on-demand page', () => '/research/login', /<form/],
  ['the editor page', () => '/admin/', /<html/],
  ['JSON from the API', () => '/api/prototypes/shared-family-timeline/comments', /"comments"/],
  ['a script', () => asset(/^client\..*\.js$/), /\w/],
  // The site's style sheet is written into each page (astro.config.mjs), so no .css file is
  // served; the feeds are the prerendered text files that are not pages.
  ['an Atom feed', () => '/updates/feed.xml', /<feed/],
  ['the editor script', () => asset(/^index\.astro.*\.js$/), /\w/],
];

for (const [kind, url, looksRight] of KINDS) {
  test(`${kind} is compressed when asked, and only then, with the same headers`, async () => {
    const plain = await get(url());
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.body.toString()).toMatch(looksRight);

    for (const [asked, sent] of [
      ['br, gzip', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip;q=0', undefined],
      ['identity', undefined],
    ] as const) {
      const raw = await get(url(), asked);
      expect(raw.status, asked).toBe(200);
      expect(raw.headers['content-encoding'], asked).toBe(sent);
      expect(raw.headers.vary, asked).toMatch(/Accept-Encoding/i);
      expect(protective(raw), asked).toEqual(protective(plain));
      const text = decoded(raw);
      expect(text).toMatch(looksRight);
      if (sent) expect(raw.body.length).toBeLessThan(text.length);
      // Pages made on request carry per-request values; files are the same bytes.
      if (!/on-demand|JSON/.test(kind)) expect(text).toBe(plain.body.toString());
    }
  });
}

test('the precompressed copies of every asset decompress to the asset itself', () => {
  const names = readdirSync(ASSETS);
  const copies = names.filter((name) => /\.(br|gz)$/.test(name));
  expect(copies.length).toBeGreaterThan(10);
  for (const copy of copies) {
    const source = readFileSync(path.join(ASSETS, copy.slice(0, -3)));
    const bytes = readFileSync(path.join(ASSETS, copy));
    const unpacked = copy.endsWith('.br') ? brotliDecompressSync(bytes) : gunzipSync(bytes);
    expect(unpacked.equals(source), copy).toBe(true);
  }
  // Every script and style sheet of any size has both.
  for (const name of names.filter((n) => /\.(js|css)$/.test(n))) {
    if (readFileSync(path.join(ASSETS, name)).length < 1024) continue;
    expect(names, name).toContain(`${name}.br`);
    expect(names, name).toContain(`${name}.gz`);
  }
});
