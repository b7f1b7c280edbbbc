import { journeyCsvStream } from '../../../../server/research/journeyData.ts';
import { activityDownload } from '../../../../server/research/exportRoute.ts';

export const prerender = false;

export const GET = activityDownload(
  'journeys',
  'stages',
  'text/csv; charset=utf-8',
  'csv',
  (db, slug, journey) => journeyCsvStream(db, slug, journey),
);
