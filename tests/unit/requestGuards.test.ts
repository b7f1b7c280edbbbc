import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, readGuardedBody } from '../../src/server/requestGuards.ts';

const OWN = 'https://safeguarding2.example';
const URL_ = `${OWN}/api/surveys/practitioners/responses`;

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request(URL_, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
    // Required by undici for a streamed body.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/** A body delivered in 8 KiB chunks with no Content-Length, as a chunked upload arrives. */
function chunked(totalBytes: number, onPull?: () => void) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull?.();
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(8192, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

async function refusal(request: Request) {
  const result = await readGuardedBody(request, OWN);
  if (result.ok) throw new Error('expected a refusal');
  const text = await result.response.text();
  return {
    status: result.response.status,
    type: result.response.headers.get('content-type'),
    body: JSON.parse(text) as { error: string },
    text,
  };
}

describe('request guards', () => {
  it('reads a JSON body', async () => {
    const result = await readGuardedBody(post('{"receipt":"7K3M"}'), OWN);
    expect(result).toEqual({ ok: true, kind: 'json', json: { receipt: '7K3M' } });
  });

  it('reads a form post', async () => {
    const request = post('receipt=7K3M+9QPD&x=%C3%A9', {
      'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
    });
    const result = await readGuardedBody(request, OWN);
    expect(result.ok && result.kind === 'form' && [...result.form]).toEqual([
      ['receipt', '7K3M 9QPD'],
      ['x', 'é'],
    ]);
  });

  it('refuses a body over 64 KiB from its Content-Length, without reading it', async () => {
    let pulls = 0;
    const request = post(
      chunked(70 * 1024, () => pulls++),
      {
        'content-length': String(70 * 1024),
      },
    );
    const refused = await refusal(request);
    expect(refused.status).toBe(413);
    expect(pulls).toBeLessThanOrEqual(1);
  });

  it('refuses a chunked body once it passes 64 KiB, reading no further', async () => {
    let pulls = 0;
    const refused = await refusal(post(chunked(10 * 1024 * 1024, () => pulls++)));
    expect(refused.status).toBe(413);
    // 8 KiB chunks: the 9th passes 64 KiB; a few more may be buffered, not 1,280.
    expect(pulls).toBeLessThan(20);
  });

  it('accepts a body of exactly 64 KiB', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES - 11) });
    expect(body.length).toBe(MAX_BODY_BYTES);
    expect((await readGuardedBody(post(body), OWN)).ok).toBe(true);
  });

  it('answers 413 when the adapter’s own body limit stops the stream', async () => {
    const stream = new ReadableStream({
      pull(controller) {
        controller.error(new Error('Body size limit exceeded: received more than 262144 bytes'));
      },
    });
    expect((await refusal(post(stream))).status).toBe(413);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['multipart/form-data', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['no content type', { 'content-type': '' }],
  ])('refuses %s with 415', async (_, headers) => {
    expect((await refusal(post('{}', headers))).status).toBe(415);
  });

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['the same host over http', { origin: 'http://safeguarding2.example' }],
    ['a cross-site sandboxed frame', { origin: 'null', 'sec-fetch-site': 'cross-site' }],
    ['a cross-site fetch with no Origin', { 'sec-fetch-site': 'cross-site' }],
    ['a sibling subdomain', { origin: OWN, 'sec-fetch-site': 'same-site' }],
  ])('refuses a request from %s with 403', async (_, headers) => {
    expect((await refusal(post('{}', headers))).status).toBe(403);
  });

  it('accepts a request from its own origin, and one with no Origin at all', async () => {
    expect((await readGuardedBody(post('{}', { origin: OWN }), OWN)).ok).toBe(true);
    expect((await readGuardedBody(post('{}'), OWN)).ok).toBe(true);
    // Our own page under Referrer-Policy: no-referrer: the browser hides the Origin.
    const noReferrer = { origin: 'null', 'sec-fetch-site': 'same-origin' };
    expect((await readGuardedBody(post('{}', noReferrer), OWN)).ok).toBe(true);
  });

  it('refuses malformed JSON with 400, without quoting the body back', async () => {
    const refused = await refusal(post('{"answers": "my secret words'));
    expect(refused.status).toBe(400);
    expect(refused.text).not.toContain('secret');
  });

  it('refuses bytes that are not UTF-8 with 400', async () => {
    expect((await refusal(post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).status).toBe(400);
  });

  it('answers every refusal with a short JSON error, never a stack trace', async () => {
    for (const request of [
      post('{', {}),
      post('{}', { 'content-type': 'text/plain' }),
      post('{}', { origin: 'https://evil.example' }),
      post('x'.repeat(MAX_BODY_BYTES + 1)),
    ]) {
      const refused = await refusal(request);
      expect(refused.type).toMatch(/^application\/json/);
      expect(Object.keys(refused.body)).toEqual(['error']);
      expect(refused.body.error.length).toBeLessThan(120);
      expect(refused.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
    }
  });
});
