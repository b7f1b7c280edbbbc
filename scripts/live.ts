/**
 * `npm start` with LIVE_REPO set: serves the site and keeps it up to date with the content
 * repository's branch, without anyone running a command after Publish (README, "What happens
 * after Publish"). The site itself runs as `scripts/serve.ts` behind a switch on HOST:PORT; a new
 * version is built into its own folder, started beside the running one, and switched to once it
 * answers (src/server/live/liveSite.ts).
 *
 * SIGTERM or SIGINT stops it as `npm run serve` stops: no new connections, requests in flight
 * answered (within SHUTDOWN_TIMEOUT_MS), exit 0; 1 if some were cut off.
 */
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import path from 'node:path';
import { DRAIN_TIMEOUT_MS, drainServer } from '../src/server/drainServer.ts';
import { LiveSite } from '../src/server/live/liveSite.ts';
import { liveSettings } from '../src/server/live/liveSettings.ts';
import { ReleaseProxy } from '../src/server/live/releaseProxy.ts';
import { hasBuild } from '../src/server/live/siteProcess.ts';
import { WEBHOOK_PATH, webhookRequest } from '../src/server/live/webhookRequest.ts';
import { secureServer, trustProxyFromEnv } from '../src/server/securityHeaders.ts';

const appDir = path.resolve(import.meta.dirname, '..');

function fail(message: string): never {
  console.error(`\nSafeguarding 2.0 could not start.\n${message}\n`);
  process.exit(1);
}

let settings;
try {
  settings = liveSettings(process.env, appDir);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (!settings) fail('LIVE_REPO is not set; start the site with `npm run serve` instead.');
if (!hasBuild(appDir)) fail('The site has not been built yet. Run `npm run build` first.');

const cert = process.env.SERVER_CERT_PATH;
const key = process.env.SERVER_KEY_PATH;
const trustProxy = trustProxyFromEnv(process.env.TRUST_PROXY);

// The site behind the switch believes the X-Forwarded-Proto the switch sets: https when the
// switch itself serves TLS, the reverse proxy's word with TRUST_PROXY=1, and nothing otherwise
// (a header the client sent is dropped).
const proxy = new ReleaseProxy({
  loopbackPerClient: process.platform === 'linux',
  forwardedProto: (req) => {
    if (cert) return 'https';
    const given = req.headers['x-forwarded-proto'];
    return trustProxy && typeof given === 'string' ? given : undefined;
  },
});
const siteEnv: NodeJS.ProcessEnv = { ...process.env };
for (const name of Object.keys(siteEnv)) {
  if (name.startsWith('LIVE_') || name.startsWith('SERVER_')) delete siteEnv[name];
}
// TRUST_PROXY also makes the researcher cookie Secure, so it is set only when HTTPS is real.
if (cert || trustProxy) siteEnv.TRUST_PROXY = '1';
else delete siteEnv.TRUST_PROXY;

const live = new LiveSite(settings, appDir, proxy, siteEnv);
try {
  await live.start((code) => {
    console.error(`The site stopped unexpectedly (exit code ${code}).`);
    process.exit(1);
  });
} catch (error) {
  fail(`The site did not start:\n${error instanceof Error ? error.message : error}`);
}

const secret = settings.webhookSecret;
const handler: RequestListener = (req, res) => {
  const pathname = (req.url ?? '/').split('?')[0];
  if (secret && pathname === WEBHOOK_PATH) {
    void webhookRequest(req, res, secret, () => void live.check());
  } else proxy.forward(req, res);
};
const server = cert
  ? createHttpsServer({ cert: readFileSync(cert), key: readFileSync(key ?? '') }, handler)
  : createServer(handler);
// The request gate, headers and timeouts every answer from the site has (src/server/requestGate.ts),
// here too: an odd request is refused before it is passed on, and none can stop the switch
// (docs/reliability.md G25). The site's own answers pass through with their headers unchanged.
secureServer(server, { pagePolicies: new Map(), trustProxy });
const host = process.env.HOST || 'localhost';
const port = Number(process.env.PORT || 4321);
server.listen(port, host, () => {
  console.log(
    `Serving on ${cert ? 'https' : 'http'}://${host}:${port}/, following ${settings.branch} of ` +
      `${settings.repository} (every ${settings.pollSeconds} s${secret ? ' and on webhooks' : ''}).`,
  );
});

void live.check();
setInterval(() => void live.check(), settings.pollSeconds * 1000).unref();

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`${signal}: finishing the requests in flight, then stopping.`);
  const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS) || DRAIN_TIMEOUT_MS;
  const site = await live.stop();
  const drained = await drainServer(server, timeoutMs);
  site?.child.kill('SIGTERM');
  const siteCode = site ? await site.exited : 0;
  process.exit(drained && siteCode === 0 ? 0 : 1);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
