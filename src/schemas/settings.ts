import { z } from 'astro/zod';
import { text } from './common.ts';

const phone = z.string().regex(/^[0-9 +]{3,20}$/, 'must be a phone number of digits and spaces');

export const settingsSchema = z
  .object({
    siteName: text(60),
    tagline: text(200),
    description: text(500),
    /** Who runs the research; shown before consent and in the footer. */
    researchLead: text(200),
    contactEmail: z.email('must be an email address'),
    partners: z
      .array(z.object({ name: text(120), role: text(300), url: z.url().optional() }))
      .min(1),
    /** Shown on the get-help page and in the short help panel on sensitive pages. */
    helpLines: z
      .array(
        z.object({
          name: text(80),
          phone,
          when: text(120),
          description: text(300),
        }),
      )
      .min(1),
    frontDoor: z.object({
      name: text(120),
      phone,
      outOfHoursPhone: phone,
      description: text(300),
    }),
    /**
     * The public address of this site, without a trailing slash. Feeds are read elsewhere (in a
     * feed reader), so their links must be whole addresses.
     */
    siteUrl: z.url({ protocol: /^https?$/ }).regex(/[^/]$/, 'must not end with /'),
    /** Where "Exit this page" sends people: a neutral, everyday site. */
    exitUrl: z.url({ protocol: /^https$/ }),
    /**
     * Words and phrases that may mean someone is telling us a child is at risk. A free-text
     * answer containing one is flagged for a researcher to read first. Matching ignores case
     * and extra spaces; keep phrases short.
     */
    riskPhrases: z.array(text(80, 3)).min(1, 'must list at least one phrase'),
    /**
     * Names to highlight for moderators in prototype comments before they are published (for
     * example the first names common in the area, or names of local workers). Highlighting
     * helps a person notice; it never removes anything by itself.
     */
    personalNames: z.array(text(60, 2)).default([]),
    /** What a researcher does with a flagged response: shown beside every flag. */
    safeguardingProtocol: z.object({
      lead: text(120),
      contact: text(200),
      timescale: text(200),
      steps: z.array(text(400)).min(1, 'must list at least one step'),
    }),
  })
  .strict();

export type Settings = z.output<typeof settingsSchema>;
