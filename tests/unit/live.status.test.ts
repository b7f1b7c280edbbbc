import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  liveStatusView,
  readLiveStatus,
  writeLiveStatus,
  type LiveStatus,
} from '../../src/server/live/liveStatus.ts';

const live = {
  commit: 'b4b714fc6faf1f89c03e8de7bfc1bc196b52f169',
  author: 'Sam Researcher',
  subject: 'Create Findings “Families want one named contact”',
  committedAt: '2026-11-27T14:13:15Z',
  since: '2026-11-27T14:15:02Z',
  release: '/srv/live/releases/b4b714fc6faf-1',
};
const failed = {
  commit: '26238e3ad3418cb8a01638d078b60c409d0af283',
  author: 'Alex Editor',
  subject: 'Update Findings “Plain words”',
  committedAt: '2026-11-27T15:40:00Z',
  at: '2026-11-27T15:41:10Z',
  reason: 'The site could not be built from it. content/findings/x.md: surveys names "y".',
  detail: 'content/findings/x.md: surveys names "y".',
};

describe('the live site, as the researcher workspace says it', () => {
  it('names the version shown, who published it and since when, in UK time', () => {
    expect(liveStatusView({ live }).live).toEqual({
      title: 'Create Findings “Families want one named contact”',
      commit: 'b4b714f',
      by: 'Sam Researcher',
      since: '27 Nov 2026, 14:15',
    });
  });

  it('says who published a change that did not go live, why, and that the site kept the last one', () => {
    const view = liveStatusView({ live, failed }).failed!;
    expect(view.headline).toBe('The latest change did not go live');
    // 15:40 UTC is 15:40 in London in November (GMT).
    expect(view.what).toBe(
      'Alex Editor published a change on 27 Nov 2026, 15:40: Update Findings “Plain words” (version 26238e3).',
    );
    expect(view.reason).toBe(failed.reason);
    expect(view.next).toMatch(/^The site still shows the version above\. Correct the entry/);
    expect(liveStatusView({ failed }).failed!.next).toMatch(/the version it was started with/);
  });

  it('says when a version is being built, and when the repository could not be reached', () => {
    const status: LiveStatus = {
      building: { ...failed, startedAt: failed.at },
      unreachable: { at: '2026-07-01T09:00:00Z', reason: 'Could not resolve host' },
    };
    const view = liveStatusView(status);
    expect(view.building).toMatch(/^Alex Editor published .* It is being built now/);
    // British Summer Time in July.
    expect(view.unreachable).toBe(
      'The site could not look for new versions on 1 Jul 2026, 10:00: Could not resolve host. It keeps trying.',
    );
  });

  it('is written whole and read back; a missing file reads as nothing known', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sg-live-status-')), 'status.json');
    expect(readLiveStatus(file)).toEqual({});
    writeLiveStatus(file, { live, failed });
    expect(readLiveStatus(file)).toEqual({ live, failed });
  });
});
