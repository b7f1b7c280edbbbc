import { featureKey } from '../../../../schemas/featureKey.ts';
import { excerptsCsvStream } from '../../../../server/research/codingExports.ts';
import { feedbackFieldLabel } from '../../../../server/research/feedbackCoding.ts';
import { activityDownload } from '../../../../server/research/exportRoute.ts';

export const prerender = false;

export const GET = activityDownload(
  'prototypes',
  'excerpts',
  'text/csv; charset=utf-8',
  'csv',
  (db, slug, prototype) => {
    const names = new Map(prototype.features.map((f) => [featureKey(f), f.name]));
    return excerptsCsvStream(db, 'prototype', slug, (field) =>
      feedbackFieldLabel(field, (id) => names.get(id)),
    );
  },
);
