import { exportRoute } from '../../../../server/research/exportRoute.ts';
import { jsonExportStream } from '../../../../server/research/exports.ts';

export const prerender = false;

export const GET = exportRoute(
  'responses',
  'application/json; charset=utf-8',
  'json',
  (db, slug, survey, today) => jsonExportStream(db, slug, survey, today),
);
