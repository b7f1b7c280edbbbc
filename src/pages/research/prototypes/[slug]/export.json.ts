import { feedbackExportRoute } from '../../../../server/research/feedbackExportRoute.ts';
import { feedbackJsonStream } from '../../../../server/research/feedbackExports.ts';

export const prerender = false;

export const GET = feedbackExportRoute(
  'application/json; charset=utf-8',
  'json',
  (db, slug, prototype, today) => feedbackJsonStream(db, slug, prototype, today),
);
