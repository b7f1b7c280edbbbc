/**
 * `npm run bench` runs every part; `npm run bench -- write-path page-weight` runs some. Each part
 * writes its section to bench/out/<part>.md, and bench/REPORT.md is put together from the
 * sections on disk, so a single part can be re-run without losing the others (each section says
 * when it was measured). BENCH_QUICK=1 makes a short smoke run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUT, QUICK, REPORT, ROOT, settings } from './lib/config.ts';
import { describeMachine } from './lib/machine.ts';
import { buildSite } from './lib/processes.ts';
import { table } from './lib/format.ts';
import { writePath } from './writePath.ts';
import { pageWeight } from './pageWeight.ts';
import { tti } from './tti.ts';
import { buildScaling } from './buildScaling.ts';
import { researchScale } from './researchScale.ts';

const PARTS = {
  'write-path': writePath,
  'page-weight': pageWeight,
  tti,
  'build-scaling': buildScaling,
  'research-scale': researchScale,
} as const;
type Part = keyof typeof PARTS;

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  console.error(`Unknown part(s): ${unknown.join(', ')}. Parts: ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
const parts = (asked.length > 0 ? asked : Object.keys(PARTS)) as Part[];

mkdirSync(OUT, { recursive: true });
const machine = describeMachine();
console.log(`bench: ${parts.join(', ')}${QUICK ? ' (quick)' : ''}; building the site first`);
await buildSite();

for (const part of parts) {
  const started = Date.now();
  console.log(`bench: ${part}`);
  const section = await PARTS[part]();
  const stamp =
    `_Measured ${new Date().toISOString()} in ${((Date.now() - started) / 1000).toFixed(0)} s` +
    `${QUICK ? ', **quick smoke run (BENCH_QUICK=1): not representative**' : ''}; ` +
    `load average at start ${machine.load.join(' / ')}._`;
  writeFileSync(path.join(OUT, `${part}.md`), `${section}\n\n${stamp}\n`);
}

const sections = (Object.keys(PARTS) as Part[]).map((part) => {
  const file = path.join(OUT, `${part}.md`);
  return existsSync(file) ? readFileSync(file, 'utf8') : `## ${part}\n\nNot run yet.\n`;
});
const header = [
  '# Benchmarks (issue #8)',
  '',
  'Written by `npm run bench` (`bench/run.ts`); see `bench/README.md` for how to run one part or a quick run.',
  '',
  table(
    ['Machine', ''],
    [
      ['CPU', machine.cpu],
      ['Cores available', machine.cores],
      ['Memory', `${machine.memoryGiB} GiB`],
      ['OS', machine.os],
      ['Node', machine.node],
      ['Date', machine.date],
      ['Load average (1/5/15 min) at start', machine.load.join(' / ')],
    ],
  ),
  '',
  `Settings: ${JSON.stringify(settings)}.`,
  '',
].join('\n');
writeFileSync(REPORT, `${header}\n${sections.join('\n')}`);
console.log(`bench: wrote ${path.relative(ROOT, REPORT)}`);
