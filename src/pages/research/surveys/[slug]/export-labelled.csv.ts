import { exportRoute } from '../../../../server/research/exportRoute.ts';
import { labelledCsvStream } from '../../../../server/research/labelledExport.ts';

export const prerender = false;

export const GET = exportRoute(
  'responses-labelled',
  'text/csv; charset=utf-8',
  'csv',
  (db, slug, survey) => labelledCsvStream(db, slug, survey),
);
