import { describe, expect, it } from 'vitest';
import type { CMS as DecapCms } from 'decap-cms-core';
import { MEDIA_PAGE_UPLOAD_REFUSED, refuseMediaPageUploads } from '../../admin/mediaUploads.ts';

class FakeBackend {
  saved: string[] = [];
  persistMedia(file: string) {
    this.saved.push(file);
    return Promise.resolve({ id: file });
  }
  persistEntry(entry: string) {
    this.saved.push(entry);
    return Promise.resolve();
  }
}

function fakeCms() {
  const backends: Record<string, { init: (...args: unknown[]) => FakeBackend }> = {
    proxy: { init: () => new FakeBackend() },
    github: { init: () => new FakeBackend() },
  };
  return { getBackend: (name: string) => backends[name] } as unknown as DecapCms;
}

describe('refuseMediaPageUploads', () => {
  it("refuses the Media page's upload with the reason, and saves nothing", async () => {
    const cms = fakeCms();
    refuseMediaPageUploads(cms, ['proxy', 'github']);
    for (const name of ['proxy', 'github']) {
      const backend = (cms.getBackend(name) as unknown as { init(): FakeBackend }).init();
      await expect(backend.persistMedia('/uploads/map.png')).rejects.toThrow(
        MEDIA_PAGE_UPLOAD_REFUSED,
      );
      expect(backend.saved).toEqual([]);
    }
  });

  it('leaves saving entries (and the images that travel with them) alone', async () => {
    const cms = fakeCms();
    refuseMediaPageUploads(cms, ['proxy']);
    const backend = (cms.getBackend('proxy') as unknown as { init(): FakeBackend }).init();
    await backend.persistEntry('content/findings/x.md');
    expect(backend.saved).toEqual(['content/findings/x.md']);
  });

  it('skips a backend name that is not registered', () => {
    expect(() => refuseMediaPageUploads(fakeCms(), ['bitbucket'])).not.toThrow();
  });
});
