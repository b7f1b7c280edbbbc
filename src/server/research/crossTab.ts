import type { Question } from '../../schemas/index.ts';
import { choiceOptions, type Option } from '../../forms/choiceOptions.ts';
import { SMALL_GROUP } from '../prototypeComments.ts';
import { answerList, type AnsweredResponse } from './results.ts';

/** One cell: how many gave both answers, and their share of the column. */
export interface CrossCell {
  /** Null when hidden because it is small (hideSmall). */
  count: number | null;
  /** Percentage of the column (those with this column's answer who answered the row question). */
  percent: number | null;
  /** Fewer than SMALL_GROUP people, but more than none: too few to tell apart safely. */
  small: boolean;
}

export interface CrossTab {
  rows: { question: Question; options: Option[] };
  columns: { question: Question; options: Option[] };
  /** cells[row][column] */
  cells: CrossCell[][];
  /** Per column: responses with that answer that also answered the row question. */
  columnTotals: CrossCell[];
  /** Responses that answered both questions. */
  total: number;
  /** Whether either question allows more than one answer (so columns can overlap). */
  multiple: boolean;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const allOptions = (question: Question) => {
  const { options, exclusive } = choiceOptions(question);
  return [...options, ...exclusive];
};

/** A count as a cell, hidden when small and `hideSmall` asks for it (the site's small-group rule). */
function cell(count: number, of: number, hideSmall: boolean): CrossCell {
  const small = count > 0 && count < SMALL_GROUP;
  if (small && hideSmall) return { count: null, percent: null, small };
  return { count, percent: of > 0 ? round1((count / of) * 100) : 0, small };
}

/**
 * Counts two closed questions against each other as responses stream past (add), then gives
 * counts with column percentages. A response counts once in each answer it chose, so with a
 * multiple-choice question a column's cells can add up to more than its total.
 */
export function crossTabber(rowQuestion: Question, columnQuestion: Question) {
  const rows = allOptions(rowQuestion);
  const columns = allOptions(columnQuestion);
  const rowIndex = new Map(rows.map((o, i) => [o.value, i]));
  const columnIndex = new Map(columns.map((o, i) => [o.value, i]));
  const counts = rows.map(() => columns.map(() => 0));
  const columnTotals = columns.map(() => 0);
  let total = 0;
  return {
    add(response: AnsweredResponse) {
      const across = answerList(response.answers, columnQuestion.id)
        .map((v) => columnIndex.get(v))
        .filter((i) => i !== undefined);
      const down = answerList(response.answers, rowQuestion.id)
        .map((v) => rowIndex.get(v))
        .filter((i) => i !== undefined);
      if (across.length === 0 || down.length === 0) return;
      total++;
      for (const c of new Set(across)) {
        columnTotals[c]++;
        for (const r of new Set(down)) counts[r][c]++;
      }
    },
    result(hideSmall = false): CrossTab {
      return {
        rows: { question: rowQuestion, options: rows },
        columns: { question: columnQuestion, options: columns },
        cells: counts.map((row) => row.map((n, c) => cell(n, columnTotals[c], hideSmall))),
        columnTotals: columnTotals.map((n) => cell(n, n, hideSmall)),
        total,
        multiple:
          rowQuestion.type === 'multiple-choice' || columnQuestion.type === 'multiple-choice',
      };
    },
  };
}

/** A cross-tab as table rows for a CSV: counts and column percentages side by side. */
export function crossTabRows(tab: CrossTab): (string | number)[][] {
  const shown = (c: CrossCell, what: 'count' | 'percent') =>
    c[what] === null ? `fewer than ${SMALL_GROUP}` : (c[what] as number);
  const header = [
    `${tab.rows.question.label} by ${tab.columns.question.label}`,
    ...tab.columns.options.flatMap((o) => [`${o.label}: count`, `${o.label}: % of column`]),
  ];
  const body = tab.rows.options.map((option, r) => [
    option.label,
    ...tab.cells[r].flatMap((c) => [shown(c, 'count'), shown(c, 'percent')]),
  ]);
  const totals = ['Answered both', ...tab.columnTotals.flatMap((c) => [shown(c, 'count'), ''])];
  return [header, ...body, totals];
}
