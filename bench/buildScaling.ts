/**
 * Part 4: build time against the amount of content. The site is copied to a temp folder (source,
 * config and content; node_modules linked package by package, so Astro's cache in
 * node_modules/.astro is the copy's own), generated findings or surveys are added to the copy's
 * content/, and each build starts cold (no dist/, .astro/ or cache). The repo's content/ is never
 * touched.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { ROOT, settings } from './lib/config.ts';
import { table } from './lib/format.ts';
import { buildSite, childrenCpuTime, removeTempDirs, tempDir } from './lib/processes.ts';

const COPIED = [
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'src',
  'content',
  'public',
  'admin',
  'scripts',
];

/** A buildable copy of the site whose content can be changed freely. */
export function copySite(): string {
  const dir = tempDir('build');
  for (const entry of COPIED)
    cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  mkdirSync(path.join(dir, 'node_modules'));
  for (const entry of readdirSync(path.join(ROOT, 'node_modules'))) {
    if (entry.startsWith('.')) continue;
    symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  }
  return dir;
}

const pad = (n: number) => String(n).padStart(4, '0');

/** A finding like the ones the team writes: summary, tags, "you said, we did", a short body. */
export function generatedFinding(i: number): string {
  const stages = [
    'A first worry',
    'Assessment',
    'Case conference',
    'A plan is agreed',
    'Support and review',
  ];
  return `---
title: Generated finding number ${i} for the build benchmark
date: 2026-11-${String((i % 28) + 1).padStart(2, '0')}
summary: A generated finding that stands in for a real one, so the build can be timed with many findings of realistic size.
surveys:
  - practitioners
tags:
  - bench-tag-${i % 20}
  - early-themes
youSaidWeDid:
  - said: People told us that letters were hard to understand (finding ${i}).
    did: We wrote everything in plain words and added easy-read versions.
  - said: Practitioners told us they could not reach the right person.
    did: We made "who else is working with this family" part of the prototype.
${
  i % 2 === 0
    ? `journeyMap:
  title: How people described the stages (finding ${i})
  stages:
${stages.map((name, s) => `    - name: ${name}\n      feeling: ${((i + s) % 5) + 1}\n      note: A note about ${name.toLowerCase()}.`).join('\n')}
`
    : ''
}---

## What people told us

${'Families and practitioners told us many things about how information is shared, what gets in the way, and what would help. '.repeat(6)}

## What we did

${'We changed the prototype scope and the way we ask questions, and we will keep checking with the people who took part. '.repeat(4)}
`;
}

function setContent(site: string, findings: number, surveys: number) {
  const findingsDir = path.join(site, 'content/findings');
  const surveysDir = path.join(site, 'content/surveys');
  for (const dir of [findingsDir, surveysDir]) {
    for (const name of readdirSync(dir))
      if (name.startsWith('bench-')) rmSync(path.join(dir, name));
  }
  for (let i = 1; i <= findings; i++)
    writeFileSync(path.join(findingsDir, `bench-${pad(i)}.md`), generatedFinding(i));
  const seed = readFileSync(path.join(ROOT, 'content/surveys/practitioners.yml'), 'utf8');
  for (let i = 1; i <= surveys; i++) {
    writeFileSync(
      path.join(surveysDir, `bench-${pad(i)}.yml`),
      seed.replace(/^title: "(.*)"$/m, `title: "$1 (copy ${i})"`),
    );
  }
}

/** Wall time and CPU time (the build and its children) of one cold build, in seconds. */
async function timedBuild(site: string): Promise<{ seconds: number; cpu: number }> {
  for (const dir of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) {
    rmSync(path.join(site, dir), { recursive: true, force: true });
  }
  const cpuBefore = childrenCpuTime();
  const started = performance.now();
  await buildSite(site);
  return {
    seconds: (performance.now() - started) / 1000,
    cpu: (childrenCpuTime() - cpuBefore) / 1000,
  };
}

/** The fastest of a few cold builds: other work on the machine only ever adds time. */
async function bestBuild(site: string) {
  const runs = [];
  for (let i = 0; i < settings.buildRepeats; i++) runs.push(await timedBuild(site));
  const cpu = runs.map((r) => r.cpu);
  return {
    seconds: Math.min(...runs.map((r) => r.seconds)),
    cpu: Math.min(...cpu),
    spread: Math.max(...cpu) - Math.min(...cpu),
  };
}

interface Step {
  label: string;
  items: number;
  seconds: number;
  cpu: number;
  /** Difference between the slowest and fastest build's CPU time: the noise. */
  spread: number;
}

export async function buildScaling(): Promise<string> {
  const site = copySite();
  const steps: Step[] = [];
  try {
    const plan: [string, number, number][] = [
      ['repo content only', 0, 0],
      ...settings.findingCounts.map((n): [string, number, number] => [`+${n} findings`, n, 0]),
      [`+${settings.surveyCount} surveys`, 0, settings.surveyCount],
    ];
    // One build first, not timed: it fills the file cache and warms up what every build shares.
    console.log('  build scaling: warm-up build');
    await timedBuild(site);
    for (const [label, findings, surveys] of plan) {
      setContent(site, findings, surveys);
      console.log(`  build scaling: ${label}`);
      steps.push({ label, items: findings + surveys, ...(await bestBuild(site)) });
      // The generated content must really be in the build, or the timing means nothing.
      const last = findings
        ? `findings/bench-${pad(findings)}/index.html`
        : surveys
          ? `surveys/bench-${pad(surveys)}/index.html`
          : 'index.html';
      if (!existsSync(path.join(site, 'dist/client', last))) {
        throw new Error(`The build did not produce ${last}`);
      }
    }
  } finally {
    removeTempDirs();
  }
  return report(steps);
}

function report(steps: Step[]): string {
  const [base] = steps;
  const added = (s: Step, key: 'seconds' | 'cpu') => s[key] - base[key];
  const perItem = (s: Step, key: 'seconds' | 'cpu') => (added(s, key) / s.items) * 1000;
  const findings = steps.filter((s) => s.label.includes('findings'));
  const rows = steps.map((s) => [
    s.label,
    s.seconds.toFixed(1),
    s.cpu.toFixed(1),
    s.items ? added(s, 'cpu').toFixed(1) : '–',
    s.items ? `${perItem(s, 'cpu').toFixed(1)} ms` : '–',
    s.items ? `${perItem(s, 'seconds').toFixed(1)} ms` : '–',
  ]);
  // Build-to-build noise in CPU time: the largest spread between the builds of one step.
  const noise = Math.max(0.5, ...steps.map((s) => s.spread));
  const verdicts = findings.slice(1).map((s, i) => {
    const prev = findings[i];
    const linear = s.items / prev.items;
    // What `prev` added, but never less than the noise: a step lost in the noise cannot be scaled up.
    const allowed = linear * Math.max(added(prev, 'cpu'), noise);
    const within = added(s, 'cpu') <= allowed;
    return (
      `${prev.items} → ${s.items} findings (${linear}×): added CPU ${added(prev, 'cpu').toFixed(1)} s → ` +
      `${added(s, 'cpu').toFixed(1)} s; linear growth would allow up to ${allowed.toFixed(1)} s ` +
      `(${linear}× the smaller step's added time, counted as at least the ${noise.toFixed(1)} s noise) — ` +
      (within ? '**no faster than linear**' : '**faster than linear**')
    );
  });
  return [
    '## 4. Build scaling',
    '',
    '`astro build` (as `npm run build`) of a temp copy of the site, cold each time (no `dist/`, `.astro/` or ' +
      '`node_modules/.astro` cache), after one untimed warm-up build, with generated findings (a realistic finding: ' +
      'summary, tags, two "you said, we did" pairs, every other one with a five-stage journey map, two paragraphs) or ' +
      "generated surveys (copies of `content/surveys/practitioners.yml`, each adding a survey page and its form) added to the copy's " +
      "`content/`. The repo's `content/` is not touched, and no code change was needed: `content.config.ts` reads " +
      '`./content/...` relative to the project root, so a copied project reads its own. Each step is the fastest of ' +
      `${settings.buildRepeats} builds. CPU time is the build process's and its children's (\`/proc/self/stat\` cutime + cstime), ` +
      'which other work on a shared machine barely changes, so growth is judged on it; wall time is shown too.',
    '',
    table(
      [
        'Content',
        'Wall (s)',
        'CPU (s)',
        'Added CPU (s)',
        'Added CPU per item',
        'Added wall per item',
      ],
      rows,
    ),
    '',
    ...verdicts.map((v) => `- ${v}.`),
    '',
    `The fixed cost (bundling the islands and the CMS editor) dominates. Noise between cold builds of the same content ` +
      `was up to ${noise.toFixed(1)} s of CPU, so a step that adds less than that (10 or 100 findings, possibly the surveys) ` +
      'shows as roughly zero or even negative added time; its per-item time says little.',
  ].join('\n');
}
