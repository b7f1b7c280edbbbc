import { describe, expect, it } from 'vitest';
import { barChartSvg, barLayout, countTableRows } from '../../src/server/research/barChart.ts';
import { chartDownload, crossTabCsv } from '../../src/server/research/analysis.ts';
import { crossTabber, crossTabRows } from '../../src/server/research/crossTab.ts';
import { surveyResults } from '../../src/server/research/results.ts';
import { csvRows, useTempStore } from '../fixtures/exportTesting.ts';
import {
  newResearchResponse,
  researchAnswers,
  researchSurvey,
  storedResearchResponses,
} from '../fixtures/researchData.ts';

const question = (id: string) => researchSurvey.questions.find((q) => q.id === id)!;
const tabOf = (rows: string, columns: string, hideSmall = false) => {
  const counter = crossTabber(question(rows), question(columns));
  for (const response of storedResearchResponses) counter.add(response);
  return counter.result(hideSmall);
};

// Worked out by hand from tests/fixtures/researchData.ts.
describe('cross-tab', () => {
  it('counts two closed questions against each other with column percentages', () => {
    const tab = tabOf('role', 'used-tool');
    expect(tab.columns.options.map((o) => o.value)).toEqual(['yes', 'no']);
    expect(tab.rows.options.map((o) => o.value)).toEqual([
      'teacher',
      'police',
      'other',
      'prefer-not-to-say',
    ]);
    expect(tab.cells.map((row) => row.map((c) => [c.count, c.percent]))).toEqual([
      [
        [2, 66.7],
        [0, 0],
      ],
      [
        [0, 0],
        [1, 50],
      ],
      [
        [1, 33.3],
        [0, 0],
      ],
      [
        [0, 0],
        [1, 50],
      ],
    ]);
    expect(tab.columnTotals.map((c) => c.count)).toEqual([3, 2]);
    expect(tab.total).toBe(5);
    expect(tab.multiple).toBe(false);
  });

  it('marks counts from 1 to 4 as small, never 0, and hides them when asked', () => {
    const tab = tabOf('role', 'used-tool');
    expect(tab.cells[0].map((c) => c.small)).toEqual([true, false]);
    const hidden = tabOf('role', 'used-tool', true);
    expect(hidden.cells[0]).toEqual([
      { count: null, percent: null, small: true },
      { count: 0, percent: 0, small: false },
    ]);
    expect(crossTabRows(hidden)[1]).toEqual(['Teacher', 'fewer than 5', 'fewer than 5', 0, 0]);
  });

  it('counts a multiple-choice response under each answer it chose', () => {
    const tab = tabOf('barriers', 'used-tool');
    expect(tab.multiple).toBe(true);
    // Yes: responses 1 (time, systems), 3 (none), 5 (systems).
    expect(tab.cells.map((row) => row[0].count)).toEqual([1, 2, 0, 1]);
    expect(tab.columnTotals[0].count).toBe(3);
  });

  it('sees the same responses as the results when given as a sink', () => {
    const counter = crossTabber(question('role'), question('used-tool'));
    const { total } = surveyResults(
      researchSurvey,
      storedResearchResponses,
      { where: [{ question: 'role', value: 'teacher' }] },
      { also: [counter] },
    );
    expect(total).toBe(2);
    expect(counter.result().total).toBe(2);
  });
});

describe('bar chart', () => {
  const rows = [
    { value: 'a', label: 'Ants & <bees>', count: 3, percent: 75 },
    { value: 'b', label: 'Bats', count: 1, percent: 25 },
    { value: 'c', label: 'Cats', count: 0, percent: 0 },
  ];

  it('lays bars out longest for the largest share, with a sliver for any count', () => {
    const layout = barLayout(rows);
    expect(layout.bars.map((b) => b.length)).toEqual([480, 160, 0]);
    expect(layout.bars[0].value).toBe('3 (75%)');
  });

  it('draws a standalone SVG with title, description and every word escaped', () => {
    const svg = barChartSvg('Survey: “Animals”', rows);
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    expect(svg).toContain('<title id="title">Survey: “Animals”</title>');
    expect(svg).toContain('Ants &#38; &#60;bees&#62;');
    expect(svg).not.toContain('<bees>');
    expect(svg).toContain(
      '<desc id="desc">Ants &#38; &#60;bees&#62;: 3 (75%); Bats: 1 (25%); Cats: 0 (0%)</desc>',
    );
  });

  it('gives the table as CSV rows with numbers as numbers', () => {
    expect(countTableRows(rows, 4)).toEqual([
      ['Answer', 'Responses', 'Percentage of the 4 who answered'],
      ['Ants & <bees>', 3, 75],
      ['Bats', 1, 25],
      ['Cats', 0, 0],
    ]);
  });
});

describe('downloads of what the results page shows', () => {
  const temp = useTempStore('sg-analysis-');
  const seed = () => {
    for (let i = 0; i < researchAnswers.length; i++)
      temp.store().saveResponse(newResearchResponse(i));
    return temp.store().database();
  };

  it('gives a chart and its table for the filtered responses, and nothing for free text', () => {
    const db = seed();
    const filter = { sort: 'newest' as const, where: [{ question: 'used-tool', value: 'yes' }] };
    const csv = chartDownload(db, 'research-fixture', researchSurvey, 'role', 'csv', filter)!;
    expect(csvRows(csv)).toEqual([
      ['Answer', 'Responses', 'Percentage of the 3 who answered'],
      ['Teacher', '2', '66.7'],
      ['Police', '0', '0'],
      ['Other, please say', '1', '33.3'],
      ['Prefer not to say', '0', '0'],
    ]);
    const svg = chartDownload(db, 'research-fixture', researchSurvey, 'role', 'svg', filter)!;
    expect(svg).toContain('2 (66.7%)');
    expect(chartDownload(db, 'research-fixture', researchSurvey, 'help', 'svg', filter)).toBe(
      undefined,
    );
    expect(chartDownload(db, 'research-fixture', researchSurvey, 'nope', 'csv', filter)).toBe(
      undefined,
    );
  });

  it('gives the cross-tab asked for as CSV, small counts hidden when asked', () => {
    const db = seed();
    const csv = crossTabCsv(
      db,
      'research-fixture',
      researchSurvey,
      { sort: 'newest' },
      { crossTab: { rows: 'role', columns: 'used-tool' }, hideSmall: true },
    )!;
    const [header, teacher, , , , totals] = csvRows(csv);
    expect(header).toEqual([
      'Your role by Have you used a digital tool?',
      'Yes: count',
      'Yes: % of column',
      'No: count',
      'No: % of column',
    ]);
    expect(teacher).toEqual(['Teacher', 'fewer than 5', 'fewer than 5', '0', '0']);
    expect(totals).toEqual(['Answered both', 'fewer than 5', '', 'fewer than 5', '']);
    expect(
      crossTabCsv(db, 'research-fixture', researchSurvey, { sort: 'newest' }, { hideSmall: false }),
    ).toBeUndefined();
  });
});
