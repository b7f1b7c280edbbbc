import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';

/** One build of the site running as its own `scripts/serve.ts` process on a loopback port. */
export interface SiteProcess {
  child: ChildProcess;
  port: number;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** A port nothing listens on now, from the system's own choice. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

export const hasBuild = (dir: string) => existsSync(path.join(dir, 'dist', 'server', 'entry.mjs'));

/**
 * Starts the build in `dir` with its own serve script (security headers, same-origin guard,
 * graceful shutdown, all as `npm run serve` has them) and resolves once it answers
 * /api/health, or rejects with what it printed if it stops or stays silent for a minute.
 */
export async function startSiteProcess(dir: string, env: NodeJS.ProcessEnv): Promise<SiteProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(dir, 'scripts', 'serve.ts')], {
    cwd: dir,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'inherit', 'pipe'],
    // Its own process group: Ctrl-C in the terminal reaches the live switch only, which stops
    // this process itself once the requests it passed on are answered.
    detached: true,
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    errors = (errors + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let ended = false;
  void exited.then(() => (ended = true));
  const deadline = Date.now() + 60_000;
  while (!ended && Date.now() < deadline) {
    if (await healthy(port)) return { child, port, exited };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!ended) child.kill('SIGKILL');
  throw new Error(errors.trim() || 'The new build did not answer within a minute.');
}
