import { describe, expect, it } from 'vitest';
import { branchesToSearch, mediaHeaders, uploadPath } from '../../admin/draftMedia.ts';

describe('uploadPath', () => {
  it('maps an image address to its file in public/uploads', () => {
    expect(uploadPath('/uploads/stages-map.png')).toBe('public/uploads/stages-map.png');
    expect(uploadPath('/uploads/2026/map%20one.png?t=1')).toBeUndefined();
    expect(uploadPath('/uploads/2026/map-one.png?t=1')).toBe('public/uploads/2026/map-one.png');
  });

  it('refuses anything outside the uploads folder', () => {
    for (const url of [
      '/uploads/../package.json',
      '/uploads/%2e%2e/package.json',
      '/uploads/..%2fpackage.json',
      '/uploads/',
      '/uploads//x.png',
      '/uploads/%E0%A4%A.png',
      '/src/pages/index.astro',
      '/uploads/x.png:../../secret',
    ]) {
      expect(uploadPath(url), url).toBeUndefined();
    }
  });
});

describe('branchesToSearch', () => {
  it('looks on the published branch first, then drafts newest first, and nowhere else', () => {
    expect(
      branchesToSearch(['cms/findings/b', 'experiment', 'main', 'cms/pages/about'], 'main'),
    ).toEqual(['main', 'cms/findings/b', 'cms/pages/about']);
    expect(branchesToSearch(['cms/findings/b'], 'main')).toEqual(['cms/findings/b']);
  });
});

describe('mediaHeaders', () => {
  it('sends the image type and never runs an SVG as a page', () => {
    expect(mediaHeaders('public/uploads/a.png')['Content-Type']).toBe('image/png');
    const svg = mediaHeaders('public/uploads/a.svg');
    expect(svg['Content-Type']).toBe('image/svg+xml');
    expect(svg['Content-Security-Policy']).toContain('sandbox');
    expect(mediaHeaders('public/uploads/a.unknown')['Content-Type']).toBe(
      'application/octet-stream',
    );
  });
});
