/**
 * Part 4: build time against the amount of content. The site is copied to a temp folder (source,
 * config and content; node_modules linked package by package, so Astro's cache in
 * node_modules/.astro is the copy's own), generated findings or surveys are added to the copy's
 * content/, and each build starts cold (no dist/, .astro/ or cache). The repo's content/ is never
 * touched.
 */
import {
  cpSync,
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
import { buildSite, tempDir } from './lib/processes.ts';

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

async function timedBuild(site: string): Promise<number> {
  for (const dir of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) {
    rmSync(path.join(site, dir), { recursive: true, force: true });
  }
  const started = performance.now();
  await buildSite(site);
  return (performance.now() - started) / 1000;
}

interface Step {
  label: string;
  items: number;
  seconds: number;
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
      steps.push({ label, items: findings + surveys, seconds: await timedBuild(site) });
    }
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
  return report(steps);
}

function report(steps: Step[]): string {
  const base = steps[0].seconds;
  const perItem = (s: Step) => (s.items ? ((s.seconds - base) / s.items) * 1000 : NaN);
  const findings = steps.filter((s) => s.label.includes('findings'));
  const rows = steps.map((s) => [
    s.label,
    s.seconds.toFixed(1),
    s.items ? (s.seconds - base).toFixed(1) : '–',
    s.items ? `${perItem(s).toFixed(1)} ms` : '–',
    s.items ? `${((s.seconds / s.items) * 1000).toFixed(0)} ms` : '–',
  ]);
  const verdicts = findings.slice(1).map((s, i) => {
    const prev = findings[i];
    const growth = (s.seconds - base) / Math.max(prev.seconds - base, 0.001);
    const linear = s.items / prev.items;
    return (
      `${prev.items} → ${s.items} findings: the added time grew ${growth.toFixed(1)}× for ${linear}× the findings ` +
      `(per-item time ${(perItem(s) / perItem(prev)).toFixed(2)}× the smaller run's) — ${growth <= linear * 1.15 ? '**no faster than linear**' : '**FASTER THAN LINEAR**'}.`
    );
  });
  return [
    '## 4. Build scaling',
    '',
    '`astro build` (as `npm run build`) of a temp copy of the site, after one untimed warm-up build, cold each time (no `dist/`, `.astro/` or ' +
      '`node_modules/.astro` cache), with generated findings (a realistic finding: summary, tags, two "you said, we did" ' +
      'pairs, every other one with a five-stage journey map, two paragraphs) or generated surveys (copies of ' +
      "`content/surveys/practitioners.yml`) added to the copy's `content/`. The repo's `content/` is not touched, and no " +
      'code change was needed: `content.config.ts` reads `./content/...` relative to the project root, so a copied project reads its own.',
    '',
    table(
      ['Content', 'Build (s)', 'Added time (s)', 'Added time per item', 'Total time per item'],
      rows,
    ),
    '',
    ...verdicts.map((v) => `- ${v}`),
    '',
    'A small step (10 findings) is within the noise of the fixed cost (bundling the islands and the CMS editor), so its per-item time says little.',
  ].join('\n');
}
