import { describe, expect, it } from 'vitest';
import { byMediaFolder, previewImagesByMediaFolder } from '../../admin/decapControls.ts';
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

describe("Decap's own Image component", () => {
  it('keeps its name and fields, and previews through the media-folder lookup', () => {
    const registered: Record<string, unknown>[] = [];
    const original = {
      id: 'image',
      fields: { toJS: () => [{ name: 'image', widget: 'image' }] },
      toPreview: (data: unknown, getAsset: (path: string) => unknown) =>
        `<img src="${String(getAsset((data as { image: string }).image))}">`,
    };
    previewImagesByMediaFolder({
      getEditorComponents: () => ({ get: (id: string) => (id === 'image' ? original : undefined) }),
      registerEditorComponent: (component) => registered.push(component as never),
    });
    const [again] = registered as {
      id: string;
      fields: unknown;
      toPreview: (data: unknown, getAsset: (path: string) => unknown) => unknown;
    }[];
    expect(again.id).toBe('image');
    expect(again.fields).toEqual([{ name: 'image', widget: 'image' }]);
    expect(again.toPreview({ image: '/uploads/map.png' }, (path) => `blob:${path}`)).toBe(
      '<img src="blob:public/uploads/map.png">',
    );
  });
});
