import { chartDownload } from '../../../../../server/research/analysis.ts';
import { resultsDownloadRoute } from '../../../../../server/research/resultsDownloadRoute.ts';

export const prerender = false;

const TYPES = { svg: 'image/svg+xml; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

/** `<question id>.svg` (the chart) or `<question id>.csv` (its table), for the page's query. */
export const GET = resultsDownloadRoute((db, survey, { filter }, params) => {
  const match = /^([a-z0-9-]{1,80})\.(svg|csv)$/.exec(params.file ?? '');
  if (!match) return undefined;
  const [, question, format] = match as unknown as [string, string, 'svg' | 'csv'];
  const body = chartDownload(db, params.slug ?? '', survey, question, format, filter);
  return body === undefined
    ? undefined
    : { body, contentType: TYPES[format], name: `chart-${question}.${format}` };
});
