import { answerErrorWordSet } from '../forms/answerErrorWords.ts';
import { flowWordSet } from '../forms/flowWords.ts';
import { journeyWordSet } from '../forms/journeyWords.ts';
import { whoHelped } from '../forms/questions.ts';
import { missingEasyRead } from '../schemas/easyRead.ts';
import { introWordSet } from './introWords.ts';
import { withdrawnWordSet } from './withdrawnWords.ts';
import { withdrawPageWordSet } from './withdrawPageWords.ts';

/**
 * A set of the site's own participant-facing words: the standard wording, the easy-read one, and
 * the keys deliberately the same in both (already short everyday words). A key whose easy-read
 * value is empty, or the same as the standard one without being listed in `same`, has no
 * easy-read version yet: usually a new string added to the standard words and copied, or spread
 * in, unchanged.
 */
export interface WordSet {
  name: string;
  standard: object;
  easyRead: object;
  same: readonly string[];
}

/** Every set of fixed participant words. A new words module is added here. */
export const PARTICIPANT_WORD_SETS: readonly WordSet[] = [
  flowWordSet,
  answerErrorWordSet,
  journeyWordSet,
  introWordSet,
  withdrawPageWordSet,
  withdrawnWordSet,
];

/** "set name: key" for each participant-facing string without its easy-read version. */
export function missingEasyReadWords(sets: readonly WordSet[] = PARTICIPANT_WORD_SETS): string[] {
  const missing: string[] = [];
  for (const set of sets) {
    missing.push(
      ...missingIn(set.standard, set.easyRead, set.same).map((key) => `${set.name}: ${key}`),
    );
  }
  // The question the site adds to surveys ("Did someone help you fill this in?") is held to the
  // same rule as a survey file's own questions (src/schemas/easyRead.ts).
  for (const issue of missingEasyRead({
    offersEasyRead: true,
    easyReadIntro: '-',
    consent: { statements: [] },
    questions: [whoHelped as unknown as Record<string, unknown>],
  })) {
    missing.push(`"Did someone help you?" question: ${issue.path.slice(2).join('.')}`);
  }
  return missing;
}

/** The build stops here, naming each missing string (astro.config.mjs). */
export function assertEasyReadWords(sets?: readonly WordSet[]): void {
  const missing = missingEasyReadWords(sets);
  if (missing.length) {
    throw new Error(
      `These participant-facing strings have no easy-read version:\n  ${missing.join('\n  ')}`,
    );
  }
}

// Nested words (a heading and body for each kind) are checked key by key, named "outer.inner".
function missingIn(standard: object, easyRead: object, same: readonly string[], prefix = '') {
  const missing: string[] = [];
  const easyWords = easyRead as Record<string, unknown>;
  for (const [key, value] of Object.entries(standard)) {
    const path = `${prefix}${key}`;
    const easy = easyWords[key];
    if (same.includes(path)) continue;
    if (isRecord(value) && isRecord(easy)) {
      missing.push(...missingIn(value, easy, same, `${path}.`));
    } else if (easy === undefined || easy === '' || isEmptyList(easy) || sameValue(easy, value)) {
      missing.push(path);
    }
  }
  return missing;
}

const isEmptyList = (value: unknown) => Array.isArray(value) && value.length === 0;

// Functions are compared by what they say for sample values: a copied wording says the same.
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'function' && typeof b === 'function') {
    return a === b || sample(a) === sample(b);
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function sample(fn: unknown): string {
  try {
    return JSON.stringify((fn as (...args: unknown[]) => unknown)('X', 2, 3));
  } catch {
    return String(fn);
  }
}
