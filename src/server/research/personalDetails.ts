/**
 * Likely personal details in a comment, found so a moderator notices them before publishing.
 * It only highlights: a person decides what to edit out. It errs towards highlighting too much,
 * because a missed name is worse than a false alarm.
 */

export type DetailKind = 'name' | 'school' | 'phone' | 'email' | 'address' | 'date-of-birth';

export const DETAIL_LABELS: Record<DetailKind, string> = {
  name: 'Possible name',
  school: 'Possible school',
  phone: 'Possible phone number',
  email: 'Possible email address',
  address: 'Possible address',
  'date-of-birth': 'Possible date of birth',
};

export interface Detail {
  kind: DetailKind;
  start: number;
  end: number;
}

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const STREET =
  'street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|crescent|court|place|grove|gardens|terrace|walk|hill|park|square|mews|row';
const UPPER = "\\p{Lu}[\\p{L}'’-]*";

const PATTERNS: [DetailKind, RegExp][] = [
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu],
  // UK numbers: 07…, 01…/02…/03…, 0800…, +44…, with spaces, dots, hyphens or brackets.
  ['phone', /(?:\+44\s?\(?0?\)?\s?|\(?\b0)(?:[\s.()-]{0,2}\d){9,10}\b/g],
  // A UK postcode (CM1 1AA, SS14 3BX) or a house number and street name.
  ['address', /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi],
  ['address', new RegExp(`\\b\\d{1,4}[a-z]?,?\\s+(?:${UPPER}\\s+){1,3}(?:${STREET})\\b`, 'giu')],
  // Dates: 3/4/2015, 03-04-15, 3rd April 2015, April 3 2015, "born in 2015", "DOB".
  ['date-of-birth', /\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b/g],
  [
    'date-of-birth',
    new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\.?,?\\s+\\d{4}\\b`, 'gi'),
  ],
  [
    'date-of-birth',
    new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'gi'),
  ],
  [
    'date-of-birth',
    /\b(?:born(?:\s+(?:on|in))?|d\.?o\.?b\.?|date of birth)\b:?\s*[\w ,/.-]{0,20}\d{2,4}/gi,
  ],
  // One to four capitalised words then a school word: "St Mary's Primary", "Chelmsford County
  // High School", "Oakwood Academy".
  [
    'school',
    new RegExp(
      `(?:${UPPER}\\s+){1,4}(?:Primary|Junior|Infant|Infants|Secondary|High|Grammar|Academy|College|School|Nursery|Pre-school|Preschool)(?:\\s+(?:School|Academy))?\\b`,
      'gu',
    ),
  ],
];

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every likely personal detail in `text`, in order, with overlaps merged (earliest kind wins). */
export function findPersonalDetails(text: string, names: readonly string[] = []): Detail[] {
  const found: Detail[] = [];
  const patterns = [...PATTERNS];
  const wanted = names.map((n) => n.trim()).filter((n) => n.length >= 2);
  if (wanted.length > 0) {
    patterns.push([
      'name',
      new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${wanted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
        'giu',
      ),
    ]);
  }
  for (const [kind, pattern] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const value = match[0].replace(/\s+$/, '');
      if (value.length === 0) continue;
      found.push({ kind, start: match.index, end: match.index + value.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Detail[] = [];
  for (const detail of found) {
    const last = merged.at(-1);
    if (last && detail.start < last.end) {
      last.end = Math.max(last.end, detail.end);
      continue;
    }
    merged.push({ ...detail });
  }
  return merged;
}

/** The text cut into plain and highlighted pieces, for rendering with <mark>. */
export function highlightPieces<K extends string = DetailKind>(
  text: string,
  details: readonly { start: number; end: number; kind: K }[],
): { text: string; kind?: K }[] {
  const pieces: { text: string; kind?: K }[] = [];
  let at = 0;
  for (const detail of details) {
    if (detail.start > at) pieces.push({ text: text.slice(at, detail.start) });
    pieces.push({ text: text.slice(detail.start, detail.end), kind: detail.kind });
    at = detail.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}
