const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

export interface DateParts {
  day?: string;
  month?: string;
  year?: string;
}

/** A month as a number 1–12, accepting "3", "03", "mar" and "March" as GOV.UK does. */
export function parseMonth(input: string): number | undefined {
  const text = input.trim().toLowerCase();
  if (/^\d{1,2}$/.test(text))
    return Number(text) >= 1 && Number(text) <= 12 ? Number(text) : undefined;
  const index = MONTHS.findIndex((name) => text.length >= 3 && name.startsWith(text));
  return index >= 0 ? index + 1 : undefined;
}

/** The calendar date the parts describe, or undefined when it is not a real date. */
export function partsToDate(parts: DateParts): Date | undefined {
  const day = Number(parts.day?.trim());
  const month = parseMonth(parts.month ?? '');
  const year = Number(parts.year?.trim());
  if (
    !Number.isInteger(day) ||
    !month ||
    !Number.isInteger(year) ||
    !/^\d{4}$/.test(parts.year?.trim() ?? '')
  ) {
    return undefined;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 ? date : undefined;
}

/** Which part to link to and highlight: the first one missing or wrong. */
export function firstWrongPart(parts: DateParts): 'day' | 'month' | 'year' {
  if (
    !parts.day?.trim() ||
    !/^\d{1,2}$/.test(parts.day.trim()) ||
    Number(parts.day) < 1 ||
    Number(parts.day) > 31
  )
    return 'day';
  if (!parts.month?.trim() || !parseMonth(parts.month)) return 'month';
  if (!parts.year?.trim() || !/^\d{4}$/.test(parts.year.trim())) return 'year';
  return 'day';
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
