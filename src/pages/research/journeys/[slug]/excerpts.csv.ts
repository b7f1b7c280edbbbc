import { excerptsCsvStream } from '../../../../server/research/codingExports.ts';
import { stageFieldLabel } from '../../../../server/research/journeyCoding.ts';
import { activityDownload } from '../../../../server/research/exportRoute.ts';

export const prerender = false;

// Each map names its own stages, so a passage's field is worded by stage number ("Stage 2: what
// helped"); its stage name is in the stages export beside the map's number.
export const GET = activityDownload(
  'journeys',
  'excerpts',
  'text/csv; charset=utf-8',
  'csv',
  (db, slug) => excerptsCsvStream(db, 'journey', slug, (field) => stageFieldLabel(field, [])),
);
