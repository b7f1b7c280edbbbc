/**
 * Collections whose "Updated on" / "Last updated" date says when the entry last changed: the
 * editor sets it to the day of each save, so it follows the edits without anyone remembering.
 */
export const STAMPED_COLLECTIONS: Record<string, string> = {
  prototypes: 'updated',
  pages: 'updated',
};

/** Today as the date fields write it (2026-11-27), in the researcher's own time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
