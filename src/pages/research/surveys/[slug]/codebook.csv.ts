import { exportRoute } from '../../../../server/research/exportRoute.ts';
import { codebookCsv } from '../../../../server/research/exports.ts';

export const prerender = false;

export const GET = exportRoute('codebook', 'text/csv; charset=utf-8', 'csv', (_db, _slug, survey) =>
  codebookCsv(survey),
);
