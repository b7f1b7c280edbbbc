import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonBody } from '../../src/server/jsonBody.ts';
import { readGuardedBody } from '../../src/server/requestGuards.ts';

const OWN = 'https://safeguarding2.example';
const post = (body: string) =>
  new Request(`${OWN}/api/withdrawals`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });

describe('reading a JSON body', () => {
  it('refuses nesting deeper than any form needs with 400, before anything walks it', async () => {
    // 30,000 levels fit in 64 KiB and used to overflow the stack in the validators (a 500).
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const result = await readGuardedBody(post(deep), OWN);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.response.status).toBe(400);
    expect(await result.response.json()).toEqual({
      error: `The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`,
    });
  });

  it('accepts nesting up to the limit', () => {
    const atLimit = `${'['.repeat(MAX_JSON_DEPTH)}1${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(parseJsonBody(atLimit).ok).toBe(true);
    expect(parseJsonBody(`[${atLimit}]`).ok).toBe(false);
  });

  it('turns a lone surrogate (half an emoji) into U+FFFD, in values and keys, and nothing else', () => {
    const result = parseJsonBody('{"a\\ud800":["x\\udfff y", "😀 \\ud83d\\ude00"],"n":1}');
    expect(result).toEqual({ ok: true, value: { 'a\uFFFD': ['x\uFFFD y', '😀 😀'], n: 1 } });
  });

  it('keeps a __proto__ key as data, as JSON.parse does, without touching any prototype', () => {
    const result = parseJsonBody('{"__proto__":{"polluted":true}}');
    expect(result.ok && Object.hasOwn(result.value as object, '__proto__')).toBe(true);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.ok && result.value)).toBe(Object.prototype);
  });
});
