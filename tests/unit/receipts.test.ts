import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  deriveReceipt,
  encodeCrockford,
  hashReceipt,
  parseReceipt,
  RECEIPT_PATTERN,
} from '../../src/server/receipts.ts';

const secret = randomBytes(32);

describe('receipt codes', () => {
  it('are 16 Crockford symbols in four groups, with no I, L, O or U', () => {
    for (let i = 0; i < 200; i++) {
      const receipt = deriveReceipt(secret, 'survey', 'practitioners', randomUUID());
      expect(receipt).toMatch(RECEIPT_PATTERN);
      expect(receipt).not.toMatch(/[ILOU]/);
    }
  });

  it('are the same for a retried submission and differ for anything else', () => {
    const id = randomUUID();
    const receipt = deriveReceipt(secret, 'survey', 'practitioners', id);
    expect(deriveReceipt(secret, 'survey', 'practitioners', id)).toBe(receipt);
    expect(deriveReceipt(secret, 'survey', 'practitioners', randomUUID())).not.toBe(receipt);
    expect(deriveReceipt(secret, 'survey', 'families', id)).not.toBe(receipt);
    expect(deriveReceipt(secret, 'journey', 'practitioners', id)).not.toBe(receipt);
    expect(deriveReceipt(randomBytes(32), 'survey', 'practitioners', id)).not.toBe(receipt);
  });

  it('carry 80 bits: every symbol position varies', () => {
    const codes = Array.from({ length: 400 }, () =>
      deriveReceipt(secret, 'survey', 's', randomUUID()).replace(/-/g, ''),
    );
    for (let position = 0; position < 16; position++) {
      const seen = new Set(codes.map((code) => code[position]));
      // 32 symbols possible; 400 samples see nearly all of them in every position.
      expect(seen.size).toBeGreaterThan(24);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('encodes bytes as Crockford base32', () => {
    expect(encodeCrockford(new Uint8Array(10))).toBe('0000000000000000');
    expect(encodeCrockford(new Uint8Array(10).fill(255))).toBe('ZZZZZZZZZZZZZZZZ');
    // 0x08 0x42 0x10 0x84 0x21 = 00001 00001 00001 ... (5-bit groups of 1)
    expect(encodeCrockford(Uint8Array.from([0x08, 0x42, 0x10, 0x84, 0x21]))).toBe('11111111');
  });
});

describe('reading a receipt code someone typed', () => {
  const code = '7K3M-9QPD-XR2A-TB5H';

  it.each([
    ['as printed', '7K3M-9QPD-XR2A-TB5H'],
    ['in lower case', '7k3m-9qpd-xr2a-tb5h'],
    ['without hyphens', '7K3M9QPDXR2ATB5H'],
    ['with spaces', ' 7K3M 9QPD  XR2A TB5H '],
    ['with a phone’s dashes', '7K3M–9QPD—XR2A‐TB5H'],
    ['mixed up', '7k3m9qpd xr2a-tb5h'],
  ])('accepts it %s', (_, typed) => {
    expect(parseReceipt(typed)).toBe(code);
  });

  it('reads O as 0 and I or L as 1', () => {
    expect(parseReceipt('O0O0-IiLl-0000-1111')).toBe('0000-1111-0000-1111');
  });

  it.each([
    ['empty', ''],
    ['too short', '7K3M-9QPD-XR2A-TB5'],
    ['too long', '7K3M-9QPD-XR2A-TB5HH'],
    ['with a U', '7K3M-9QPD-XR2A-TB5U'],
    ['with other symbols', '7K3M-9QPD-XR2A-TB5!'],
    ['far too long', 'A'.repeat(60_000)],
  ])('refuses text that is %s', (_, typed) => {
    expect(parseReceipt(typed)).toBeNull();
  });

  it('hashes the canonical form, so any spelling of one code finds the same row', () => {
    const hash = hashReceipt(parseReceipt(code)!);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashReceipt(parseReceipt('7k3m 9qpd xr2a tb5h')!)).toBe(hash);
    expect(hash).not.toContain(code);
  });
});
