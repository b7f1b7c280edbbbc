import { z } from 'astro/zod';
import { slugId, text } from './common.ts';

export const findingSchema = z
  .object({
    title: text(120, 5),
    date: z.coerce.date(),
    summary: text(300, 20),
    /** The surveys this finding draws on (their file names). */
    surveys: z.array(slugId).default([]),
    /** The journey-mapping activities this finding draws on (their file names). */
    journeys: z.array(slugId).default([]),
    tags: z.array(slugId).default([]),
    /** "You said, we did": what participants said and what changed because of it. */
    youSaidWeDid: z.array(z.object({ said: text(500), did: text(500) })).default([]),
  })
  .strict();

export type Finding = z.output<typeof findingSchema>;
