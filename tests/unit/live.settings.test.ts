import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_SECONDS, liveSettings } from '../../src/server/live/liveSettings.ts';

const APP = '/srv/site';

describe('live-update settings', () => {
  it('are off unless LIVE_REPO is set, so npm start serves the folder’s own build', () => {
    expect(liveSettings({}, APP)).toBeUndefined();
    expect(liveSettings({ LIVE_REPO: '  ', LIVE_BRANCH: 'main' }, APP)).toBeUndefined();
  });

  it('default to main, polling every minute, in ./live', () => {
    expect(liveSettings({ LIVE_REPO: 'https://git.example.org/team/site.git' }, APP)).toEqual({
      repository: 'https://git.example.org/team/site.git',
      branch: 'main',
      webhookSecret: undefined,
      pollSeconds: DEFAULT_POLL_SECONDS,
      liveDir: path.join(APP, 'live'),
    });
  });

  it('take a branch, a secret, a poll interval and a folder', () => {
    const settings = liveSettings(
      {
        LIVE_REPO: '/srv/content.git',
        LIVE_BRANCH: 'published/site',
        LIVE_WEBHOOK_SECRET: 'sixteen or more characters',
        LIVE_POLL_SECONDS: '30',
        LIVE_DIR: '/var/lib/site-live',
      },
      APP,
    );
    expect(settings).toMatchObject({
      branch: 'published/site',
      webhookSecret: 'sixteen or more characters',
      pollSeconds: 30,
      liveDir: '/var/lib/site-live',
    });
  });

  it('stop the start with a message naming the setting that cannot work', () => {
    const repo = { LIVE_REPO: '/srv/content.git' };
    expect(() => liveSettings({ ...repo, LIVE_POLL_SECONDS: '5' }, APP)).toThrow(
      /LIVE_POLL_SECONDS/,
    );
    expect(() => liveSettings({ ...repo, LIVE_POLL_SECONDS: 'often' }, APP)).toThrow(
      /LIVE_POLL_SECONDS/,
    );
    expect(() => liveSettings({ ...repo, LIVE_WEBHOOK_SECRET: 'short' }, APP)).toThrow(
      /LIVE_WEBHOOK_SECRET/,
    );
    // An option smuggled in as a branch name would be read by git as an option.
    expect(() => liveSettings({ ...repo, LIVE_BRANCH: '--upload-pack=x' }, APP)).toThrow(
      /LIVE_BRANCH/,
    );
    expect(() => liveSettings({ ...repo, LIVE_BRANCH: 'a..b' }, APP)).toThrow(/LIVE_BRANCH/);
    expect(() => liveSettings({ LIVE_REPO: '--upload-pack=x' }, APP)).toThrow(/LIVE_REPO/);
  });
});
