/**
 * `npm run bench` runs every part; `npm run bench -- write-path page-weight` runs some. Each part
 * writes its section to bench/out/<part>.md, and bench/REPORT.md is put together from the
 * sections on disk, or for a part not run here from REPORT.md itself, so a single part can be
 * re-run without losing the others (each section says when it was measured). BENCH_QUICK=1 makes a short smoke run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUT, QUICK, REPORT, ROOT, settings } from './lib/config.ts';
import { describeMachine, type Machine } from './lib/machine.ts';
import { buildSite, removeTempDirs } from './lib/processes.ts';
import { table } from './lib/format.ts';
import { writePath } from './writePath.ts';
import { pageWeight } from './pageWeight.ts';
import { tti } from './tti.ts';
import { buildScaling } from './buildScaling.ts';
import { researchScale } from './researchScale.ts';
import { lighthouseScores } from './lighthouse.ts';

const PARTS = {
  'write-path': writePath,
  'page-weight': pageWeight,
  tti,
  'build-scaling': buildScaling,
  'research-scale': researchScale,
  lighthouse: lighthouseScores,
} as const;
type Part = keyof typeof PARTS;

/**
 * What was changed in the code because of what the bench found (written by hand: the "before"
 * numbers come from runs on the code before each change, on the same shared machine).
 */
const CHANGES = `## The write path without Astro in between

Issue #8's profiles showed where a submission's server CPU went: the site's own checks (validation, risk phrases,
receipt HMAC, hashes) about 0.05 ms, the durable row about the baseline's 0.25 ms, and about 0.5 ms in Astro and
\`@astrojs/node\` handling a POST to an on-demand route (a static-file \`stat\` that fails before the route, the
body read through a web stream, \`Request\`/\`Response\` objects, module lookups on every \`getEntry\`). No change
inside the route could reach the target, so (issue #16) JSON submissions to the three APIs are now answered by
\`src/server/submissionEndpoints.ts\` straight from Node's request, behind the same request gate, security headers
and compression, with the routes' own checks, limits, flags, receipts and answers; form posts still go through
Astro. The activity definitions come from \`content/\` through the build's schemas at start, and a test compares the
definition hash stored by both paths (\`tests/e2e/submission-endpoints.spec.ts\`). Also: the per-process limiter
key is a \`KeyObject\` (it was imported again for every request's HMAC) and the risk phrases are normalised once,
not per submission. The gate builds its test \`Request\` only for requests that go on to Astro.

What it gave (section 1, on a machine still settling after other work): the survey API at 0.81–0.92 ms of server CPU
a submission, against 0.77–1.13 ms through Astro before; the baseline measured 0.32–0.44 ms in the same run. So
Astro was not most of the gap: the site's own work per submission (the write transaction's several statements:
replay check, limiter, insert, flags; Yup validation; two HMACs and the payload hash; the compression and
security-header wrappers) costs about twice the bare insert, and feedback (more statements: reactions, sources)
more. The targets still fail; the next step is a CPU profile of \`submissionEndpoints\` on a quiet machine and
trimming the transaction (one prepared statement each, no re-reads), then group commit if that is not enough.

## Light pages for phones (issue #16, item 2)

Section 6 before this change (measured on \`main\` on a quiet machine): home 100, finding 100, prototype 99, survey
question page 98, feedback 95, survey start 94 (TBT 260 ms), journey builder 87 (TBT 486 ms), journey stage page 83
(TBT 627 ms). What changed:

- **Islands hydrate when the person starts, or when idle**: a client directive of our own, \`client:interact\`
  (\`src/client/hydrateOnInteraction.ts\`), fetches an island's code on the first focus, tap or key press inside it,
  or when the browser is idle after \`load\`; never at load. The forms are server-rendered and post without
  JavaScript until then. Whatever was typed, ticked or autofilled before hydration is given back to the island as the
  input events React listens for (\`src/client/keepTypedState.ts\`), so it is kept and is what the island sends
  (\`tests/e2e/hydration.spec.ts\`, which fails without it). While React takes the island over, it sees none of the
  person's events: a tick stays as made and a press of a button or link (or Enter in a form) is held, then done
  again once the island has what was entered (\`src/client/holdInteractions.ts\`); before that, a press made in that
  window was judged on the server's empty form, and a tick could be undone.
- **Only the GOV.UK Frontend CSS the site uses**: \`src/styles/site.scss\` brings in 27 of the 38 components and
  four of the five override files (and the one spacing override it uses), in GOV.UK Frontend's own order, instead of the whole bundle: 145 KB of CSS (14.4 KB
  Brotli) down to 97 KB (about 11.5 KB Brotli). \`tests/unit/govukStyles.test.ts\` compiles it and checks that every
  GOV.UK class named anywhere in the markup that the whole bundle styles is styled by ours too.
- **No render-blocking requests**: the stylesheet is written into each page (\`build.inlineStylesheets\`) and so is
  the display-preferences script (it was a blocking \`<script src>\` in the head), allowed by the hash of its exact
  text; there are no web fonts. The page is drawn from its first response.
- **No visible change**: \`node bench/compareScreens.ts <other build>\` screenshots every participant page of both
  builds at 320 px and 1280 px (journey steps included) and counts differing pixels: 0 on every page and width.

## Changes made because of these numbers

- **Survey page JavaScript** (budget < 110 KB gzipped; was 129.1 KB). The island's \`ActivityIntro\` imported
  audience labels from \`src/schemas/common.ts\`, which imports Zod, so all of Zod (about 24 KB gzipped) was
  bundled into the survey and journey pages. The labels now live in \`src/schemas/audiences.ts\` (no Zod), re-exported
  by the schema module; the survey page is about 105 KB.
- **Results page with 100,000 responses** (target < 1 s; was about 20 s, a 156 MB page, 1.9 GB of server memory).
  \`surveyResults\` (\`src/server/research/results.ts\`) now works in one pass over responses read one at a time
  from SQLite (\`iterateResponses\`, now with the date range), and lists at most 100 written answers per question
  (\`LISTED_ANSWERS\`), saying how many match and pointing to the search, the filters and the CSV for the rest.
  Counts, medians and statistics still cover every response.
- **Response browser filtered by role with 100,000 responses** (target < 1 s; was 2.6 s wall, 550 ms of
  server CPU, with a role, two more filters and a date). The role is read from each response's JSON, so
  every response of the survey was parsed; migration 15 (\`src/server/migrations/responseRoleIndex.ts\`)
  indexes that very expression with the response's number (in process, on the same data: about 2 s before,
  0.4 s after, on the loaded machine).
- **Results page with 100,000 responses: still over 1 s.** Reading and parsing every stored answer (free
  text included) costs about 0.9 s of CPU before any counting. Having SQLite extract only the closed answers
  (\`json_replace\` of the written ones) was tried and was slower (1.3 s of CPU against 0.9 s). The target
  needs the closed answers kept apart from the free text (a column or a summary table written with each
  response), a change to the write path and the deletion guarantees not made yet (docs/research-workspace.md).
- **Write path** (small, durability unchanged): each question's Yup schema is built once and reused
  (\`src/forms/validateSurvey.ts\`), and the receipt HMAC key is imported once (\`createSecretKey\` in
  \`src/server/responseStore.ts\`). Together they were about a tenth of a submission's CPU profile.
`;

/** `npm run bench -- report` only puts REPORT.md together again from bench/out/. */
const reportOnly = process.argv[2] === 'report';
const asked = reportOnly ? [] : process.argv.slice(2);
const unknown = asked.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  console.error(`Unknown part(s): ${unknown.join(', ')}. Parts: ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
const parts = (reportOnly ? [] : asked.length > 0 ? asked : Object.keys(PARTS)) as Part[];

mkdirSync(OUT, { recursive: true });
const machineFile = path.join(OUT, 'machine.json');
const machine: Machine =
  reportOnly && existsSync(machineFile)
    ? JSON.parse(readFileSync(machineFile, 'utf8'))
    : describeMachine();
if (!reportOnly) {
  writeFileSync(machineFile, JSON.stringify(machine));
  console.log(`bench: ${parts.join(', ')}${QUICK ? ' (quick)' : ''}; building the site first`);
  await buildSite();
}

try {
  for (const part of parts) {
    const started = Date.now();
    const load = describeMachine().load;
    console.log(`bench: ${part}`);
    const section = await PARTS[part]();
    const stamp =
      `_Measured ${new Date().toISOString()} in ${((Date.now() - started) / 1000).toFixed(0)} s` +
      `${QUICK ? ', **quick smoke run (BENCH_QUICK=1): not representative**' : ''}; ` +
      `load average (1/5/15 min) when it started ${load.join(' / ')}._`;
    writeFileSync(path.join(OUT, `${part}.md`), `${section}\n\n${stamp}\n`);
  }
} finally {
  removeTempDirs();
}

/** Where each part's section starts in REPORT.md, so a later run can find it again. */
const mark = (part: string) => `<!-- bench part: ${part} -->`;
const CHANGES_MARK = '<!-- bench: notes -->';

/**
 * A part's section as REPORT.md has it now. bench/out/ is not kept in git, so on a fresh clone
 * (or another worktree) running one part would otherwise replace every other measured section
 * with "Not run yet".
 */
function sectionInReport(part: Part): string | undefined {
  if (!existsSync(REPORT)) return undefined;
  const report = readFileSync(REPORT, 'utf8');
  const start = report.indexOf(mark(part));
  if (start < 0) return undefined;
  const rest = report.slice(start + mark(part).length);
  const ends = [...Object.keys(PARTS).map(mark), CHANGES_MARK]
    .map((next) => rest.indexOf(next))
    .filter((at) => at >= 0);
  return `${rest.slice(0, Math.min(rest.length, ...ends)).trim()}\n`;
}

const sections = (Object.keys(PARTS) as Part[]).map((part) => {
  const file = path.join(OUT, `${part}.md`);
  const section = existsSync(file)
    ? readFileSync(file, 'utf8')
    : (sectionInReport(part) ?? `## ${part}\n\nNot run yet.\n`);
  return `${mark(part)}\n${section}`;
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
      ['Run started', machine.date],
      ['Load average (1/5/15 min) at start', machine.load.join(' / ')],
    ],
  ),
  '',
  ...(machine.load[0] > machine.cores
    ? [
        `**The machine was shared** with other people's builds and tests during the run (load average above its ` +
          `${machine.cores} cores; each section gives its own). Wall-clock times and throughput are inflated and noisy; the ` +
          'CPU-time figures (server CPU per request, build CPU time) are the steadier measure.',
        '',
      ]
    : []),
  `Settings: ${JSON.stringify(settings)}.`,
  '',
].join('\n');
writeFileSync(REPORT, `${header}\n${sections.join('\n')}\n${CHANGES_MARK}\n${CHANGES}`);
console.log(`bench: wrote ${path.relative(ROOT, REPORT)}`);
