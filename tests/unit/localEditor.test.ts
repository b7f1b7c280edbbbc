import { describe, expect, it } from 'vitest';
import { localEditorPlan, missingGitIdentity } from '../../admin/localEditor.ts';

describe('npm run cms', () => {
  it('serves the editor on 4321 and its local backend on 8081 unless told otherwise', () => {
    expect(localEditorPlan({})).toEqual({
      sitePort: 4321,
      backendPort: 8081,
      backendUrl: 'http://127.0.0.1:8081/api/v1',
      editorUrl: 'http://localhost:4321/admin/',
    });
    expect(localEditorPlan({ PORT: '5588', CMS_PORT: '5599' }).backendUrl).toBe(
      'http://127.0.0.1:5599/api/v1',
    );
  });

  it('stops with a reason for a port that is not a port, or one port for both', () => {
    expect(() => localEditorPlan({ CMS_PORT: 'eighty' })).toThrow(
      'CMS_PORT is "eighty"; use a port number from 1 to 65535.',
    );
    expect(() => localEditorPlan({ PORT: '8081' })).toThrow('give them different numbers');
  });

  it('says how to tell git who you are before the first save would fail', () => {
    expect(missingGitIdentity('Jo', 'jo@example.org')).toBeUndefined();
    expect(missingGitIdentity('', 'jo@example.org')).toMatch(
      /^Git does not know who you are \(user\.name not set\)[\s\S]*git config --global user\.name/,
    );
  });
});
