import { exportRoute } from '../../../../server/research/exportRoute.ts';
import { csvExportStream } from '../../../../server/research/exports.ts';

export const prerender = false;

export const GET = exportRoute('responses', 'text/csv; charset=utf-8', 'csv', (db, slug, survey) =>
  csvExportStream(db, slug, survey),
);
