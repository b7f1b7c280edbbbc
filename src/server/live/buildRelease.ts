import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Version } from './liveStatus.ts';
import { run } from './run.ts';

/** Where the live updater keeps its copy of the repository and its builds. */
export interface ReleasePaths {
  /** The site's own checkout: its node_modules and package-lock.json are what builds use. */
  appDir: string;
  /** LIVE_DIR: a bare mirror of the content branch (`repo.git`) and `releases/<commit>-<time>`. */
  liveDir: string;
}

const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
const BUILD_TIMEOUT_MS = 10 * 60 * 1000;

export type FetchResult = { ok: true; version: Version } | { ok: false; reason: string };

/**
 * Brings the branch's newest commit into the local mirror and says which it is. The mirror
 * keeps only that branch (as `refs/heads/live`); a repository that cannot be reached reads as
 * a plain reason, never an exception.
 */
export async function fetchBranch(
  paths: ReleasePaths,
  repository: string,
  branch: string,
): Promise<FetchResult> {
  const mirror = path.join(paths.liveDir, 'repo.git');
  if (!existsSync(mirror)) {
    mkdirSync(paths.liveDir, { recursive: true });
    const init = await run('git', ['init', '--quiet', '--bare', mirror], { env: GIT_ENV });
    if (init.code !== 0) return { ok: false, reason: lastLine(init.output) };
  }
  const fetch = await run(
    'git',
    [
      '--git-dir',
      mirror,
      'fetch',
      '--quiet',
      '--no-tags',
      repository,
      `+refs/heads/${branch}:refs/heads/live`,
    ],
    { env: GIT_ENV, timeoutMs: 2 * 60 * 1000 },
  );
  if (fetch.code !== 0) return { ok: false, reason: lastLine(fetch.output) };
  const log = await run(
    'git',
    ['--git-dir', mirror, 'log', '-1', '--format=%H%x00%an%x00%cI%x00%s', 'refs/heads/live'],
    { env: GIT_ENV },
  );
  const [commit, author, committedAt, subject] = log.output.trim().split('\0');
  if (log.code !== 0 || !commit) return { ok: false, reason: lastLine(log.output) };
  return { ok: true, version: { commit, author, committedAt, subject } };
}

export type BuildResult =
  { ok: true; release: string } | { ok: false; reason: string; detail: string };

/**
 * Builds `commit` into a new folder of its own (the site being served is never touched): the
 * commit's files as they are in git, the site's installed packages, then `npm run build`.
 * A failed build's folder is removed.
 */
export async function buildRelease(
  paths: ReleasePaths,
  commit: string,
  signal?: AbortSignal,
): Promise<BuildResult> {
  const mirror = path.join(paths.liveDir, 'repo.git');
  const release = path.join(paths.liveDir, 'releases', `${commit.slice(0, 12)}-${Date.now()}`);
  mkdirSync(release, { recursive: true });
  const failed = (reason: string, detail: string): BuildResult => {
    rmSync(release, { recursive: true, force: true });
    return { ok: false, reason, detail };
  };

  const unpack = await run(
    'sh',
    [
      '-c',
      'git --git-dir "$1" archive --format=tar "$2" | tar -x -C "$3"',
      'unpack',
      mirror,
      commit,
      release,
    ],
    { env: GIT_ENV },
  );
  if (unpack.code !== 0) return failed('Its files could not be copied out of git.', unpack.output);

  // Publishing content never changes the site's software; a version that does needs someone to
  // install it (npm ci) and restart the site, so it is refused here rather than built with the
  // wrong packages.
  if (
    !sameFile(path.join(release, 'package-lock.json'), path.join(paths.appDir, 'package-lock.json'))
  ) {
    return failed(
      'It changes the software the site runs (package-lock.json), which a developer must install and restart.',
      '',
    );
  }
  symlinkSync(path.join(paths.appDir, 'node_modules'), path.join(release, 'node_modules'), 'dir');

  const build = await run('npm', ['run', 'build'], {
    cwd: release,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    timeoutMs: BUILD_TIMEOUT_MS,
    signal,
  });
  if (build.code !== 0) {
    const detail = buildErrorDetail(build.output);
    return failed(`The site could not be built from it. ${firstSentence(detail)}`, detail);
  }
  return { ok: true, release };
}

function sameFile(a: string, b: string): boolean {
  try {
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

const ANSI = new RegExp(String.raw`\u001b\[[0-9;]*[A-Za-z]`, 'g');
const stripAnsi = (text: string) => text.replace(ANSI, '');

function lastLine(output: string): string {
  const lines = stripAnsi(output).trim().split('\n').filter(Boolean);
  return lines.at(-1) ?? 'no answer';
}

/**
 * What a failed build said, for the researcher workspace: the error lines only, without
 * colours, timestamps, the pages built before it or the stack trace (file paths inside
 * node_modules mean nothing to a researcher), each said once. The full output stays in the
 * server's log.
 */
export function buildErrorDetail(output: string): string {
  const lines = stripAnsi(output)
    // Astro's progress lines and its log lines can run together on one line.
    .replace(/(\d\d:\d\d:\d\d \[)/g, '\n$1')
    .split('\n')
    .map((line) => line.replace(/^\d\d:\d\d:\d\d\s+/, '').trim());
  const start = lines.findIndex((line) => /\[ERROR\]|\berror\b/i.test(line));
  const kept: string[] = [];
  for (const line of start === -1 ? lines.slice(-8) : lines.slice(start)) {
    if (/^Stack trace:|^at\s/.test(line)) break;
    const message = errorMessage(line);
    if (message && !/^npm (ERR!|error)/.test(line) && !kept.includes(message)) kept.push(message);
  }
  return kept.slice(0, 6).join('\n') || 'The build stopped without saying why.';
}

/** One error line without its log labels: "[ERROR] [build] Caught error …: Error: x" is "x". */
function errorMessage(line: string): string {
  return line
    .replace(/^(\[[A-Za-z]+\]\s*)+/, '')
    .replace(/^Caught error rendering \S+:\s*/, '')
    .replace(/^([A-Za-z]*Error:\s*)+/, '')
    .trim();
}

/** The first line of the detail, as one sentence for the headline. */
function firstSentence(detail: string): string {
  const line = detail.split('\n')[0];
  return /[.!?]$/.test(line) ? line : `${line}.`;
}
