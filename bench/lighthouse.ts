/**
 * Part 6: Lighthouse (mobile, its default settings: a mid-range phone, simulated slow 4G and a
 * 4× slower CPU) on every kind of participant page, as `npm start` serves them, nothing in front.
 * Each page is run BENCH_LIGHTHOUSE_RUNS times (3) in a fresh Chromium; the median run (by
 * performance score) is reported with its total blocking time and accessibility score.
 */
import { randomUUID } from 'node:crypto';
import lighthouse from 'lighthouse';
import { launch as launchChrome } from 'chrome-launcher';
import { CHROMIUM, PORTS, settings } from './lib/config.ts';
import { kb, ms, passFail, table } from './lib/format.ts';
import { startSite, tempDir, type Running } from './lib/processes.ts';

const JOURNEY = '/journeys/child-protection-journey/';
/** A journey step's page without JavaScript: `TOKEN` is replaced by a map made at the start. */
const journeyStep = (step: string) => `${JOURNEY}form/?p=TOKEN&step=${step}`;

/** Every participant page kind the issue names, with and without the island. */
export const LIGHTHOUSE_PAGES = [
  { name: 'Home', path: '/' },
  { name: 'Finding', path: '/findings/information-sharing-is-slow/' },
  { name: 'Survey start (island)', path: '/surveys/practitioners/' },
  { name: 'Survey question page (server-rendered)', path: '/surveys/practitioners/form/' },
  { name: 'Journey builder start (island)', path: JOURNEY },
  { name: 'Journey stage page', path: journeyStep('stage-0') },
  { name: 'Journey list of stages', path: journeyStep('stages') },
  { name: 'Journey role', path: journeyStep('role') },
  { name: 'Journey check your map', path: journeyStep('check') },
  { name: 'Prototype scope', path: '/prototypes/shared-family-timeline/' },
  { name: 'Feedback form', path: '/prototypes/shared-family-timeline/feedback/' },
];

/**
 * Starts a journey map with the suggested stages as a browser without JavaScript does (a form
 * post), and returns the code in the address the server redirects to: each step's page of that
 * map can then be loaded on its own.
 */
export async function startJourney(origin: string): Promise<string> {
  const form = new URLSearchParams({
    step: 'start',
    submissionId: randomUUID(),
    easyRead: '',
    start: 'suggested',
    action: 'continue',
  });
  for (const id of [
    'read-about-research',
    'can-stop-and-withdraw',
    'answers-used-for-research',
    'risk-may-be-passed-on',
  ])
    form.set(`consent.${id}`, 'yes');
  const response = await fetch(`${origin}${JOURNEY}form/`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    headers: { Origin: origin, 'Sec-Fetch-Site': 'same-origin' },
  });
  const token = new URL(response.headers.get('location') ?? '', origin).searchParams.get('p');
  if (response.status !== 303 || !token)
    throw new Error(`Starting a journey map answered ${response.status}, not a step's address`);
  return token;
}

interface Run {
  performance: number;
  accessibility: number;
  tbt: number;
  lcp: number;
  /** Bytes on the wire for the page's scripts and stylesheets (do not depend on machine load). */
  scriptBytes: number;
  stylesheetBytes: number;
  /** The page itself, with what is written into it (the stylesheet, once inlined). */
  documentBytes: number;
}

/** Transfer size of one resource type from Lighthouse's resource summary. */
function transferBytes(audit: { details?: unknown }, type: string): number {
  const items = (audit.details as { items?: { resourceType: string; transferSize: number }[] })
    ?.items;
  return items?.find((item) => item.resourceType === type)?.transferSize ?? NaN;
}

async function runOnce(url: string): Promise<Run> {
  const chrome = await launchChrome({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { categories, audits } = result.lhr;
    return {
      performance: Math.round((categories.performance.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
      tbt: audits['total-blocking-time'].numericValue ?? NaN,
      lcp: audits['largest-contentful-paint'].numericValue ?? NaN,
      scriptBytes: transferBytes(audits['resource-summary'], 'script'),
      stylesheetBytes: transferBytes(audits['resource-summary'], 'stylesheet'),
      documentBytes: transferBytes(audits['resource-summary'], 'document'),
    };
  } finally {
    chrome.kill();
  }
}

/** The run in the middle by performance score: its other numbers belong to the same load. */
function medianRun(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)];
}

export async function lighthouseScores(): Promise<string> {
  const servers: Running[] = [];
  const results: { name: string; path: string; run: Run; scores: number[] }[] = [];
  try {
    servers.push(await startSite(PORTS.lighthouse, tempDir('lighthouse')));
    const [site] = servers;
    const token = await startJourney(site.origin);
    for (const page of LIGHTHOUSE_PAGES) {
      const runs: Run[] = [];
      for (let i = 0; i < settings.lighthouseRuns; i++)
        runs.push(await runOnce(site.origin + page.path.replace('TOKEN', token)));
      const run = medianRun(runs);
      console.log(
        `  lighthouse: ${page.path} performance ${run.performance}, TBT ${run.tbt.toFixed(0)} ms`,
      );
      results.push({ ...page, run, scores: runs.map((r) => r.performance) });
    }
  } finally {
    for (const server of servers) await server.stop();
  }
  const worst = Math.min(...results.map((r) => r.run.performance));
  const worstTbt = Math.max(...results.map((r) => r.run.tbt));
  const worstA11y = Math.min(...results.map((r) => r.run.accessibility));
  return [
    '## 6. Lighthouse (mobile)',
    '',
    `Lighthouse ${LIGHTHOUSE_VERSION} with its mobile defaults (simulated slow 4G, 4× CPU slowdown, Moto G Power screen), ` +
      `in \`${CHROMIUM}\`, against the built site as \`node scripts/serve.ts\` serves it with nothing in front; ` +
      `${settings.lighthouseRuns} runs a page, a fresh browser each; the median run by performance score is shown.`,
    '',
    table(
      [
        'Page',
        'Performance',
        'Total blocking time',
        'Largest contentful paint',
        'Accessibility',
        'JS on the wire',
        'CSS on the wire',
        'Page on the wire',
        'All runs',
      ],
      results.map((r) => [
        `${r.name} (\`${r.path}\`)`,
        r.run.performance,
        ms(r.run.tbt),
        ms(r.run.lcp),
        r.run.accessibility,
        kb(r.run.scriptBytes),
        kb(r.run.stylesheetBytes),
        kb(r.run.documentBytes),
        r.scores.join(', '),
      ]),
    ),
    '',
    table(
      ['Target', 'Measured', 'Result'],
      [
        ['Performance ≥ 95 on every page', `lowest ${worst}`, passFail(worst >= 95)],
        ['Total blocking time < 200 ms on every page', ms(worstTbt), passFail(worstTbt < 200)],
        ['Accessibility 100 on every page', `lowest ${worstA11y}`, passFail(worstA11y === 100)],
      ],
    ),
  ].join('\n');
}

const LIGHTHOUSE_VERSION = (
  (await import('lighthouse/package.json', { with: { type: 'json' } })) as {
    default: { version: string };
  }
).default.version;
