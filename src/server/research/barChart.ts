import type { CountRow } from './results.ts';

/** Where each bar of a results chart goes: one definition for the page and the SVG download. */
export interface BarLayout {
  width: number;
  height: number;
  bars: {
    label: string;
    value: string;
    labelY: number;
    barY: number;
    valueY: number;
    length: number;
  }[];
}

const WIDTH = 640;
const BAR_MAX = 480;
const ROW = 52;

/**
 * A horizontal bar per answer, longest for the largest share; a bar with any count is at least
 * 2 wide so it never looks like none. The count and percentage are written at the bar's end, so
 * colour carries nothing.
 */
export function barLayout(rows: CountRow[]): BarLayout {
  const max = Math.max(1, ...rows.map((r) => r.percent));
  return {
    width: WIDTH,
    height: rows.length * ROW + 4,
    bars: rows.map((row, i) => {
      const y = i * ROW;
      return {
        label: row.label,
        value: `${row.count} (${row.percent}%)`,
        labelY: y + 16,
        barY: y + 24,
        valueY: y + 39,
        length: Math.max(row.count > 0 ? 2 : 0, (row.percent / max) * BAR_MAX),
      };
    }),
  };
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The chart as a file of its own: a standalone SVG with its title and description, styled by
 * attributes (no stylesheet to lose), every word escaped, so it opens in a browser, an office
 * suite or a design tool as it looks on the page.
 */
export function barChartSvg(title: string, rows: CountRow[]): string {
  const layout = barLayout(rows);
  const text = (x: number, y: number, words: string) =>
    `<text x="${x}" y="${y}" font-family="Arial, sans-serif" font-size="16" fill="#0b0c0c">${escapeXml(words)}</text>`;
  const bars = layout.bars.map((bar) =>
    [
      text(0, bar.labelY, bar.label),
      `<rect x="0" y="${bar.barY}" width="${bar.length}" height="20" fill="#1d70b8"/>`,
      text(bar.length + 8, bar.valueY, bar.value),
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="title desc">`,
    `<title id="title">${escapeXml(title)}</title>`,
    `<desc id="desc">${escapeXml(rows.map((r) => `${r.label}: ${r.count} (${r.percent}%)`).join('; '))}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...bars,
    '</svg>',
    '',
  ].join('\n');
}

/** The chart's table as CSV rows: answer, count, and percentage of those who answered. */
export function countTableRows(rows: CountRow[], answered: number): (string | number)[][] {
  return [
    ['Answer', 'Responses', `Percentage of the ${answered} who answered`],
    ...rows.map((r) => [r.label, r.count, r.percent]),
  ];
}
