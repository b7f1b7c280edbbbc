import { z } from 'astro/zod';
import { text } from './common.ts';

export const pageSchema = z
  .object({
    title: text(120, 3),
    /** One sentence for search results and the page's meta description. */
    summary: text(300, 20),
    /** Position in the footer's list of pages; lower comes first. */
    order: z.number().int().min(0).max(100),
    updated: z.coerce.date(),
  })
  .strict();

export type Page = z.output<typeof pageSchema>;
