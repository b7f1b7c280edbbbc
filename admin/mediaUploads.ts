import type { CMS as DecapCms } from 'decap-cms-core';

/**
 * Images go through review with the entry that uses them. Decap keeps an image uploaded while an
 * entry is open with that entry's draft (its cms/… branch) until the entry is published; but an
 * upload on the Media page, with no entry open, is committed straight to the published branch,
 * skipping Draft, In review and Ready. Decap has no setting for that, so the backend's
 * "save this media file now" step, which only the Media page uses, refuses with the reason and
 * what to do instead (tests/e2e/cms.spec.ts).
 */
export const MEDIA_PAGE_UPLOAD_REFUSED =
  'Images are not added on the Media page, because they would be published at once, without review. Open the finding or page that shows the image and add it there with the Image button: it is then reviewed and published with that entry.';

interface BackendEntry {
  init: (...args: unknown[]) => { persistMedia?: unknown };
}

/** Wraps each named backend so that its Media page upload refuses, in these words. */
export function refuseMediaPageUploads(cms: DecapCms, backends: string[]) {
  for (const name of backends) {
    const entry = cms.getBackend(name) as unknown as BackendEntry | undefined;
    if (!entry) continue;
    const init = entry.init;
    entry.init = (...args) => {
      const backend = init(...args);
      backend.persistMedia = () => Promise.reject(new Error(MEDIA_PAGE_UPLOAD_REFUSED));
      return backend;
    };
  }
}
