import { featureKey } from '../../../../schemas/featureKey.ts';
import { excerptsCsvStream } from '../../../../server/research/codingExports.ts';
import { feedbackFieldLabel } from '../../../../server/research/feedbackCoding.ts';
import { feedbackExportRoute } from '../../../../server/research/feedbackExportRoute.ts';

export const prerender = false;

export const GET = feedbackExportRoute(
  'text/csv; charset=utf-8',
  'csv',
  (db, slug, prototype) => {
    const names = new Map(prototype.features.map((f) => [featureKey(f), f.name]));
    return excerptsCsvStream(db, 'prototype', slug, (field) =>
      feedbackFieldLabel(field, (id) => names.get(id)),
    );
  },
  'excerpts',
);
