import { AUDIENCE_LABELS, AUDIENCES } from '../schemas/audiences.ts';

type Audience = (typeof AUDIENCES)[number];

interface Listed {
  id: string;
  data: { status: 'draft' | 'open' | 'closed'; title: string; audience: Audience[] };
}

/** Drafts are built for preview in the CMS but never listed to participants. */
export function published<T extends Listed>(entries: T[]): T[] {
  return entries.filter((entry) => entry.data.status !== 'draft');
}

/** Groups activities under each audience, in the order audiences are defined, open ones first. */
export function byAudience<T extends Listed>(entries: T[]) {
  return AUDIENCES.map((audience) => ({
    audience,
    label: AUDIENCE_LABELS[audience],
    entries: entries
      .filter((entry) => entry.data.audience.includes(audience))
      .sort(
        (a, b) =>
          Number(b.data.status === 'open') - Number(a.data.status === 'open') ||
          a.data.title.localeCompare(b.data.title),
      ),
  })).filter((group) => group.entries.length > 0);
}
