import { describe, expect, it } from 'vitest';
import { isCrossSite, requestSource } from '../../src/server/sameOrigin.ts';

const OWN = 'https://safeguarding2.example';
const source = (h: Record<string, string>) => requestSource(new Headers(h), OWN);

describe('where a write request came from', () => {
  it('trusts Sec-Fetch-Site first, since no-referrer hides the Origin of our own posts', () => {
    expect(source({ 'sec-fetch-site': 'same-origin', origin: 'null' })).toBe('same');
    expect(source({ 'sec-fetch-site': 'none' })).toBe('same');
    expect(source({ 'sec-fetch-site': 'cross-site', origin: 'null' })).toBe('cross');
    expect(source({ 'sec-fetch-site': 'cross-site' })).toBe('cross');
    // A sibling subdomain is another site as far as our forms are concerned.
    expect(
      source({ 'sec-fetch-site': 'same-site', origin: 'https://x.safeguarding2.example' }),
    ).toBe('cross');
  });

  it('falls back to Origin for browsers without Sec-Fetch-Site', () => {
    expect(source({ origin: OWN })).toBe('same');
    expect(source({ origin: 'https://evil.example' })).toBe('cross');
    expect(source({ origin: 'http://safeguarding2.example' })).toBe('cross');
  });

  it('cannot tell when neither says anything useful, and does not refuse for that', () => {
    expect(source({})).toBe('unknown');
    expect(source({ origin: 'null' })).toBe('unknown');
    expect(isCrossSite(new Headers({}), OWN)).toBe(false);
    expect(isCrossSite(new Headers({ origin: 'https://evil.example' }), OWN)).toBe(true);
  });
});
