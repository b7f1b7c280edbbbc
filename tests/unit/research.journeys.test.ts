import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journeySchema } from '../../src/schemas/index.ts';
import { createCode, quotesByCode, setAnswerCodes } from '../../src/server/research/coding.ts';
import { csvLine } from '../../src/server/research/exports.ts';
import {
  journeyCsvStream,
  journeyJsonStream,
  setStageGroup,
  stageGroups,
} from '../../src/server/research/journeyData.ts';
import {
  combineJourneys,
  feelingStats,
  journeyExportRows,
  stageGrouper,
  stageKey,
  type StoredMap,
} from '../../src/server/research/journeyResults.ts';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';
import { ROOT } from '../helpers/contentFiles.ts';

const journey = journeySchema.parse(
  parse(readFileSync(path.join(ROOT, 'content/journeys/child-protection-journey.yml'), 'utf8')),
);

const stage = (
  name: string,
  feeling: number,
  who: string[] = [],
  wouldHaveHelped = '',
): StoredMap['stages'][number] => ({
  name,
  feeling,
  who,
  happened: '',
  helped: '',
  wouldHaveHelped,
});

/**
 * Four maps, worked by hand:
 * - Assessment (suggested; " assessment ", "ASSESSMENT" match it; "Home visit" is grouped into it
 *   by a researcher as "assessment"): feelings 2, 4 (parents) and 3, 5, 1 (social workers).
 *   All: mean 15/5 = 3, range 1–5, variance (1+1+0+4+4)/5 = 2, sd √2 = 1.41 → 1.4.
 *   Parents: mean 3, range 2–4, sd 1. Social workers: mean 3, variance 8/3, sd 1.63 → 1.6.
 *   Maps 4 (map 4 has two stages here); who: social worker 3, police 1, teacher 1.
 * - A first worry: one social worker, 5.
 * - "Case drift", a researcher's new group for "Waiting for news" (any case) and "Limbo":
 *   1, 3 (parents: mean 2, sd 1) and 2 (social worker): all mean 2, variance 2/3, sd 0.8.
 */
const maps: StoredMap[] = [
  {
    id: 1,
    number: 1,
    receivedOn: '2027-01-05',
    role: 'parent-or-carer',
    stages: [
      stage(' assessment ', 2, ['social-worker', 'police'], 'Being told why'),
      stage('Waiting for news', 1, ['social-worker']),
    ],
  },
  {
    id: 2,
    number: 2,
    receivedOn: '2027-01-06',
    role: 'parent-or-carer',
    stages: [stage('Assessment', 4, ['social-worker']), stage('waiting for NEWS ', 3)],
  },
  {
    id: 3,
    number: 3,
    receivedOn: '2027-01-06',
    role: 'social-worker',
    stages: [
      stage('ASSESSMENT', 3, ['teacher-or-school', 'social-worker', 'social-worker']),
      stage('A first worry', 5),
      stage('Limbo', 2, [], 'More staff'),
    ],
  },
  {
    id: 4,
    number: 4,
    receivedOn: '2027-01-07',
    role: 'social-worker',
    stages: [stage('Assessment', 5), stage('Home visit', 1, ['someone-else'])],
  },
];
const groups = new Map([
  [stageKey('WAITING for news'), 'Case drift'],
  [stageKey('Limbo'), 'Case drift'],
  [stageKey('Home visit'), 'assessment'],
]);

describe('combining journey maps', () => {
  it('works out the mean, range and population standard deviation', () => {
    expect(feelingStats([2, 4, 3, 5, 1])).toEqual({ count: 5, mean: 3, min: 1, max: 5, sd: 1.4 });
    // One map: no standard deviation rather than a misleading 0.
    expect(feelingStats([5])).toEqual({ count: 1, mean: 5, min: 5, max: 5, sd: null });
    expect(feelingStats([])).toEqual({ count: 0, mean: null, min: null, max: null, sd: null });
  });

  it('matches suggested names exactly and free names as a researcher grouped them', () => {
    const groupOf = stageGrouper(journey, groups);
    expect(groupOf('  a FIRST worry ')).toEqual({
      group: 'A first worry',
      suggested: true,
      ungrouped: false,
    });
    expect(groupOf('Home visit')).toEqual({
      group: 'Assessment',
      suggested: true,
      ungrouped: false,
    });
    expect(groupOf('limbo')).toEqual({ group: 'Case drift', suggested: false, ungrouped: false });
    expect(groupOf('A first worry, again')).toEqual({
      group: 'A first worry, again',
      suggested: false,
      ungrouped: true,
    });
  });

  it('gives the hand-computed numbers per group and role', () => {
    const combined = combineJourneys(journey, maps, groups);
    expect(combined.total).toBe(4);
    expect(combined.roles).toEqual([
      { value: 'parent-or-carer', label: 'Parent or carer', maps: 2 },
      { value: 'social-worker', label: 'Social worker', maps: 2 },
    ]);
    expect(combined.groups.map((g) => g.name)).toEqual([
      'A first worry',
      'Assessment',
      'Case drift',
    ]);
    const [worry, assessment, drift] = combined.groups;

    expect(worry).toMatchObject({ maps: 1, stages: 1, suggested: true });
    expect(worry.feeling).toEqual({ count: 1, mean: 5, min: 5, max: 5, sd: null });

    expect(assessment).toMatchObject({ maps: 4, stages: 5, suggested: true, ungrouped: false });
    expect(assessment.stageNames).toEqual(['assessment', 'Home visit']);
    expect(assessment.feeling).toEqual({ count: 5, mean: 3, min: 1, max: 5, sd: 1.4 });
    expect(assessment.byRole).toEqual([
      {
        role: 'parent-or-carer',
        label: 'Parent or carer',
        maps: 2,
        feeling: { count: 2, mean: 3, min: 2, max: 4, sd: 1 },
      },
      {
        role: 'social-worker',
        label: 'Social worker',
        maps: 2,
        feeling: { count: 3, mean: 3, min: 1, max: 5, sd: 1.6 },
      },
    ]);
    const who = Object.fromEntries(assessment.who.map((w) => [w.value, w.count]));
    expect(who).toMatchObject({
      'social-worker': 3,
      police: 1,
      'teacher-or-school': 1,
      gp: 0,
      'someone-else': 1,
    });
    expect(assessment.wouldHaveHelped).toEqual([
      {
        responseId: 1,
        responseNumber: 1,
        stageIndex: 0,
        questionId: 'stages.0.wouldHaveHelped',
        stageName: 'assessment',
        role: 'parent-or-carer',
        text: 'Being told why',
      },
    ]);

    expect(drift).toMatchObject({ maps: 3, stages: 3, suggested: false, ungrouped: false });
    expect(drift.stageNames).toEqual(['Waiting for news', 'Limbo']);
    expect(drift.feeling).toEqual({ count: 3, mean: 2, min: 1, max: 3, sd: 0.8 });
    expect(drift.byRole.map((r) => [r.role, r.maps, r.feeling.mean, r.feeling.sd])).toEqual([
      ['parent-or-carer', 2, 2, 1],
      ['social-worker', 1, 2, null],
    ]);
    expect(drift.wouldHaveHelped.map((w) => [w.responseId, w.questionId, w.text])).toEqual([
      [3, 'stages.2.wouldHaveHelped', 'More staff'],
    ]);

    expect(combined.freeNames).toEqual([
      { name: 'Waiting for news', group: 'Case drift', uses: 2 },
      { name: 'Limbo', group: 'Case drift', uses: 1 },
      { name: 'Home visit', group: 'Assessment', uses: 1 },
    ]);
  });

  it('keeps each free name as its own group until a researcher groups it', () => {
    const combined = combineJourneys(journey, maps, new Map());
    expect(combined.groups.map((g) => [g.name, g.maps, g.ungrouped])).toEqual([
      ['A first worry', 1, false],
      ['Assessment', 4, false],
      ['Waiting for news', 2, true],
      ['Limbo', 1, true],
      ['Home visit', 1, true],
    ]);
    // Without "Home visit", Assessment is 2, 4, 3, 5: mean 3.5, variance 1.25, sd 1.12.
    expect(combined.groups[1].feeling).toEqual({ count: 4, mean: 3.5, min: 2, max: 5, sd: 1.1 });
    expect(combined.freeNames.every((f) => f.group === null)).toBe(true);
  });
});

describe('journey exports', () => {
  it('gives one row per stage with its group, feeling and who', () => {
    const rows = journeyExportRows(maps[0], stageGrouper(journey, groups));
    expect(rows).toEqual([
      [
        '1',
        '2027-01-05',
        'parent-or-carer',
        '1',
        ' assessment ',
        'Assessment',
        '2',
        'social-worker; police',
        '',
        '',
        'Being told why',
      ],
      [
        '1',
        '2027-01-05',
        'parent-or-carer',
        '2',
        'Waiting for news',
        'Case drift',
        '1',
        'social-worker',
        '',
        '',
        '',
      ],
    ]);
    expect(csvLine(['=SUM(A1)', '+1', 'a\nb'])).toBe(`'=SUM(A1),'+1,"a\nb"\r\n`);
  });
});

describe('journey data in the database', () => {
  let dir: string;
  let store: Store;
  const SLUG = 'child-protection-journey';
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sg-journeys-'));
    store = openSqliteStore(dir);
    maps.forEach((map, i) =>
      store.saveResponse({
        kind: 'journey',
        slug: SLUG,
        definitionHash: 'f'.repeat(64),
        consentVersion: '1.0',
        consent: { 'read-about-research': true },
        answers: {
          role: map.role,
          stages: i === 3 ? [...map.stages, stage('=HYPERLINK("x")', 3)] : map.stages,
        },
        submissionId: `00000000-0000-4000-8000-00000000000${i}`,
        receivedOn: map.receivedOn,
      }),
    );
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const read = async (stream: ReadableStream<Uint8Array>) =>
    new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());

  it('stores groups without case, replaces and removes them', () => {
    const db = store.database();
    setStageGroup(db, SLUG, ' Limbo ', 'Case drift');
    setStageGroup(db, SLUG, 'LIMBO', 'Waiting');
    setStageGroup(db, SLUG, 'Home visit', 'Assessment');
    setStageGroup(db, 'other', 'Limbo', 'Elsewhere');
    expect(stageGroups(db, SLUG)).toEqual(
      new Map([
        ['limbo', 'Waiting'],
        ['home visit', 'Assessment'],
      ]),
    );
    setStageGroup(db, SLUG, 'limbo', null);
    expect([...stageGroups(db, SLUG).keys()]).toEqual(['home visit']);
  });

  it('streams neutralised CSV and JSON rows, one per stage, with groups', async () => {
    const db = store.database();
    for (const [stageName, group] of groups) setStageGroup(db, SLUG, stageName, group);
    const csv = await read(journeyCsvStream(db, SLUG, journey));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1)) as string[][];
    expect(rows[0]).toEqual([
      'map_id',
      'received_on',
      'role',
      'stage_number',
      'stage_name',
      'stage_group',
      'feeling',
      'who',
      'happened',
      'helped',
      'would_have_helped',
    ]);
    expect(rows).toHaveLength(1 + 10);
    expect(rows[2].slice(3, 7)).toEqual(['2', 'Waiting for news', 'Case drift', '1']);
    expect(rows.at(-1)!.slice(4, 6)).toEqual([`'=HYPERLINK("x")`, `'=HYPERLINK("x")`]);
    const json = JSON.parse(await read(journeyJsonStream(db, SLUG, journey, '2027-02-01')));
    expect(json).toMatchObject({ journey: SLUG, exportedOn: '2027-02-01' });
    expect(json.stages).toHaveLength(10);
    expect(json.stages[8]).toMatchObject({ map_id: '4', stage_group: 'Assessment', feeling: '1' });
  });

  it('quotes a coded "what would have helped" from its stage', () => {
    const db = store.database();
    const code = createCode(db, 'Explanation');
    setAnswerCodes(db, 1, 'stages.0.wouldHaveHelped', [code]);
    expect(quotesByCode(db, 'journey', SLUG).get(code)).toEqual([
      expect.objectContaining({
        kind: 'journey',
        slug: SLUG,
        codeId: code,
        responseId: 1,
        responseNumber: 1,
        questionId: 'stages.0.wouldHaveHelped',
        text: 'Being told why',
      }),
    ]);
  });
});
