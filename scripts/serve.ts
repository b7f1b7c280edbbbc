/**
 * Starts the built site: checks DATA_DIR and migrates the database first, so that a bad folder
 * stops the server at once with a message saying which folder and why, then hands over to the
 * Astro Node server (pages, API and static files) on HOST:PORT (default localhost:4321).
 *
 * SIGTERM or SIGINT stops it gracefully: no new connections, requests in flight are answered,
 * the database is closed (which checkpoints its write-ahead log), exit code 0. If requests are
 * still running after SHUTDOWN_TIMEOUT_MS (default 10 s) they are cut off and the exit code is 1.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { DRAIN_TIMEOUT_MS, drainServer } from '../src/server/drainServer.ts';
import { DataDirError } from '../src/server/dataDir.ts';
import { sealPlainSecrets, TotpKeyError } from '../src/server/auth/totpKey.ts';
import { closeStore, getStore } from '../src/server/store.ts';
import { submissionEndpoints } from '../src/server/submissionEndpoints.ts';
import { readSubmissionContent } from '../src/server/submissionContent.ts';
import {
  describeFeedbackPurge,
  describePurge,
  purgeExpired,
  purgeExpiredFeedback,
} from '../src/server/research/purge.ts';
import {
  readActivityFiles,
  readPrototypeFiles,
  readSurveyFiles,
} from '../src/server/contentFiles.ts';
import { keepResultsReady } from '../src/server/research/closedAnswers.ts';
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
  // Authenticator secrets stored in plain text by an older version are sealed now.
  const sealed = sealPlainSecrets(getStore().database());
  if (sealed > 0) console.log(`Sealed ${sealed} authenticator secrets with the TOTP key.`);
} catch (error) {
  if (error instanceof DataDirError || error instanceof TotpKeyError) fail(error.message);
  fail(`The database could not be opened: ${error instanceof Error ? error.message : error}`);
}

// Retention (docs/reliability.md G21): delete answers past their survey's retention now and once a day.
function purge() {
  try {
    const db = getStore().database();
    console.log(describePurge(purgeExpired(db, readActivityFiles(), new Date())));
    console.log(describeFeedbackPurge(purgeExpiredFeedback(db, readPrototypeFiles(), new Date())));
  } catch (error) {
    console.error(`Retention purge failed: ${error instanceof Error ? error.message : error}`);
  }
}
purge();
setInterval(purge, 24 * 60 * 60 * 1000).unref();
// Survey results count from closed answers kept in memory: read them now, in the background.
keepResultsReady(getStore().database(), readSurveyFiles());

process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';

// Set once the server listens; a signal during start-up has nothing to drain.
const listening: { server?: Server } = {};
let stopping = false;

async function stop(signal: NodeJS.Signals) {
  // A second Ctrl-C means "now": the database is consistent between any two statements.
  if (stopping) {
    closeStore();
    process.exit(1);
  }
  stopping = true;
  const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS) || DRAIN_TIMEOUT_MS;
  console.log(`${signal}: finishing the requests in flight, then stopping.`);
  const drained = listening.server ? await drainServer(listening.server, timeoutMs) : true;
  closeStore();
  if (!drained) console.error(`Requests still running after ${timeoutMs} ms were cut off.`);
  process.exit(drained ? 0 : 1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);

// Security headers on every response, static files included (src/server/securityHeaders.ts).
let pagePolicies;
let submissionContent;
try {
  pagePolicies = readPagePolicies(new URL('../dist/_headers.json', import.meta.url));
  submissionContent = readSubmissionContent();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

// @astrojs/node 11.1 has no graceful shutdown of its own (withastro/astro#17655 adds one), so
// start its standalone server ourselves to hold the http.Server it listens with.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { startServer } = (await import(entry.href)) as {
  startServer: () => { server: { server: Server } };
};
listening.server = startServer().server.server;
secureServer(listening.server, {
  pagePolicies,
  trustProxy: trustProxyFromEnv(process.env.TRUST_PROXY),
  clientDir: fileURLToPath(new URL('../dist/client/', import.meta.url)),
  // Survey, journey and feedback submissions without Astro in between (the write path).
  answerFirst: submissionEndpoints(() => submissionContent, getStore),
});
