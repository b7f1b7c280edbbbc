import { z } from 'astro/zod';
import { imageSchema, optionalGroup, slugId, text } from './common.ts';
import { featureKey } from './featureKey.ts';

export { featureKey };

export const PROTOTYPE_STATUSES = ['idea', 'prototype', 'pilot'] as const;

export const prototypeSchema = z
  .object({
    title: text(120, 5),
    summary: text(300, 20),
    status: z.enum(PROTOTYPE_STATUSES),
    /** The version of the scope; bump it when the scope changes after feedback. */
    version: z.string().regex(/^\d+\.\d+$/, 'must look like 1.0'),
    updated: z.coerce.date(),
    problem: text(2000),
    /** Who the tool would be for, in plain words. */
    forWhom: text(1000),
    features: z
      .array(
        z.object({
          /**
           * What feedback on this feature is counted under. Defaults to the name in lower case
           * with hyphens; set it before renaming a feature so its counts carry on.
           */
          id: slugId.optional(),
          name: text(100),
          description: text(1000),
          /** How far this feature has got, when it differs from the scope as a whole. */
          status: z.enum(PROTOTYPE_STATUSES).optional(),
          image: optionalGroup(imageSchema),
        }),
      )
      .min(1, 'must have at least one feature')
      .superRefine((features, ctx) => {
        const seen = new Set<string>();
        features.forEach((feature, i) => {
          const key = featureKey(feature);
          if (seen.has(key)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'id'],
              message: `must be different from every other feature's ("${key}" is used twice)`,
            });
          }
          seen.add(key);
        });
      }),
    questions: z.array(text(300)).min(1, 'must ask stakeholders at least one question'),
    /** What changed since the previous version, newest first. */
    changes: z.array(text(500)).default([]),
    feedbackOpen: z.boolean(),
    /** Feedback is deleted this many months after it was sent (published comments too). */
    retentionMonths: z.number().int().min(1).max(84),
  })
  .strict();

export type Prototype = z.output<typeof prototypeSchema>;
