import { activityDownload } from '../../../../server/research/exportRoute.ts';
import { feedbackJsonStream } from '../../../../server/research/feedbackExports.ts';

export const prerender = false;

export const GET = activityDownload(
  'prototypes',
  'feedback',
  'application/json; charset=utf-8',
  'json',
  (db, slug, prototype, today) => feedbackJsonStream(db, slug, prototype, today),
);
