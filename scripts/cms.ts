/**
 * `npm run cms`: the content editor on your own computer. Starts Decap's local backend
 * (decap-server, git mode, this computer only) on the repository it is run in, and the site in
 * development mode, then prints the editor's address. Ctrl-C stops both; if either stops on its
 * own, the other is stopped too, so nothing is left running.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { localEditorPlan, missingGitIdentity } from '../admin/localEditor.ts';

function fail(message: string): never {
  console.error(`\nThe content editor could not start.\n${message}\n`);
  process.exit(1);
}

const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
};

if (!git('rev-parse', '--is-inside-work-tree').trim()) {
  fail("Run it inside the site's git repository (a folder made with `git clone`).");
}
const identity = missingGitIdentity(git('config', 'user.name'), git('config', 'user.email'));
if (identity) fail(identity);

let plan;
try {
  plan = localEditorPlan(process.env);
} catch (error) {
  fail((error as Error).message);
}

const modules = (file: string) =>
  fileURLToPath(new URL(`../node_modules/${file}`, import.meta.url));
const children: ChildProcess[] = [];
let stopping = false;

function start(name: string, script: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`The ${name} stopped (${signal ?? `exit code ${code}`}); stopping the editor.`);
    }
    stop(code ?? 1);
  });
  children.push(child);
}

function stop(code: number) {
  if (!stopping) {
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  }
  if (children.every((child) => child.exitCode !== null || child.signalCode !== null)) {
    process.exit(code);
  }
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// decap-server with two corrections (scripts/cmsBackend.ts).
start('local backend', fileURLToPath(new URL('./cmsBackend.ts', import.meta.url)), [], {
  // Git mode: each entry is a draft on its own cms/… branch (the editorial workflow).
  MODE: 'git',
  BIND_HOST: '127.0.0.1',
  PORT: String(plan.backendPort),
  GIT_REPO_DIRECTORY: git('rev-parse', '--show-toplevel').trim(),
});
start(
  'site',
  modules('astro/bin/astro.mjs'),
  ['dev', '--host', '127.0.0.1', '--port', String(plan.sitePort)],
  {
    ASTRO_TELEMETRY_DISABLED: '1',
    PUBLIC_DECAP_LOCAL_URL: plan.backendUrl,
    // Not watching content/ (astro.config.mjs): the backend's branch switches reloaded the editor.
    SG_CONTENT_EDITOR: '1',
  },
);
console.log(`\nContent editor: open ${plan.editorUrl} and choose Login. Ctrl-C stops it.\n`);
