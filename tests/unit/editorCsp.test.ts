import { describe, expect, it } from 'vitest';
import { editorSources } from '../../admin/csp.ts';

describe("the editor page's policy", () => {
  it('names GitHub and the local backend by default', () => {
    expect(editorSources({})).toEqual({
      connect: ['blob:', 'https://api.github.com', 'http://localhost:8081'],
      images: ['blob:', 'data:', 'https://api.github.com', 'https://avatars.githubusercontent.com'],
    });
  });

  it('names a self-hosted Gitea and its sign-in server, and nothing of GitHub', () => {
    const sources = editorSources({
      PUBLIC_DECAP_BACKEND: 'gitea',
      PUBLIC_DECAP_BASE_URL: 'https://git.example.org',
      PUBLIC_DECAP_API_ROOT: 'https://git.example.org/api/v1',
      PUBLIC_DECAP_LOCAL_URL: 'http://127.0.0.1:4398/api/v1',
    });
    expect(sources.connect).toEqual(['blob:', 'https://git.example.org', 'http://127.0.0.1:4398']);
    expect(sources.images.join(' ')).not.toMatch(/github/);
  });

  it('uses GitLab.com when nothing else is said', () => {
    expect(editorSources({ PUBLIC_DECAP_BACKEND: 'gitlab' }).connect).toContain(
      'https://gitlab.com',
    );
  });

  it('never allows a local backend that is not on this machine, or a non-web address', () => {
    const sources = editorSources({
      PUBLIC_DECAP_LOCAL_URL: 'http://decap.example.org:8081/api/v1',
      PUBLIC_DECAP_API_ROOT: 'javascript:alert(1)',
    });
    // Only the page's own blobs are left.
    expect(sources.connect).toEqual(['blob:']);
  });
});
