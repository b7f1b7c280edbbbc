/**
 * Dates as participants and the research team mean them: calendar days in the UK. A survey
 * that "closes on 31 March" takes answers until midnight at the end of 31 March, London time.
 */
const londonDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The UK calendar day of a moment, as YYYY-MM-DD. */
export function ukDay(moment: Date): string {
  return londonDay.format(moment);
}

/**
 * The calendar day a content date names. YAML dates (`closes: 2027-03-31`) are read as midnight
 * UTC, so the UTC day is the day the editor wrote.
 */
export function contentDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
