/**
 * Part 1: the submission write path under load, the site against a bare node:http + node:sqlite
 * baseline with the same durability settings. Every request is a distinct valid response (a new
 * submissionId each time), sent with the headers the site's own form sends.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import autocannon from 'autocannon';
import { practitionersSubmission } from '../tests/fixtures/practitionersSubmission.ts';
import { DATABASE_FILE } from '../src/server/sqliteStore.ts';
import { PORTS, QUICK, settings } from './lib/config.ts';
import { ms, passFail, ratio, table } from './lib/format.ts';
import { startNode, startSite, tempDir, type Running } from './lib/processes.ts';

const PATH = '/api/surveys/practitioners/responses';
const CONNECTIONS = [1, 16, 128];

export interface LoadResult {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

/** Runs one fixed-duration load against `origin`, each request a fresh valid submission. */
export async function load(origin: string, connections: number, seconds: number): Promise<LoadResult> {
  const template = practitionersSubmission();
  const result = await autocannon({
    url: origin + PATH,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ ...template, submissionId: randomUUID() }),
        }),
      },
    ],
  });
  return {
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function countRows(dataDir: string): number {
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE), { readOnly: true });
  try {
    return Number((db.prepare('SELECT COUNT(*) AS n FROM responses').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

export async function writePath(): Promise<string> {
  const siteDir = tempDir('write-site');
  const baseDir = tempDir('write-baseline');
  const servers: Running[] = [];
  const site: LoadResult[] = [];
  const base: LoadResult[] = [];
  let acknowledged = { site: 0, base: 0 };
  try {
    servers.push(await startSite(PORTS.site, siteDir));
    servers.push(
      await startNode('bench/baselineServer.ts', { port: PORTS.baseline, env: { DATA_DIR: baseDir } }),
    );
    const [siteServer, baseServer] = servers;
    // Warm-up: JIT, prepared statements, the WAL file; counted for the row check, not reported.
    for (const [server, key] of [[siteServer, 'site'], [baseServer, 'base']] as const) {
      const warm = await load(server.origin, 4, QUICK ? 1 : 2);
      acknowledged[key] += warm.ok;
    }
    // Alternate site and baseline per step, so drift in the machine's load hits both alike.
    for (const connections of CONNECTIONS) {
      console.log(`  write path: ${connections} connection(s), ${settings.writeSeconds} s each`);
      const s = await load(siteServer.origin, connections, settings.writeSeconds);
      const b = await load(baseServer.origin, connections, settings.writeSeconds);
      site.push(s);
      base.push(b);
      acknowledged = { site: acknowledged.site + s.ok, base: acknowledged.base + b.ok };
    }
  } finally {
    for (const server of servers) await server.stop();
  }
  const stored = { site: countRows(siteDir), base: countRows(baseDir) };
  return report(site, base, acknowledged, stored);
}

function report(
  site: LoadResult[],
  base: LoadResult[],
  acknowledged: { site: number; base: number },
  stored: { site: number; base: number },
): string {
  const rows = site.flatMap((s, i) => {
    const b = base[i];
    return [
      [s.connections, 'site', s.requestsPerSecond.toFixed(0), ms(s.p50), ms(s.p99), s.non2xx, s.errors, ratio(s.requestsPerSecond, b.requestsPerSecond)],
      [b.connections, 'baseline', b.requestsPerSecond.toFixed(0), ms(b.p50), ms(b.p99), b.non2xx, b.errors, '1.00×'],
    ];
  });
  const worst = Math.min(...site.map((s, i) => s.requestsPerSecond / base[i].requestsPerSecond));
  const at16 = site.find((s) => s.connections === 16)!;
  return [
    `## 1. Submission write path`,
    '',
    `\`POST /api/surveys/practitioners/responses\` on the built site (\`node scripts/serve.ts\`, fresh \`DATA_DIR\`), ` +
      `against \`bench/baselineServer.ts\` (bare \`node:http\`, no checks, the same row into the same table with WAL + ` +
      `\`synchronous=FULL\`). autocannon ${settings.writeSeconds} s per step after a short warm-up, every request a ` +
      `valid response with a new \`submissionId\`, \`Content-Type: application/json\` and the site's own \`Origin\`. ` +
      `Load generator and servers share the machine's cores.`,
    '',
    table(['Connections', 'Server', 'req/s', 'p50', 'p99', 'non-2xx', 'errors', 'site ÷ baseline'], rows),
    '',
    `Every acknowledged response is stored: site ${acknowledged.site} acknowledged, ${stored.site} rows; ` +
      `baseline ${acknowledged.base} acknowledged, ${stored.base} rows.`,
    '',
    table(
      ['Target', 'Measured', 'Result'],
      [
        ['Throughput ≥ 0.5× baseline (every connection count)', `lowest ${worst.toFixed(2)}×`, passFail(worst >= 0.5)],
        ['p99 < 50 ms at 16 connections', ms(at16.p99), passFail(at16.p99 < 50)],
      ],
    ),
  ].join('\n');
}
