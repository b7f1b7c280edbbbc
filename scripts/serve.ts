/**
 * Starts the built site: checks DATA_DIR and migrates the database first, so that a bad folder
 * stops the server at once with a message saying which folder and why, then hands over to the
 * Astro Node server (pages, API and static files) on HOST:PORT (default localhost:4321).
 */
import { existsSync } from 'node:fs';
import { DataDirError } from '../src/server/dataDir.ts';
import { closeStore, getStore } from '../src/server/store.ts';
import { describePurge, purgeExpired } from '../src/server/research/purge.ts';
import { readActivityFiles } from '../src/server/research/surveyFiles.ts';
import {
  readPagePolicies,
  secureServer,
  trustProxyFromEnv,
} from '../src/server/securityHeaders.ts';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);

function fail(message: string): never {
  console.error(`\nSafeguarding 2.0 could not start.\n${message}\n`);
  process.exit(1);
}

if (!existsSync(entry)) fail('The site has not been built yet. Run `npm run build` first.');

try {
  const { schemaVersion } = getStore().health();
  console.log(
    `Database ready in ${process.env.DATA_DIR || './data'} (schema version ${schemaVersion}).`,
  );
} catch (error) {
  if (error instanceof DataDirError) fail(error.message);
  fail(`The database could not be opened: ${error instanceof Error ? error.message : error}`);
}

// Retention (RELIABILITY G21): delete answers past their survey's retention now and once a day.
function purge() {
  try {
    console.log(
      describePurge(purgeExpired(getStore().database(), readActivityFiles(), new Date())),
    );
  } catch (error) {
    console.error(`Retention purge failed: ${error instanceof Error ? error.message : error}`);
  }
}
purge();
setInterval(purge, 24 * 60 * 60 * 1000).unref();

process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    closeStore();
    process.exit(0);
  });
}

// Security headers on every response, static files included (src/server/securityHeaders.ts).
let pagePolicies;
try {
  pagePolicies = readPagePolicies(new URL('../dist/_headers.json', import.meta.url));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { startServer } = await import(entry.href);
// The adapter's standalone server: `.server` is the http.Server, `.stop()` closes it.
const { server } = startServer();
secureServer(server.server, {
  pagePolicies,
  trustProxy: trustProxyFromEnv(process.env.TRUST_PROXY),
});
