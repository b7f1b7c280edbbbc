import { feedbackCsvStream } from '../../../../server/research/feedbackExports.ts';
import { activityDownload } from '../../../../server/research/exportRoute.ts';

export const prerender = false;

export const GET = activityDownload(
  'prototypes',
  'feedback',
  'text/csv; charset=utf-8',
  'csv',
  (db, slug, prototype) => feedbackCsvStream(db, slug, prototype),
);
