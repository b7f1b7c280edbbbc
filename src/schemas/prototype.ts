import { z } from 'astro/zod';
import { imageSchema, optionalGroup, text } from './common.ts';

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
        z.object({ name: text(100), description: text(1000), image: optionalGroup(imageSchema) }),
      )
      .min(1, 'must have at least one feature'),
    questions: z.array(text(300)).min(1, 'must ask stakeholders at least one question'),
    /** What changed since the previous version, newest first. */
    changes: z.array(text(500)).default([]),
    feedbackOpen: z.boolean(),
  })
  .strict();

export type Prototype = z.output<typeof prototypeSchema>;
