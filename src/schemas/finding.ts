import { z } from 'astro/zod';
import { optionalGroup, slugId, text } from './common.ts';

export const findingSchema = z
  .object({
    title: text(120, 5),
    date: z.coerce.date(),
    summary: text(300, 20),
    /** The surveys this finding draws on (their file names). */
    surveys: z.array(slugId).default([]),
    /** The journey-mapping activities this finding draws on (their file names). */
    journeys: z.array(slugId).default([]),
    /** The prototype scopes this finding shaped ("you said, we did" shown on both pages). */
    prototypes: z.array(slugId).default([]),
    tags: z.array(slugId).default([]),
    /** "You said, we did": what participants said and what changed because of it. */
    youSaidWeDid: z.array(z.object({ said: text(500), did: text(500) })).default([]),
    /**
     * A journey map drawn on the finding's page (the same curve and table participants see):
     * for example, how families described each stage, with a note from what they said.
     */
    journeyMap: optionalGroup(
      z.object({
        title: text(120),
        stages: z
          .array(
            z.object({
              name: text(80),
              feeling: z.number().int().min(1).max(5),
              note: text(300).optional(),
            }),
          )
          .min(1, 'must have at least one stage')
          .max(30, 'must have at most 30 stages'),
      }),
    ),
  })
  .strict();

export type Finding = z.output<typeof findingSchema>;
