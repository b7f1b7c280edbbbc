import { journeyCsvStream } from '../../../../server/research/journeyData.ts';
import { journeyExportRoute } from '../../../../server/research/journeyExportRoute.ts';

export const prerender = false;

export const GET = journeyExportRoute('text/csv; charset=utf-8', 'csv', (db, slug, journey) =>
  journeyCsvStream(db, slug, journey),
);
