import type { APIContext } from 'astro';
import { ukDay } from '../../server/activityDates.ts';
import { codesCsv } from '../../server/research/codingExports.ts';
import { downloadHeaders } from '../../server/research/exports.ts';
import { audit, requireResearcher, researchDb } from '../../server/research/routeHelpers.ts';

export const prerender = false;

/** The project's codebook (code, parent, description, count), for researchers only (G23). */
export function GET(context: APIContext): Response {
  const researcher = requireResearcher(context.locals);
  if (researcher instanceof Response) return researcher;
  const today = ukDay(new Date());
  audit(researcher, 'export-downloaded', 'codebook.csv');
  return new Response(codesCsv(researchDb()), {
    headers: downloadHeaders('text/csv; charset=utf-8', `codebook-${today}.csv`),
  });
}
