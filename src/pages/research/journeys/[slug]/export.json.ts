import { journeyJsonStream } from '../../../../server/research/journeyData.ts';
import { activityDownload } from '../../../../server/research/exportRoute.ts';

export const prerender = false;

export const GET = activityDownload(
  'journeys',
  'stages',
  'application/json; charset=utf-8',
  'json',
  (db, slug, journey, today) => journeyJsonStream(db, slug, journey, today),
);
