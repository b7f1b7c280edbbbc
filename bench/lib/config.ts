/**
 * Settings shared by every part of the bench. BENCH_QUICK=1 shortens everything to a smoke run
 * (numbers from it are not worth reporting); the BENCH_* variables override single settings.
 */
import path from 'node:path';

export const QUICK = process.env.BENCH_QUICK === '1';

function numberFromEnv(name: string, full: number, quick: number): number {
  const raw = process.env[name];
  if (raw !== undefined && raw !== '') {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
    return value;
  }
  return QUICK ? quick : full;
}

export const settings = {
  /** Seconds of load per connection count and server. */
  writeSeconds: numberFromEnv('BENCH_WRITE_SECONDS', 10, 2),
  /** Page loads per page for time to interactive (the median is reported). */
  ttiRuns: numberFromEnv('BENCH_TTI_RUNS', 5, 1),
  /** Quiet main-thread window that ends time to interactive, in milliseconds. */
  ttiQuietMs: numberFromEnv('BENCH_TTI_QUIET_MS', 5000, 1000),
  /** Lighthouse runs per page (the median is reported). */
  lighthouseRuns: numberFromEnv('BENCH_LIGHTHOUSE_RUNS', 3, 1),
  /** Generated responses for the researcher-side test. */
  researchResponses: numberFromEnv('BENCH_RESPONSES', 100_000, 5_000),
  /** Findings per build-scaling run. */
  findingCounts: QUICK ? [10, 100] : [10, 100, 1000],
  surveyCount: numberFromEnv('BENCH_SURVEYS', 100, 10),
  /** Cold builds per build-scaling step; the fastest counts. */
  buildRepeats: numberFromEnv('BENCH_BUILD_REPEATS', 2, 1),
};

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Everything the bench generates (git-ignored), except the report itself. */
export const OUT = path.join(ROOT, 'bench/out');
export const REPORT = path.join(ROOT, 'bench/REPORT.md');

/**
 * The ports the bench binds, from BENCH_PORT (default 5101) upwards, so that runs on a shared
 * machine can each take their own range; nothing else is bound.
 */
const PORT_BASE = numberFromEnv('BENCH_PORT', 5101, 5101);
export const PORTS = {
  site: PORT_BASE,
  baseline: PORT_BASE + 1,
  static: PORT_BASE + 2,
  research: PORT_BASE + 3,
  buildSite: PORT_BASE + 4,
  lighthouse: PORT_BASE + 5,
} as const;

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
