import type { DatabaseSync } from 'node:sqlite';
import type { Question, Survey } from '../../schemas/index.ts';
import { barChartSvg, countTableRows } from './barChart.ts';
import { crossTabber, crossTabRows, type CrossTab } from './crossTab.ts';
import { BOM, csvLine } from './exports.ts';
import { readSurveyResults } from './closedAnswers.ts';
import {
  filterChoices,
  type ResponseSink,
  type ResultsAnalysis,
  type ResultsFilter,
} from './results.ts';

/** A cross-tab being counted: it sees responses as they pass, then gives its table. */
export interface PendingTab {
  result(): CrossTab;
}

/**
 * The cross-tab and comparison the page asked for (already checked by parseResultsQuery), as
 * sinks for the results' single pass over the responses and the tables they give after it.
 * A comparison is a cross-tab of each other closed question against the one compared by.
 */
export function analysisFor(survey: Survey, analysis: ResultsAnalysis) {
  const closed = new Map(filterChoices(survey).map((c) => [c.question.id, c.question]));
  const sinks: ResponseSink[] = [];
  const tab = (rows: Question, columns: Question): PendingTab => {
    const counter = crossTabber(rows, columns);
    sinks.push(counter);
    return { result: () => counter.result(analysis.hideSmall) };
  };
  const rows = analysis.crossTab && closed.get(analysis.crossTab.rows);
  const columns = analysis.crossTab && closed.get(analysis.crossTab.columns);
  const by = analysis.compare ? closed.get(analysis.compare) : undefined;
  return {
    sinks,
    crossTab: rows && columns ? tab(rows, columns) : undefined,
    crossTabCaption: rows && columns ? `${rows.label} (rows) by ${columns.label} (columns)` : '',
    comparison: by && {
      title: `Compared by “${by.label}”`,
      tabs: [...closed.values()]
        .filter((q) => q.id !== by.id)
        .map((q) => ({ tab: tab(q, by), caption: `${q.label}, by ${by.label}` })),
    },
  };
}

const csvFile = (rows: (string | number)[][]) => BOM + rows.map((r) => csvLine(r)).join('');

/** The asked-for cross-tab over the filtered responses as a CSV file, or undefined if none. */
export function crossTabCsv(
  db: DatabaseSync,
  slug: string,
  survey: Survey,
  filter: ResultsFilter,
  analysis: ResultsAnalysis,
): string | undefined {
  const { sinks, crossTab } = analysisFor(survey, analysis);
  if (!crossTab) return undefined;
  readSurveyResults(db, slug, survey, filter, { only: [], also: sinks });
  return csvFile(crossTabRows(crossTab.result()));
}

/**
 * One question's chart (SVG) or table (CSV) over the filtered responses, exactly as the page
 * shows them, or undefined when the question has no chart (free text, numbers, dates).
 */
export function chartDownload(
  db: DatabaseSync,
  slug: string,
  survey: Survey,
  questionId: string,
  format: 'svg' | 'csv',
  filter: ResultsFilter,
): string | undefined {
  const { questions } = readSurveyResults(db, slug, survey, filter, { only: [questionId] });
  const result = questions[0];
  if (!result || !('rows' in result)) return undefined;
  return format === 'svg'
    ? barChartSvg(`${survey.title}: ${result.question.label}`, result.rows)
    : csvFile(countTableRows(result.rows, result.answered));
}
