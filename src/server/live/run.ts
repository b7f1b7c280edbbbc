import { spawn } from 'node:child_process';

export interface RunResult {
  code: number | null;
  /** stdout and stderr together, in the order they arrived (at most the last 64 KiB). */
  output: string;
}

const KEEP = 64 * 1024;

/**
 * Runs a command to the end and gives back its exit code and output. Never throws for a
 * failing command; a command still running after `timeoutMs` is killed with its children
 * (it runs in its own process group) and reads as failed.
 */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-KEEP);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = options.timeoutMs
      ? setTimeout(() => {
          output += `\nStopped after ${Math.round(options.timeoutMs! / 1000)} seconds.`;
          killGroup();
        }, options.timeoutMs)
      : undefined;
    options.signal?.addEventListener('abort', killGroup, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: null, output: `${output}\n${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
