import { crossTabCsv } from '../../../../server/research/analysis.ts';
import { resultsDownloadRoute } from '../../../../server/research/resultsDownloadRoute.ts';

export const prerender = false;

/** The cross-tab the query asks for (`rows` and `columns`), with the page's filters. */
export const GET = resultsDownloadRoute((db, survey, { filter, analysis }, params) => {
  const body = crossTabCsv(db, params.slug ?? '', survey, filter, analysis);
  return body === undefined
    ? undefined
    : { body, contentType: 'text/csv; charset=utf-8', name: 'crosstab.csv' };
});
