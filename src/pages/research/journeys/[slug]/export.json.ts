import { journeyJsonStream } from '../../../../server/research/journeyData.ts';
import { journeyExportRoute } from '../../../../server/research/journeyExportRoute.ts';

export const prerender = false;

export const GET = journeyExportRoute(
  'application/json; charset=utf-8',
  'json',
  (db, slug, journey, today) => journeyJsonStream(db, slug, journey, today),
);
