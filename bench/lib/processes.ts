import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './config.ts';

export interface Running {
  child: ChildProcess;
  origin: string;
  /** Last lines the process printed, for error messages. */
  output: () => string;
  stop: () => Promise<void>;
}

const made: string[] = [];

/** A fresh, empty folder under the system temp folder, removed by removeTempDirs. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `sg-bench-${name}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made (generated responses alone are about 200 MB). */
export function removeTempDirs() {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts `node <script>` and resolves once `probe` answers on 127.0.0.1:port. Only this child is
 * ever killed (by its own pid), never anything found by name.
 */
export async function startNode(
  script: string,
  {
    port,
    env = {},
    cwd = ROOT,
    probe = '/',
    args = [],
    nodeOptions = [],
  }: {
    port: number;
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    probe?: string;
    args?: string[];
    nodeOptions?: string[];
  },
): Promise<Running> {
  const child = spawn(process.execPath, [...nodeOptions, script, ...args], {
    cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timeout = sleep(5000).then(() => child.kill('SIGKILL'));
    await Promise.race([exited, timeout]);
    await exited;
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited early:\n${log}`);
    try {
      await fetch(origin + probe, { redirect: 'manual' });
      return { child, origin, output: () => log, stop };
    } catch {
      await sleep(100);
    }
  }
  await stop();
  throw new Error(`${script} did not answer on ${origin} within 120 s:\n${log}`);
}

/** Starts the built site (`node scripts/serve.ts`) on a DATA_DIR of the caller's choosing. */
export function startSite(
  port: number,
  dataDir: string,
  { cwd = ROOT, nodeOptions = [] }: { cwd?: string; nodeOptions?: string[] } = {},
): Promise<Running> {
  return startNode('scripts/serve.ts', {
    port,
    cwd,
    // Every benchmark request comes from one address: lift the per-address submission limits.
    env: {
      DATA_DIR: dataDir,
      SUBMISSION_LIMIT_PER_HOUR: '1000000000',
      FEEDBACK_LIMIT_PER_HOUR: '1000000000',
    },
    probe: '/api/health',
    nodeOptions,
  });
}

/** Serves a folder of static files (the SurveyJS page) from its own process. */
export function startStatic(port: number, folder: string): Promise<Running> {
  return startNode('bench/staticServer.ts', { port, args: [folder] });
}

/** Starts the process's peak resident memory (VmHWM) again from now (Linux: clear_refs 5). */
export function resetPeakMemory(pid: number) {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** Resident memory of a process, from /proc (Linux): current and peak, in bytes. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0) * 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/**
 * CPU time (user + system) a process has used so far, in milliseconds, from /proc/<pid>/stat.
 * Unlike wall time, it barely changes when other work shares the machine.
 */
export function cpuTimeOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS;
}
/**
 * CPU time (user + system) used so far by this process's finished children (and theirs), in
 * milliseconds: /proc/self/stat cutime + cstime, counted once a child has exited and been reaped.
 */
export function childrenCpuTime(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
}

/** USER_HZ: 100 on every mainstream Linux build. */
const CLOCK_TICKS = 100;

/** Runs a command to completion; rejects with its output when it fails. */
export function run(
  command: string,
  args: string[],
  { cwd = ROOT, env = {}, input }: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: 'pipe' });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${out.slice(-3000)}`)),
    );
  });
}

/** `npm run build` in `cwd` (the repo, or a temp copy of it). */
export function buildSite(cwd = ROOT, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return run(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd,
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
}
