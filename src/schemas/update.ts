import { z } from 'astro/zod';
import { slugId, text } from './common.ts';

/**
 * A project update: news from the project in its own words ("watch this space"), newest first at
 * /updates/, the latest three on the home page, and in the updates feed.
 */
export const updateSchema = z
  .object({
    title: text(120, 5),
    date: z.coerce.date(),
    summary: text(300, 20),
    /** Who wrote it: a person or a team, as the update should be signed. */
    author: text(120).default('The Safeguarding 2.0 team'),
    /** Activities, findings and scopes the update is about (their file names). */
    surveys: z.array(slugId).default([]),
    journeys: z.array(slugId).default([]),
    prototypes: z.array(slugId).default([]),
    findings: z.array(slugId).default([]),
  })
  .strict();

export type Update = z.output<typeof updateSchema>;
