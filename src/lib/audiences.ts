/**
 * Who an activity is for. The same words are used on listings and in the CMS. Kept apart from
 * the content schemas (which import Zod) because participant-side islands show these labels, and
 * importing them from a schema module put all of Zod into the survey page's JavaScript.
 */
export const AUDIENCES = ['practitioners', 'families', 'ecdp-members', 'stakeholders'] as const;

export type Audience = (typeof AUDIENCES)[number];

export const AUDIENCE_LABELS: Record<Audience, string> = {
  practitioners: 'Practitioners (social workers, teachers, police, health staff)',
  families: 'Families involved with children’s services',
  'ecdp-members': 'Members of Essex Coalition of Disabled People',
  stakeholders: 'Managers, commissioners and partners',
};
