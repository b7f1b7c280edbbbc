import { feedbackCsvStream } from '../../../../server/research/feedbackExports.ts';
import { feedbackExportRoute } from '../../../../server/research/feedbackExportRoute.ts';

export const prerender = false;

export const GET = feedbackExportRoute('text/csv; charset=utf-8', 'csv', (db, slug, prototype) =>
  feedbackCsvStream(db, slug, prototype),
);
