/**
 * A content repository for the live-update test: a bare repository holding this checkout's
 * files (committed or not, as `git ls-files` sees them), standing in for GitHub, GitLab or Gitea,
 * and a clone of it to publish from.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...env },
  }).trim();
}

export interface ContentRemote {
  /** The bare repository the live site follows. */
  bare: string;
  /** Writes `files` in a clone, commits them as `author` and pushes to the bare repository. */
  publish(files: Record<string, string>, author: string, message: string): string;
  head(): string;
}

export function makeContentRemote(): ContentRemote {
  const base = mkdtempSync(path.join(tmpdir(), 'sg-live-remote-'));
  const work = path.join(base, 'work');
  const bare = path.join(base, 'content.git');
  mkdirSync(work);
  const files = git(ROOT, ['ls-files', '-z', '--cached', '--others', '--exclude-standard'])
    .split('\0')
    .filter((file) => file && existsSync(path.join(ROOT, file)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    copyFileSync(path.join(ROOT, file), path.join(work, file));
  }
  git(work, ['init', '--quiet', '--initial-branch=main']);
  git(work, ['config', 'user.email', 'team@example.org']);
  git(work, ['config', 'user.name', 'Site Setup']);
  git(work, ['add', '--all']);
  git(work, ['commit', '--quiet', '-m', 'The site as it is']);
  git(base, ['clone', '--quiet', '--bare', work, bare]);
  git(work, ['remote', 'add', 'origin', bare]);
  return {
    bare,
    publish(changes, author, message) {
      for (const [file, text] of Object.entries(changes)) {
        mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
        writeFileSync(path.join(work, file), text);
      }
      git(work, ['add', '--all']);
      git(work, ['commit', '--quiet', '-m', message], {
        GIT_AUTHOR_NAME: author,
        GIT_AUTHOR_EMAIL: 'researcher@example.org',
      });
      git(work, ['push', '--quiet', 'origin', 'main']);
      return git(work, ['rev-parse', 'HEAD']);
    },
    head: () => git(bare, ['rev-parse', 'main']),
  };
}
