import type { APIRoute } from 'astro';
import { auditCsvStream } from '../../../../server/auth/auditExport.ts';
import { parseAuditQuery } from '../../../../server/auth/auditQuery.ts';
import { downloadHeaders } from '../../../../server/research/exports.ts';
import { audit, requireResearcher, researchDb } from '../../../../server/research/routeHelpers.ts';
import { ukDay } from '../../../../server/activityDates.ts';

// Administrators only (the middleware checks). The same filter as the page, as a download.
export const prerender = false;

export const GET: APIRoute = (context) => {
  const researcher = requireResearcher(context.locals);
  if (researcher instanceof Response) return researcher;
  const query = parseAuditQuery(context.url.searchParams);
  if (!query.ok) {
    return new Response(`${query.errors.map((e) => e.text).join('\n')}\n`, {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  audit(researcher, 'audit-log-exported', context.url.search || 'everything');
  return new Response(auditCsvStream(researchDb(), query.filter), {
    headers: downloadHeaders('text/csv; charset=utf-8', `audit-log-${ukDay(new Date())}.csv`),
  });
};
