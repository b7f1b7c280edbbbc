import path from 'node:path';

/** The live-update settings (README, "Live updates after Publish"). */
export interface LiveSettings {
  /** LIVE_REPO: the content repository to follow (a URL git can fetch, or a local path). */
  repository: string;
  /** LIVE_BRANCH: the branch Publish merges into. */
  branch: string;
  /** LIVE_WEBHOOK_SECRET: the secret the git host signs its webhooks with; none, no webhook. */
  webhookSecret?: string;
  /** LIVE_POLL_SECONDS: how often to look for a new version anyway. */
  pollSeconds: number;
  /** LIVE_DIR: the mirror, the builds and the status file. */
  liveDir: string;
}

export const DEFAULT_POLL_SECONDS = 60;
const MIN_POLL_SECONDS = 10;
const BRANCH = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/;

export class LiveSettingsError extends Error {
  override name = 'LiveSettingsError';
}

/**
 * Reads the settings from the environment: undefined when LIVE_REPO is not set (live updates
 * off, the site runs as `npm run serve` does). A value that cannot work stops the start with a
 * message naming the setting.
 */
export function liveSettings(env: NodeJS.ProcessEnv, appDir: string): LiveSettings | undefined {
  const repository = env.LIVE_REPO?.trim();
  if (!repository) return undefined;
  // git would read a leading dash as one of its own options.
  if (repository.startsWith('-')) throw new LiveSettingsError('LIVE_REPO must not start with "-".');
  const branch = env.LIVE_BRANCH?.trim() || 'main';
  if (!BRANCH.test(branch))
    throw new LiveSettingsError(`LIVE_BRANCH "${branch}" is not a branch name.`);
  const poll = env.LIVE_POLL_SECONDS?.trim();
  const pollSeconds = poll ? Number(poll) : DEFAULT_POLL_SECONDS;
  if (!Number.isInteger(pollSeconds) || pollSeconds < MIN_POLL_SECONDS) {
    throw new LiveSettingsError(
      `LIVE_POLL_SECONDS must be a whole number of seconds, ${MIN_POLL_SECONDS} or more.`,
    );
  }
  const webhookSecret = env.LIVE_WEBHOOK_SECRET || undefined;
  if (webhookSecret !== undefined && webhookSecret.length < 16) {
    throw new LiveSettingsError('LIVE_WEBHOOK_SECRET must be at least 16 characters long.');
  }
  const liveDir = path.resolve(appDir, env.LIVE_DIR?.trim() || 'live');
  return { repository, branch, webhookSecret, pollSeconds, liveDir };
}
