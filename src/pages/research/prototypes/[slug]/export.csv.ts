import {
  feedbackCsvStream,
  feedbackExportRoute,
} from '../../../../server/research/feedbackExports.ts';

export const prerender = false;

export const GET = feedbackExportRoute('text/csv; charset=utf-8', 'csv', (db, slug, prototype) =>
  feedbackCsvStream(db, slug, prototype),
);
