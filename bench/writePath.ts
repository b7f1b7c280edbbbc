/**
 * Part 1: the submission write path under load, the site against a bare node:http + node:sqlite
 * baseline with the same durability settings. Every request is a distinct valid response (a new
 * submissionId each time), sent with the headers the site's own form sends.
 */
import { randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import autocannon from 'autocannon';
import { practitionersSubmission } from '../tests/fixtures/practitionersSubmission.ts';
import { DATABASE_FILE } from '../src/server/sqliteStore.ts';
import { PORTS, QUICK, settings } from './lib/config.ts';
import { median, ms, passFail, ratio, table } from './lib/format.ts';
import { cpuTimeOf, startNode, startSite, tempDir, type Running } from './lib/processes.ts';

const CONNECTIONS = [1, 16, 128];

/** The three submission APIs, each with a fresh valid body per request. */
export const ENDPOINTS = [
  {
    name: 'survey',
    path: '/api/surveys/practitioners/responses',
    table: 'responses',
    body: practitionersSubmission,
  },
  {
    name: 'journey map',
    path: '/api/journeys/child-protection-journey/maps',
    table: 'responses',
    body: journeyMap,
  },
  {
    name: 'feedback',
    path: '/api/prototypes/shared-family-timeline/feedback',
    table: 'feedback',
    body: () => ({
      submissionId: randomUUID(),
      usefulness: 3,
      reactions: { 'agreed-actions': 'not-sure' },
      role: 'ecdp-member',
    }),
  },
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

function journeyMap() {
  return {
    submissionId: randomUUID(),
    role: 'parent-or-carer',
    consent: {
      'read-about-research': true,
      'can-stop-and-withdraw': true,
      'answers-used-for-research': true,
      'risk-may-be-passed-on': true,
    },
    stages: [
      { name: 'A first worry', feeling: 2, who: ['teacher-or-school'] },
      { name: 'Assessment', feeling: 3, who: [], wouldHaveHelped: 'Plain words' },
    ],
  };
}

export interface LoadResult {
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Server CPU time (ms) per request answered: the work each costs, whatever else runs. */
  cpuPerRequest: number;
}

type InFlight = { submissionId: string };

/** Runs one fixed-duration load against `origin`, each request a fresh valid submission. */
export async function load(
  origin: string,
  connections: number,
  seconds: number,
  acknowledged: string[] = [],
  pid?: number,
  endpoint: Endpoint = ENDPOINTS[0],
): Promise<LoadResult> {
  const cpuBefore = pid ? cpuTimeOf(pid) : 0;
  const result = await autocannon({
    url: origin + endpoint.path,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    requests: [
      {
        // One request in flight per connection, so its context names the submission in flight.
        setupRequest: (request, context) => {
          const submissionId = randomUUID();
          (context as InFlight).submissionId = submissionId;
          return { ...request, body: JSON.stringify({ ...endpoint.body(), submissionId }) };
        },
        onResponse: (status, _body, context) => {
          if (status === 201) acknowledged.push((context as InFlight).submissionId);
        },
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
    cpuPerRequest: pid ? (cpuTimeOf(pid) - cpuBefore) / Math.max(1, result.requests.total) : NaN,
  };
}

/** How many rows the database holds, and how many acknowledged submissions are missing. */
function checkStored(dataDir: string, acknowledged: string[], tables: readonly string[]) {
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE), { readOnly: true });
  try {
    const ids = new Set(
      tables.flatMap((name) =>
        (db.prepare(`SELECT submission_id AS id FROM ${name}`).all() as { id: string }[]).map(
          (r) => r.id,
        ),
      ),
    );
    return {
      rows: ids.size,
      acknowledged: acknowledged.length,
      missing: acknowledged.filter((id) => !ids.has(id)).length,
    };
  } finally {
    db.close();
  }
}

/** One endpoint's load at one connection count. */
export type SiteResult = LoadResult & { endpoint: string };

export async function writePath(): Promise<string> {
  const siteDir = tempDir('write-site');
  const baseDir = tempDir('write-baseline');
  const servers: Running[] = [];
  const site: SiteResult[] = [];
  const base: LoadResult[] = [];
  const acknowledged = { site: [] as string[], base: [] as string[] };
  let floor: { requestsPerSecond: number; cpuPerRequest: number };
  try {
    servers.push(await startSite(PORTS.site, siteDir));
    servers.push(
      await startNode('bench/baselineServer.ts', {
        port: PORTS.baseline,
        env: { DATA_DIR: baseDir },
      }),
    );
    const [siteServer, baseServer] = servers;
    // Warm-up: JIT, prepared statements, the WAL file; counted for the row check, not reported.
    for (const endpoint of ENDPOINTS) {
      await load(siteServer.origin, 4, QUICK ? 1 : 2, acknowledged.site, undefined, endpoint);
    }
    await load(baseServer.origin, 4, QUICK ? 1 : 2, acknowledged.base);
    // Baseline and each endpoint in turn per step, so drift in the machine's load hits all alike.
    for (const connections of CONNECTIONS) {
      console.log(`  write path: ${connections} connection(s), ${settings.writeSeconds} s each`);
      base.push(
        await load(
          baseServer.origin,
          connections,
          settings.writeSeconds,
          acknowledged.base,
          baseServer.child.pid,
        ),
      );
      for (const endpoint of ENDPOINTS) {
        const result = await load(
          siteServer.origin,
          connections,
          settings.writeSeconds,
          acknowledged.site,
          siteServer.child.pid,
          endpoint,
        );
        site.push({ ...result, endpoint: endpoint.name });
      }
    }
    // Astro's own floor: the cheapest on-demand route the site has (one SELECT).
    floor = await readLoad(
      siteServer.origin + '/api/health',
      16,
      settings.writeSeconds,
      siteServer.child.pid!,
    );
  } finally {
    for (const server of servers) await server.stop();
  }
  const stored = {
    site: checkStored(siteDir, acknowledged.site, ['responses', 'feedback']),
    base: checkStored(baseDir, acknowledged.base, ['responses']),
  };
  return report(site, base, stored, await fsyncLatency(siteDir), floor);
}

/** Requests per second of GETs to `url`, and the server's CPU time per request. */
async function readLoad(url: string, connections: number, seconds: number, pid: number) {
  const cpuBefore = cpuTimeOf(pid);
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    requestsPerSecond: result.requests.average,
    cpuPerRequest: (cpuTimeOf(pid) - cpuBefore) / Math.max(1, result.requests.total),
  };
}

type Stored = ReturnType<typeof checkStored>;
const FSYNC_SAMPLES = 300;

/** What one durable commit costs on this disk, to read the ratio against. */
async function fsyncLatency(dir: string) {
  const file = path.join(dir, 'fsync-probe');
  const handle = await open(file, 'a');
  const block = Buffer.alloc(4096, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < FSYNC_SAMPLES; i++) {
      await handle.write(block);
      const started = performance.now();
      await handle.datasync();
      times.push(performance.now() - started);
    }
  } finally {
    await handle.close();
    await rm(file);
  }
  times.sort((a, b) => a - b);
  return { median: median(times), p99: times[Math.floor(times.length * 0.99)] };
}

function report(
  site: SiteResult[],
  base: LoadResult[],
  stored: { site: Stored; base: Stored },
  fsync: { median: number; p99: number },
  floor: { requestsPerSecond: number; cpuPerRequest: number },
): string {
  const baseAt = (connections: number) => base.find((b) => b.connections === connections)!;
  const cpuRatio = (s: SiteResult) => s.cpuPerRequest / baseAt(s.connections).cpuPerRequest;
  const rateRatio = (s: SiteResult) =>
    s.requestsPerSecond / baseAt(s.connections).requestsPerSecond;
  const rows = base.flatMap((b) => [
    [
      b.connections,
      'baseline',
      b.requestsPerSecond.toFixed(0),
      ms(b.p50),
      ms(b.p99),
      b.non2xx,
      b.errors,
      ms(b.cpuPerRequest),
      '1.00×',
      '1.00×',
    ],
    ...site
      .filter((s) => s.connections === b.connections)
      .map((s) => [
        s.connections,
        s.endpoint,
        s.requestsPerSecond.toFixed(0),
        ms(s.p50),
        ms(s.p99),
        s.non2xx,
        s.errors,
        ms(s.cpuPerRequest),
        `${cpuRatio(s).toFixed(2)}×`,
        ratio(s.requestsPerSecond, b.requestsPerSecond),
      ]),
  ]);
  const worstCpu = Math.max(...site.map(cpuRatio));
  const worstRate = Math.min(...site.map(rateRatio));
  const worstP99At16 = Math.max(...site.filter((s) => s.connections === 16).map((s) => s.p99));
  return [
    `## 1. Submission write path`,
    '',
    `The three submission APIs (${ENDPOINTS.map((e) => `\`POST ${e.path}\``).join(', ')}) on the built site ` +
      `(\`node scripts/serve.ts\`, fresh \`DATA_DIR\`), against \`bench/baselineServer.ts\` (bare \`node:http\`, no checks, ` +
      `one row into the responses table with WAL + \`synchronous=FULL\`). autocannon ${settings.writeSeconds} s per step after a ` +
      `short warm-up, every request a valid submission with a new \`submissionId\`, \`Content-Type: application/json\` and ` +
      `the site's own \`Origin\`. Load generator and servers share the machine's cores. "Server CPU / request" is the ` +
      `server process's CPU time (\`/proc/<pid>/stat\`) over the step divided by the requests answered: what each request ` +
      `costs whatever else runs on the machine (time blocked in \`fdatasync\` is not CPU time).`,
    '',
    table(
      [
        'Connections',
        'Server',
        'req/s',
        'p50',
        'p99',
        'non-2xx',
        'errors',
        'server CPU / request',
        'CPU ÷ baseline',
        'req/s ÷ baseline',
      ],
      rows,
    ),
    '',
    `Acknowledged submissions stored: site ${stored.site.acknowledged - stored.site.missing} of ${stored.site.acknowledged} ` +
      `(${stored.site.missing} missing; ${stored.site.rows} rows, the rest were in flight when a step's time ran out), ` +
      `baseline ${stored.base.acknowledged - stored.base.missing} of ${stored.base.acknowledged} (${stored.base.rows} rows).`,
    '',
    `For scale: the site answers \`GET /api/health\` (an Astro route: one SELECT, no body to read, check or store) at ` +
      `${floor.requestsPerSecond.toFixed(0)} req/s with 16 connections, using ${ms(floor.cpuPerRequest)} of server CPU per ` +
      `request: the cost of Astro's request handling before any of a route's own work, which the JSON submissions ` +
      `no longer pay (src/server/submissionEndpoints.ts).`,
    '',
    `This disk's \`fdatasync\` after a 4 KiB append: median ${ms(fsync.median)}, p99 ${ms(fsync.p99)} ` +
      `(${FSYNC_SAMPLES} samples in the bench's temp folder). Each commit with \`synchronous=FULL\` waits for one, for the site and the ` +
      `baseline alike; the cheaper it is, the more the site's own per-request work shows in the ratio.`,
    '',
    table(
      ['Target', 'Measured', 'Result'],
      [
        [
          'Server CPU / request ≤ 1.4× baseline (each API, every connection count)',
          `highest ${worstCpu.toFixed(2)}×`,
          passFail(worstCpu <= 1.4),
        ],
        [
          'Throughput ≥ 0.7× baseline (each API, every connection count)',
          `lowest ${worstRate.toFixed(2)}×`,
          passFail(worstRate >= 0.7),
        ],
        ['p99 < 50 ms at 16 connections (each API)', ms(worstP99At16), passFail(worstP99At16 < 50)],
        [
          'Every acknowledged submission stored',
          `${stored.site.missing} missing`,
          passFail(stored.site.missing === 0),
        ],
      ],
    ),
  ].join('\n');
}
