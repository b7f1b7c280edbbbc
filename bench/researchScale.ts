/**
 * Part 5: the researcher side with many responses. 100,000 generated responses to the
 * practitioners survey in a bench DATA_DIR; then, signed in, the results page's render time and a
 * full CSV export, while the server's memory is sampled from /proc.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readSurveyFiles } from '../src/server/contentFiles.ts';
import { DATABASE_FILE } from '../src/server/sqliteStore.ts';
import { PORTS, settings } from './lib/config.ts';
import { median, ms, passFail, table } from './lib/format.ts';
import { addBenchResearcher, RESEARCHER } from './lib/browser.ts';
import { insertGeneratedResponses } from './lib/generateResponses.ts';
import { cpuTimeOf, memoryOf, startSite, tempDir, type Running } from './lib/processes.ts';

const SLUG = 'practitioners';
const ANALYSIS =
  'where=used-digital-tool:no&where=confidence-sharing:4&rows=years-in-role&columns=used-digital-tool&compare=role';
/** The response browser's list (src/server/research/responseBrowser.ts): first page, a deep page, filtered. */
const BROWSER = [
  { label: 'first page', query: '' },
  { label: 'page 2,000 (responses 49,976–50,000)', query: '?page=2000' },
  {
    label: 'three filters at once, page 100',
    query: '?role=social-worker&flagged=no&coded=yes&from=2026-12-01&page=20',
  },
];
const MB = 1024 * 1024;

/** Signs in with the login form's fields and returns the session cookie. */
async function sessionCookie(origin: string): Promise<string> {
  const response = await fetch(`${origin}/research/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({ email: RESEARCHER.email, password: RESEARCHER.password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => /session/i.test(c));
  if (!cookie) throw new Error(`Sign-in failed: ${response.status}`);
  return cookie.split(';')[0];
}

/** Samples the process's resident memory every 20 ms until stopped; VmHWM gives the true peak. */
function sampleMemory(pid: number) {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, memoryOf(pid).rss);
      await sleep(20);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peak;
  };
}

/** GETs a URL and reads the whole body, timing until the last byte. */
async function timedGet(url: string, cookie: string, pid: number) {
  const cpuBefore = cpuTimeOf(pid);
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body!) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 10) lines++;
  }
  return {
    status: response.status,
    ms: performance.now() - started,
    cpuMs: cpuTimeOf(pid) - cpuBefore,
    bytes,
    lines,
  };
}

export async function researchScale(): Promise<string> {
  const dataDir = tempDir('research');
  const survey = readSurveyFiles().find((s) => s.slug === SLUG)!.survey;
  const count = settings.researchResponses;
  await addBenchResearcher(dataDir);
  console.log(`  research scale: inserting ${count} responses`);
  const inserting = performance.now();
  insertGeneratedResponses(dataDir, SLUG, survey, count);
  const insertSeconds = (performance.now() - inserting) / 1000;
  const dbBytes = statSync(path.join(dataDir, DATABASE_FILE)).size;

  let server: Running | undefined;
  try {
    server = await startSite(PORTS.research, dataDir);
    const pid = server.child.pid!;
    const cookie = await sessionCookie(server.origin);
    const idle = memoryOf(pid);

    // The export first, on a fresh server, so its peak is not the results page's.
    console.log('  research scale: CSV export');
    const stopSampling = sampleMemory(pid);
    const csv = await timedGet(`${server.origin}/research/surveys/${SLUG}/export.csv`, cookie, pid);
    const exportSampledPeak = await stopSampling();
    const afterExport = memoryOf(pid);

    console.log('  research scale: results page');
    const stopResults = sampleMemory(pid);
    const pages = [];
    for (let i = 0; i < 3; i++)
      pages.push(await timedGet(`${server.origin}/research/surveys/${SLUG}/`, cookie, pid));
    // The same page with the analysis a researcher adds: two filters at once, a cross-tab and
    // every closed question compared by role (src/server/research/analysis.ts), in the same pass.
    const analysed = [];
    for (let i = 0; i < 3; i++)
      analysed.push(
        await timedGet(`${server.origin}/research/surveys/${SLUG}/?${ANALYSIS}`, cookie, pid),
      );
    const resultsSampledPeak = await stopResults();

    console.log('  research scale: response browser');
    const browser = [];
    for (const { label, query } of BROWSER) {
      const runs = [];
      for (let i = 0; i < 3; i++)
        runs.push(
          await timedGet(
            `${server.origin}/research/surveys/${SLUG}/responses/${query}`,
            cookie,
            pid,
          ),
        );
      browser.push({ label, query, runs });
    }
    const afterResults = memoryOf(pid);

    return report({
      count,
      insertSeconds,
      dbBytes,
      idle: idle.rss,
      csv,
      exportPeak: Math.max(exportSampledPeak, afterExport.hwm),
      pages,
      analysed,
      browser,
      resultsPeak: Math.max(resultsSampledPeak, afterResults.hwm),
    });
  } finally {
    await server?.stop();
  }
}

function report(r: {
  count: number;
  insertSeconds: number;
  dbBytes: number;
  idle: number;
  csv: { status: number; ms: number; cpuMs: number; bytes: number; lines: number };
  exportPeak: number;
  pages: { status: number; ms: number; cpuMs: number; bytes: number }[];
  analysed: { status: number; ms: number; cpuMs: number; bytes: number }[];
  browser: {
    label: string;
    query: string;
    runs: { status: number; ms: number; cpuMs: number; bytes: number }[];
  }[];
  resultsPeak: number;
}): string {
  const pageMs = median(r.pages.map((p) => p.ms));
  const mb = (n: number) => (n < MB ? `${(n / 1024).toFixed(0)} KB` : `${(n / MB).toFixed(0)} MB`);
  const pageCpu = median(r.pages.map((p) => p.cpuMs));
  const analysedMs = median(r.analysed.map((p) => p.ms));
  const analysedCpu = median(r.analysed.map((p) => p.cpuMs));
  return [
    '## 5. Researcher side at scale',
    '',
    `${r.count.toLocaleString('en-GB')} generated responses to \`practitioners\` (every question type; 1–4 sentences in each ` +
      `free-text answer; spread over 120 days) inserted into a bench \`DATA_DIR\` with the site's own columns, canonical ` +
      `JSON and receipt hashes (\`bench/lib/generateResponses.ts\`) in ${r.insertSeconds.toFixed(1)} s; database ${mb(r.dbBytes)}. ` +
      `The built site (\`node scripts/serve.ts\`) then served a researcher signed in through the login form. Memory is the server ` +
      `process's resident set from \`/proc/<pid>/status\`: sampled every 20 ms and \`VmHWM\` (the kernel's peak), whichever is higher; ` +
      `the export ran first on a fresh server (idle ${mb(r.idle)}), so its peak is its own.`,
    '',
    'Times are wall-clock from request to last byte; "server CPU" is the CPU time the server process used meanwhile ' +
      '(`/proc/<pid>/stat` utime + stime), which other work on a shared machine barely changes.',
    '',
    table(
      ['What', 'Measured', 'Target', 'Result'],
      [
        [
          `Results page \`GET /research/surveys/practitioners/\` (median of ${r.pages.length}: ${r.pages.map((p) => p.ms.toFixed(0)).join(', ')} ms; status ${r.pages[0].status}, ${mb(r.pages[0].bytes)} of HTML)`,
          `${ms(pageMs)} (server CPU ${ms(pageCpu)})`,
          '< 1 s',
          passFail(pageMs < 1000 && r.pages[0].status === 200),
        ],
        [
          `Results page with two filters, a cross-tab and a comparison (\`?${ANALYSIS}\`; median of ${r.analysed.length}: ${r.analysed.map((p) => p.ms.toFixed(0)).join(', ')} ms; status ${r.analysed[0].status})`,
          `${ms(analysedMs)} (server CPU ${ms(analysedCpu)})`,
          '< 1 s',
          passFail(analysedMs < 1000 && r.analysed[0].status === 200),
        ],
        ...r.browser.map(({ label, query, runs }) => {
          const wall = median(runs.map((p) => p.ms));
          return [
            `Response browser, ${label} (\`GET /research/surveys/practitioners/responses/${query}\`; median of ${runs.length}: ${runs.map((p) => p.ms.toFixed(0)).join(', ')} ms; status ${runs[0].status})`,
            `${ms(wall)} (server CPU ${ms(median(runs.map((p) => p.cpuMs)))})`,
            '< 1 s',
            passFail(wall < 1000 && runs[0].status === 200),
          ];
        }),
        [
          `CSV export streamed fully (status ${r.csv.status}; ${mb(r.csv.bytes)}, ${r.csv.lines.toLocaleString('en-GB')} lines)`,
          `${(r.csv.ms / 1000).toFixed(2)} s (server CPU ${(r.csv.cpuMs / 1000).toFixed(2)} s)`,
          '< 10 s',
          passFail(r.csv.ms < 10_000 && r.csv.status === 200),
        ],
        [
          'Server peak memory during the export',
          mb(r.exportPeak),
          '< 300 MB',
          passFail(r.exportPeak < 300 * MB),
        ],
        ['Server peak memory after the results page too', mb(r.resultsPeak), '(no target)', '–'],
      ],
    ),
    '',
    'The export is a pull stream (`streamOf` in `src/server/research/exports.ts`, 200 rows a chunk), but the Node adapter ' +
      "writes a streamed body without waiting for the socket to drain (`writeResponse` in Astro's `core/app/node`, as " +
      'built into `dist/server/entry.mjs`: `destination.write(chunk)` in a loop, its return value ignored). So the export ' +
      'is only as lean as the client is fast: the bench reads as fast as it can on the same machine, and what it cannot ' +
      'take yet waits in the socket buffer. A researcher downloading slowly would make the server hold most of the file. ' +
      'Fixing that needs the adapter to honour backpressure (an upstream change) or the export served outside Astro.',
  ].join('\n');
}
