import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** One published version of the content repository: a commit and who made it. */
export interface Version {
  commit: string;
  /** The commit's author name (for a merge made by Publish, the person who published). */
  author: string;
  /** The commit's first line, e.g. "Create Findings “…”". */
  subject: string;
  /** When it was committed (ISO 8601). */
  committedAt: string;
}

/**
 * What the live site is doing, written by the live updater (src/server/live/liveSite.ts) and read
 * by the researcher workspace. Holds names and commit subjects only: nothing from participants.
 */
export interface LiveStatus {
  /** The version the site serves, once a build from the repository went live. */
  live?: Version & { since: string; release: string };
  /** The version being built now. */
  building?: Version & { startedAt: string };
  /** The newest version that could not go live, and why in plain words. */
  failed?: Version & { at: string; reason: string; detail: string };
  /** The last time the repository could not be reached, and why. */
  unreachable?: { at: string; reason: string };
}

/** Reads the status file; a missing or unreadable file reads as "nothing known yet". */
export function readLiveStatus(file: string): LiveStatus {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LiveStatus;
  } catch {
    return {};
  }
}

/** Writes the whole status at once (a reader never sees half a file). */
export function writeLiveStatus(file: string, status: LiveStatus): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(status, null, 2));
  renameSync(temporary, file);
}

/** A moment in UK time, as the workspace shows dates: "27 Nov 2026, 14:05". */
export function ukTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export const shortCommit = (commit: string) => commit.slice(0, 7);

/** What the researcher workspace says about the live site, in plain words. */
export interface LiveStatusView {
  /** The version shown, or undefined while the site shows the build it was started with. */
  live?: { title: string; commit: string; by: string; since: string };
  building?: string;
  failed?: { headline: string; what: string; reason: string; next: string; detail: string };
  unreachable?: string;
}

// Commit subjects carry their own quotes (Decap writes `Update Findings “slug”`), so none are added.
const describe = (v: Version) =>
  `${v.author} published a change on ${ukTime(v.committedAt)}: ${v.subject} (version ${shortCommit(v.commit)})`;

export function liveStatusView(status: LiveStatus): LiveStatusView {
  const view: LiveStatusView = {};
  if (status.live) {
    view.live = {
      title: status.live.subject,
      commit: shortCommit(status.live.commit),
      by: status.live.author,
      since: ukTime(status.live.since),
    };
  }
  if (status.building) {
    view.building = `${describe(status.building)}. It is being built now and goes live by itself if the build succeeds.`;
  }
  if (status.failed) {
    view.failed = {
      headline: 'The latest change did not go live',
      what: `${describe(status.failed)}.`,
      reason: status.failed.reason,
      next: `The site still shows ${status.live ? 'the version above' : 'the version it was started with'}. Correct the entry in the editor and publish again: each new version is tried by itself.`,
      detail: status.failed.detail,
    };
  }
  if (status.unreachable) {
    view.unreachable = `The site could not look for new versions on ${ukTime(status.unreachable.at)}: ${status.unreachable.reason}. It keeps trying.`;
  }
  return view;
}
