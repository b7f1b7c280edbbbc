import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/contentFiles.ts';

const run = promisify(execFile);
const copies: string[] = [];

/** A throwaway copy of the project (sharing node_modules) with one content file changed. */
function projectWith(file: string, edit: (text: string) => string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-content-'));
  copies.push(dir);
  for (const entry of [
    'src',
    'content',
    'admin',
    'public',
    'astro.config.mjs',
    'package.json',
    'tsconfig.json',
  ]) {
    cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  return dir;
}

/** Runs the content step of the build (`astro sync`), as `astro build` does first. */
function sync(dir: string) {
  return astro(dir, 'sync');
}

async function astro(dir: string, command: 'sync' | 'build') {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', command],
      {
        cwd: dir,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    );
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string };
    return { ok: false, output: failed.stdout + failed.stderr };
  }
}

afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the content build', () => {
  it('accepts the content as it is', async () => {
    const result = await sync(projectWith('content/settings/site.yml', (t) => t));
    expect(result.output).not.toMatch(/does not match collection schema/);
    expect(result.ok).toBe(true);
  });

  it('stops on a missing field, naming the file and the field', async () => {
    const result = await sync(
      projectWith('content/surveys/practitioners.yml', (t) => t.replace(/^title:.*$/m, '')),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/surveys/practitioners.yml');
    expect(result.output).toMatch(/title\W+Required/);
  });

  it('stops on a value outside the allowed list, naming the file and the field', async () => {
    const result = await sync(
      projectWith('content/prototypes/shared-family-timeline.md', (t) =>
        t.replace(/^status:.*$/m, 'status: finished'),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/prototypes/shared-family-timeline.md');
    expect(result.output).toMatch(/status/);
  });

  it('stops on a condition that points at a missing question, saying which', async () => {
    const result = await sync(
      projectWith('content/surveys/practitioners.yml', (t) =>
        t.replace(/question: [a-z-]+/, 'question: no-such-question'),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/surveys/practitioners.yml');
    expect(result.output).toContain('"no-such-question", which is not an earlier question');
  });

  it('stops when an activity offers easy read but a string has no easy-read version', async () => {
    const result = await sync(
      projectWith('content/surveys/practitioners.yml', (t) =>
        t.replace(/^\s+easyReadHint: Choose all the answers.*\n/m, ''),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/surveys/practitioners.yml');
    expect(result.output).toContain('"offersEasyRead" is on, so this needs its easy-read version');
    expect(result.output).toContain('easyReadHint');
    // astro sync on a copy of the project: about 45 s alone, longer on a shared machine.
  }, 180_000);
});
