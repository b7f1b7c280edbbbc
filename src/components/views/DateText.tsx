import { formatDate, isoDate } from '../../lib/dates.ts';

/** A date as people read it ("1 November 2026"), machine-readable too. */
export function DateText({ date }: { date?: Date }) {
  if (!date || Number.isNaN(date.getTime())) return <>(no date yet)</>;
  return <time dateTime={isoDate(date)}>{formatDate(date)}</time>;
}
