import type { APIContext } from 'astro';
import type { DatabaseSync } from 'node:sqlite';
import type { Survey } from '../../schemas/index.ts';
import { ukDay } from '../activityDates.ts';
import { downloadHeaders } from './exports.ts';
import { parseResultsQuery, type ResultsAnalysis, type ResultsFilter } from './results.ts';
import { surveyDownload } from './exportRoute.ts';
import { audit, notFound, researchDb } from './routeHelpers.ts';

export interface ResultsFile {
  body: string;
  contentType: string;
  /** The file's name without the survey and date around it, e.g. "chart-role.svg". */
  name: string;
}

type Render = (
  db: DatabaseSync,
  survey: Survey,
  query: { filter: ResultsFilter; analysis: ResultsAnalysis },
  params: Record<string, string | undefined>,
) => ResultsFile | undefined;

const refused = (text: string, status: number) =>
  new Response(text, {
    status,
    headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' },
  });

/**
 * A download of what the results page shows (a chart, its table, a cross-tab), for the same
 * query string: checked for a researcher on every request, the query checked as the page checks
 * it (400 when refused), 404 for what has no such file, audited, never cached, saved as a file.
 */
export function resultsDownloadRoute(render: Render) {
  return async (context: APIContext): Promise<Response> => {
    const found = await surveyDownload(context);
    if (found instanceof Response) return found;
    const { researcher, slug, survey } = found;
    const parsed = parseResultsQuery(context.url.searchParams, survey);
    if (!parsed.ok) return refused(parsed.error, 400);
    const file = render(researchDb(), survey, parsed, { ...context.params, slug });
    if (!file) return notFound();
    audit(researcher, 'export-downloaded', `survey ${slug}, ${file.name}`);
    const today = ukDay(new Date());
    const [stem, extension] = file.name.split(/\.(?=[^.]+$)/);
    return new Response(file.body, {
      headers: downloadHeaders(file.contentType, `${slug}-${stem}-${today}.${extension}`),
    });
  };
}
