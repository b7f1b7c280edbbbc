/**
 * Part 5: the researcher side with many responses. 100,000 generated responses to the
 * practitioners survey in a bench DATA_DIR; then, signed in, the results page's render time and a
 * full CSV export, while the server's memory is sampled from /proc.
 */
import { statSync } from 'node:fs';
import { get } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readSurveyFiles } from '../src/server/contentFiles.ts';
import { DATABASE_FILE } from '../src/server/sqliteStore.ts';
import { PORTS, settings } from './lib/config.ts';
import { median, ms, passFail, table } from './lib/format.ts';
import { addBenchResearcher, RESEARCHER } from './lib/browser.ts';
import { insertGeneratedResponses } from './lib/generateResponses.ts';
import {
  cpuTimeOf,
  memoryOf,
  resetPeakMemory,
  startSite,
  tempDir,
  type Running,
} from './lib/processes.ts';

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

/** Waits (up to 2 minutes) for the server to print a line matching `pattern`. */
async function waitForLine(server: Running, pattern: RegExp): Promise<RegExpMatchArray> {
  for (const end = Date.now() + 120_000; Date.now() < end; await sleep(100)) {
    const found = server.output().match(pattern);
    if (found) return found;
  }
  throw new Error(`The server never printed ${pattern}:\n${server.output()}`);
}

/** GETs a URL, reads nothing for PAUSE_MS, then the whole body: the bytes received. */
const PAUSE_MS = 5000;
function pausedGet(url: string, cookie: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { cookie, 'accept-encoding': 'gzip' } }, (res) => {
      res.pause();
      let bytes = 0;
      setTimeout(() => {
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.resume();
      }, PAUSE_MS);
    }).on('error', reject);
  });
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

    // The survey's closed answers are read in the background at start (the server says when:
    // src/server/research/closedAnswers.ts); the export waits for that, so its peak is its own.
    const ready = await waitForLine(
      server,
      /Survey results ready: \d+ responses read in ([\d.]+) s/,
    );
    const readySeconds = Number(ready[1]);
    const afterReady = memoryOf(pid);
    resetPeakMemory(pid);

    // The export first, on a fresh server, so its peak is not the results page's.
    console.log('  research scale: CSV export');
    const stopSampling = sampleMemory(pid);
    const csv = await timedGet(`${server.origin}/research/surveys/${SLUG}/export.csv`, cookie, pid);
    const exportSampledPeak = await stopSampling();
    const afterExport = memoryOf(pid);

    // A researcher on a slow line: the same export, read not at all for 5 s, then to the end.
    // Kept apart from the first export's peak by measuring the growth while the client waits.
    console.log('  research scale: CSV export to a client that waits');
    const beforeSlow = memoryOf(pid).rss;
    const stopSlow = sampleMemory(pid);
    const slow = await pausedGet(`${server.origin}/research/surveys/${SLUG}/export.csv`, cookie);
    const slowPeak = await stopSlow();

    console.log('  research scale: results page');
    const stopResults = sampleMemory(pid);
    // The first read works out what results keep in memory (src/server/research/closedAnswers.ts);
    // it is timed on its own, and the median is of the reads after it.
    const first = await timedGet(`${server.origin}/research/surveys/${SLUG}/`, cookie, pid);
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
      readySeconds,
      afterReady: afterReady.rss,
      csv,
      exportPeak: Math.max(exportSampledPeak, afterExport.hwm),
      slow: { ...slow, growth: slowPeak - beforeSlow },
      first,
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
  readySeconds: number;
  afterReady: number;
  csv: { status: number; ms: number; cpuMs: number; bytes: number; lines: number };
  exportPeak: number;
  slow: { status: number; bytes: number; growth: number };
  first: { status: number; ms: number; cpuMs: number; bytes: number };
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
      `the export ran first, once the server had read the closed answers it keeps for results (its peak counter reset then, through \`/proc/<pid>/clear_refs\`), so its peak is its own.`,
    '',
    'Times are wall-clock from request to last byte; "server CPU" is the CPU time the server process used meanwhile ' +
      '(`/proc/<pid>/stat` utime + stime), which other work on a shared machine barely changes.',
    '',
    table(
      ['What', 'Measured', 'Target', 'Result'],
      [
        [
          "Survey results' closed answers read in the background when the server starts (its own log line); resident memory then",
          `${r.readySeconds.toFixed(1)} s; ${mb(r.afterReady)} (${mb(r.idle)} when it answered first)`,
          '(no target)',
          '–',
        ],
        [
          `Results page, the first read after the server starts (after the background read and both exports) (status ${r.first.status})`,
          `${ms(r.first.ms)} (server CPU ${ms(r.first.cpuMs)})`,
          '< 1 s',
          passFail(r.first.ms < 1000 && r.first.status === 200),
        ],
        [
          `Results page \`GET /research/surveys/practitioners/\`, every read after that (median of ${r.pages.length}: ${r.pages.map((p) => p.ms.toFixed(0)).join(', ')} ms; status ${r.pages[0].status}, ${mb(r.pages[0].bytes)} of HTML)`,
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
        [
          `Server memory growth while a researcher's download of the same export takes nothing for ${PAUSE_MS / 1000} s (gzip; status ${r.slow.status}, ${mb(r.slow.bytes)} received after)`,
          mb(Math.max(0, r.slow.growth)),
          '< 50 MB',
          passFail(r.slow.growth < 50 * MB && r.slow.status === 200),
        ],
        ['Server peak memory after the results page too', mb(r.resultsPeak), '(no target)', '–'],
      ],
    ),
    '',
    'The export is a pull stream (`streamOf` in `src/server/research/exports.ts`, 200 rows a chunk) that reads more rows ' +
      'only when the response can take them (`src/server/responseBackpressure.ts`): the Node adapter writes a streamed ' +
      "body without waiting for the socket to drain (`writeResponse` in Astro's `core/app/node`), so the site's server " +
      'tells the stream itself when the socket or the compressor in front of it is full. A download that reads nothing ' +
      'holds only what those buffers take.',
  ].join('\n');
}
