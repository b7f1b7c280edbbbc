/**
 * Part 3: time to interactive of our survey page against the SurveyJS page, in headless Chromium
 * with 4× CPU slowdown and Lighthouse's slow-4G profile, both set through the DevTools protocol.
 *
 * TTI here: the later of (a) the moment the survey can be used with its JavaScript (our island
 * hydrated, i.e. Astro removed its `ssr` attribute, with an enabled control inside; the SurveyJS
 * root rendered with an enabled control) and (b) the end of the last long task (> 50 ms) before a
 * quiet window of BENCH_TTI_QUIET_MS (5 s) with no long task, as Lighthouse's TTI does.
 */
import type { BrowserContext } from '@playwright/test';
import { setTimeout as sleep } from 'node:timers/promises';
import { PORTS, settings } from './lib/config.ts';
import { median, ms, ratio, table } from './lib/format.ts';
import { launch } from './lib/browser.ts';
import { startSite, startStatic, tempDir, type Running } from './lib/processes.ts';
import { buildSurveyJsPage } from './surveyjs/build.ts';

/** Lighthouse's "slow 4G" as DevTools throttling applies it: RTT 150 ms × 3.75, 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up. */
export const NETWORK = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 0.9 * 1024) / 8,
  uploadThroughput: (750 * 0.9 * 1024) / 8,
};
export const CPU_SLOWDOWN = 4;

interface Run {
  fcp: number;
  ready: number;
  lastLongTask: number;
  tti: number;
  longTasks: number;
}

/** Watches, from the first script run, for long tasks and for the page becoming usable. */
const INIT = (readySelector: string) => `
  window.__bench = { longTasks: [], readyAt: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push(e.startTime + e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    const control = document.querySelector(${JSON.stringify(readySelector)});
    if (control && !control.disabled) window.__bench.readyAt = performance.now();
    else setTimeout(check, 10);
  };
  check();
`;

const READY = {
  ours: 'astro-island:not([ssr]) input, astro-island:not([ssr]) button',
  surveyjs: '.sd-root-modern input, .sd-root-modern button',
};

async function measure(context: BrowserContext, url: string, readySelector: string): Promise<Run> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript(INIT(readySelector));
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const state = await page.evaluate(() => {
      const b = (window as unknown as { __bench: { longTasks: number[]; readyAt: number | null } })
        .__bench;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      return { ...b, now: performance.now(), fcp };
    });
    const lastLongTask = Math.max(0, ...state.longTasks);
    if (
      state.readyAt !== null &&
      state.now - Math.max(state.readyAt, lastLongTask) >= settings.ttiQuietMs
    ) {
      await page.close();
      return {
        fcp: state.fcp,
        ready: state.readyAt,
        lastLongTask,
        tti: Math.max(state.readyAt, lastLongTask),
        longTasks: state.longTasks.length,
      };
    }
    if (Date.now() > deadline) throw new Error(`${url} never became interactive`);
    await sleep(250);
  }
}

export async function tti(): Promise<string> {
  const dataDir = tempDir('tti');
  const surveyJsDir = await buildSurveyJsPage();
  const servers: Running[] = [];
  const browser = await launch();
  const runs = { ours: [] as Run[], surveyjs: [] as Run[] };
  try {
    servers.push(
      await startSite(PORTS.site, dataDir),
      await startStatic(PORTS.static, surveyJsDir),
    );
    // Nothing in front: each server compresses what it sends itself, as `npm start` does.
    const [site, statics] = servers;
    // Alternate the two pages, so drift in the machine's load hits both alike.
    for (let i = 0; i < settings.ttiRuns; i++) {
      for (const [key, url] of [
        ['ours', `${site.origin}/surveys/practitioners/`],
        ['surveyjs', `${statics.origin}/`],
      ] as const) {
        const context = await browser.newContext();
        runs[key].push(await measure(context, url, READY[key]));
        await context.close();
      }
      console.log(`  tti: run ${i + 1} of ${settings.ttiRuns}`);
    }
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
  }
  return report(runs);
}

function report(runs: { ours: Run[]; surveyjs: Run[] }): string {
  const m = (list: Run[], key: keyof Run) => median(list.map((r) => r[key]));
  const row = (name: string, list: Run[]) => [
    name,
    ms(m(list, 'fcp')),
    ms(m(list, 'ready')),
    ms(m(list, 'lastLongTask')),
    ms(m(list, 'tti')),
    list.map((r) => r.tti.toFixed(0)).join(', '),
    m(list, 'longTasks'),
  ];
  return [
    '## 3. Time to interactive',
    '',
    `Headless Chromium, ${CPU_SLOWDOWN}× CPU slowdown (\`Emulation.setCPUThrottlingRate\`) and Lighthouse's slow 4G as DevTools applies it ` +
      `(\`Network.emulateNetworkConditions\`: latency 562.5 ms = 150 ms RTT × 3.75, down 1.44 Mbit/s = 1.6 Mbps × 0.9, ` +
      `up 675 kbit/s = 750 kbps × 0.9), cache disabled, our page as \`npm start\` serves it (compressed by the site's own server, nothing in front) and the SurveyJS page by \`bench/staticServer.ts\` with the same compression, a new browser context per load, the two pages alternating; ` +
      `median of ${runs.ours.length} loads each. Times are from navigation start.`,
    '',
    '**TTI** is the later of *ready* (the survey can be used with its JavaScript: our island hydrated, i.e. Astro removed its ' +
      '`ssr` attribute, with an enabled input or button inside it; the SurveyJS root rendered with an enabled input or button) and ' +
      `the end of the last long task (> 50 ms, \`PerformanceObserver('longtask')\`) before a ${settings.ttiQuietMs / 1000} s ` +
      'window with no long task (Lighthouse-style quiet window). Our page is also usable before hydration: it is a server-rendered form ' +
      'that posts without JavaScript, so its first contentful paint is when a participant can start reading and answering.',
    '',
    table(
      [
        'Page',
        'First contentful paint',
        'Ready',
        'Last long task ends',
        'TTI',
        'TTI each run',
        'Long tasks',
      ],
      [
        row('Our survey (/surveys/practitioners/)', runs.ours),
        row('SurveyJS, same survey', runs.surveyjs),
      ],
    ),
    '',
    `Our TTI is ${ratio(m(runs.ours, 'tti'), m(runs.surveyjs, 'tti'))} SurveyJS's; first contentful paint ` +
      `${ratio(m(runs.ours, 'fcp'), m(runs.surveyjs, 'fcp'))}.`,
  ].join('\n');
}
