/**
 * Who an activity is for. The same words are used on listings and in the CMS. Kept apart from
 * the Zod schemas so that browser code showing these words does not ship Zod, whose start-up
 * probe for `new Function` is a Content-Security-Policy violation on every page that loads it.
 */
export const AUDIENCES = ['practitioners', 'families', 'ecdp-members', 'stakeholders'] as const;

export const AUDIENCE_LABELS: Record<(typeof AUDIENCES)[number], string> = {
  practitioners: 'Practitioners (social workers, teachers, police, health staff)',
  families: 'Families involved with children’s services',
  'ecdp-members': 'Members of Essex Coalition of Disabled People',
  stakeholders: 'Managers, commissioners and partners',
};
