import { describe, expect, it } from 'vitest';
import { byMediaFolder } from '../../admin/decapControls.ts';
import { imageComponent } from '../../admin/imageComponent.ts';

describe('byMediaFolder', () => {
  it("asks Decap for an image by its place in the media folder, so a draft's own copy is found", () => {
    const asked: string[] = [];
    const lookup = byMediaFolder((path) => asked.push(path) && `found:${path}`);
    expect(lookup('/uploads/stages-map.png')).toBe('found:public/uploads/stages-map.png');
    // Anything else is passed on as it was.
    expect(lookup('https://example.org/a.png')).toBe('found:https://example.org/a.png');
    expect(lookup('/uploads/../secret')).toBe('found:/uploads/../secret');
  });
});

describe('the body image preview', () => {
  const getAsset = (path: string) => `blob:${path}`;
  it('shows the image found through Decap, with its alternative text', () => {
    const html = imageComponent.toPreview(
      { image: '/uploads/map.png', alt: 'A "map" <of> stages' },
      getAsset,
    );
    expect(html).toBe(
      '<img src="blob:public/uploads/map.png" alt="A &quot;map&quot; &lt;of> stages">',
    );
  });

  it('gives a decorative image empty alternative text', () => {
    const html = imageComponent.toPreview(
      { image: '/uploads/line.png', alt: 'x', decorative: true },
      getAsset,
    );
    expect(html).toBe('<img src="blob:public/uploads/line.png" alt="">');
  });
});
