import { describe, expect, it } from 'vitest';
import { totpQrSvg } from '../../src/server/auth/totpQr.ts';

describe('totpQrSvg', () => {
  it('draws the address as an inline SVG with nothing to fetch and nothing to read out', async () => {
    const svg = await totpQrSvg('otpauth://totp/Safeguarding:lead%40example.org?secret=NKG6ABCD');
    expect(svg).toMatch(
      /^<svg aria-hidden="true" focusable="false" xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    expect(svg).toContain('<path');
    // No links, images or styles: nothing the page's content security policy would refuse.
    expect(svg).not.toMatch(/href|<image|style=|<script/i);
    // A different key draws a different code.
    expect(await totpQrSvg('otpauth://totp/x?secret=OTHER')).not.toBe(svg);
  });
});
