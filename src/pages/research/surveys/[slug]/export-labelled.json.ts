import { exportRoute } from '../../../../server/research/exportRoute.ts';
import { labelledJsonStream } from '../../../../server/research/labelledExport.ts';

export const prerender = false;

export const GET = exportRoute(
  'responses-labelled',
  'application/json; charset=utf-8',
  'json',
  (db, slug, survey, today) => labelledJsonStream(db, slug, survey, today),
);
