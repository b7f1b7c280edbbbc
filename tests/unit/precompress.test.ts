import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { brotliQuality, precompressDirectory } from '../../src/server/precompress.ts';
import { chooseEncoding, indexPrecompressed } from '../../src/server/precompressedAssets.ts';

describe('precompressing the build', () => {
  it('writes Brotli and gzip copies of text assets that decompress to the original', async () => {
    const client = mkdtempSync(path.join(tmpdir(), 'sg-precompress-'));
    const assets = path.join(client, '_astro');
    mkdirSync(path.join(assets, 'nested'), { recursive: true });
    const script = 'export const answer = "kept";\n'.repeat(200);
    writeFileSync(path.join(assets, 'app.js'), script);
    writeFileSync(path.join(assets, 'nested', 'site.css'), 'main { margin: 0 }\n'.repeat(100));
    writeFileSync(path.join(assets, 'tiny.js'), 'let a = 1;');
    writeFileSync(path.join(assets, 'photo.png'), Buffer.alloc(4096, 7));

    const done = await precompressDirectory(assets);

    expect(done.files).toBe(2);
    expect(done.brotliBytes).toBeLessThan(done.bytes / 10);
    const js = path.join(assets, 'app.js');
    expect(brotliDecompressSync(readFileSync(`${js}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${js}.gz`)).toString()).toBe(script);
    // Too small to gain anything, or not text: left as they are.
    expect(existsSync(path.join(assets, 'tiny.js.br'))).toBe(false);
    expect(existsSync(path.join(assets, 'photo.png.br'))).toBe(false);

    const index = indexPrecompressed(client);
    expect(index.get('/_astro/app.js')).toEqual(['br', 'gzip']);
    expect(index.get('/_astro/nested/site.css')).toEqual(['br', 'gzip']);
    expect(index.has('/_astro/tiny.js')).toBe(false);
  });

  it('spends the slowest Brotli only where it pays', () => {
    expect(brotliQuality(200_000)).toBe(11);
    expect(brotliQuality(5_000_000)).toBe(9);
  });
});

describe('choosing what to send', () => {
  const both = ['br', 'gzip'] as const;
  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', undefined],
    ['gzip;q=0, br;q=0', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('Accept-Encoding %j gets %j', (accept, chosen) => {
    expect(chooseEncoding(accept, both)).toBe(chosen);
  });

  it('never offers a copy the build did not write', () => {
    expect(chooseEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('br', ['gzip'])).toBeUndefined();
  });
});
