import type { DatabaseSync } from 'node:sqlite';
import type { Survey } from '../../schemas/index.ts';
import { otherKey, surveyQuestions, type Answers } from '../../forms/questions.ts';
import { iterateResponses } from './responses.ts';
import {
  WORDS_APART,
  isEmpty,
  surveyResults,
  type AnsweredResponse,
  type QuestionResult,
  type ResponseSink,
  type ResultsFilter,
  type TextAnswer,
} from './results.ts';

/** Each answer key of a survey: whether it holds words (free text) or a closed answer. */
function answerKeys(survey: Survey): Map<string, 'words' | 'closed'> {
  const keys = new Map<string, 'words' | 'closed'>();
  for (const q of surveyQuestions(survey)) {
    keys.set(q.id, q.type === 'short-text' || q.type === 'long-text' ? 'words' : 'closed');
    if ('allowOther' in q && q.allowOther) keys.set(otherKey(q.id), 'words');
  }
  return keys;
}

/**
 * A response's answers without its words: closed answers as given; a written answer that is not
 * blank becomes WORDS_APART, one that is only spaces (answered, but nothing to list) false, an
 * empty one is left out; keys the survey does not ask are left out. Results computed from these
 * equal those from the stored answers (tests/unit/research.closedAnswers.test.ts).
 */
export function closedAnswersOf(
  survey: Survey,
  answers: Answers,
  keys = answerKeys(survey),
  same: (value: unknown) => unknown = (value) => value,
): Answers {
  const closed: Answers = {};
  // for…in, not Object.entries: this runs for every response when a survey's answers are read.
  for (const key in answers) {
    const value = answers[key];
    const kind = keys.get(key);
    if (kind === 'closed') closed[key] = Array.isArray(value) ? value.map(same) : same(value);
    else if (kind === 'words' && !isEmpty(value)) {
      closed[key] = typeof value === 'string' && value.trim() !== '' ? WORDS_APART : false;
    }
  }
  return closed;
}

interface Kept {
  /** The survey's answer keys they were worked out for: a question added or retyped changes it. */
  shape: string;
  /** Responses counted and the activity's last number given, as of what is kept (see `stamp`). */
  count: number;
  lastNumber: number;
  responses: AnsweredResponse[];
}

/**
 * Per database (one in the site; one per test), per survey slug. On globalThis, as the store is
 * (src/server/store.ts): the start script reads answers in the background for the bundled routes,
 * and the two are separate module graphs in the same process.
 */
const KEPT = Symbol.for('safeguarding.closedAnswers');
const kept: WeakMap<DatabaseSync, Map<string, Kept>> = ((
  globalThis as { [KEPT]?: WeakMap<DatabaseSync, Map<string, Kept>> }
)[KEPT] ??= new WeakMap());

function keptFor(db: DatabaseSync): Map<string, Kept> {
  let bySlug = kept.get(db);
  if (!bySlug) kept.set(db, (bySlug = new Map()));
  return bySlug;
}

const shapeOf = (survey: Survey) => JSON.stringify([...answerKeys(survey)]);

/**
 * What tells whether kept closed answers are still the stored ones (docs/reliability.md G27),
 * from two indexed reads.
 * Responses never change once stored; each new one takes the next number of its activity
 * (activity_numbers, which nothing lowers); deletions lower the count. So if the count grew by
 * exactly as many numbers as were given since (none, or some), responses were only added, and
 * those numbered after the kept ones are read. Anything else (a withdrawal, a deletion, the
 * retention purge) means every response is read again.
 */
function stamp(db: DatabaseSync, slug: string): { count: number; lastNumber: number } {
  const row = db
    .prepare(
      `SELECT
         (SELECT COUNT(*) FROM responses WHERE activity_kind = 'survey' AND activity_slug = ?1)
           AS count,
         (SELECT last_number FROM activity_numbers
           WHERE activity_kind = 'survey' AND activity_slug = ?1) AS lastNumber`,
    )
    .get(slug) as { count: number; lastNumber: number | null };
  return { count: Number(row.count), lastNumber: Number(row.lastNumber ?? 0) };
}

const onlyAdded = (kept: Kept, now: { count: number; lastNumber: number }) =>
  now.count - kept.count === now.lastNumber - kept.lastNumber;

/** Turns stored rows into closed answers, sharing each repeated answer's string. */
function closedReader(survey: Survey) {
  const keys = answerKeys(survey);
  // Closed answers repeat ("social-worker" 20,000 times): one string each keeps them small.
  const strings = new Map<string, string>();
  const same = (value: unknown) => {
    if (typeof value !== 'string') return value;
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  return (row: Row): AnsweredResponse => ({
    id: Number(row.id),
    number: Number(row.number),
    receivedOn: row.receivedOn,
    answers: closedAnswersOf(survey, JSON.parse(row.answers) as Answers, keys, same),
  });
}

interface Row {
  id: number;
  number: number;
  receivedOn: string;
  answers: string;
}

/**
 * The survey's responses numbered after `afterNumber` (through the number index: a few rows), or
 * else up to `limit` (-1: all) with an id above `afterId`, in stored order, oldest first. The two
 * are kept apart because SQLite must read each whole row to check a number outside its index,
 * words and all: 0.2 s for 100,000 responses to find none new.
 */
function storedRows(
  db: DatabaseSync,
  slug: string,
  { afterNumber = 0, afterId = 0, limit = -1 } = {},
): Iterable<Row> {
  const columns = 'id, number, received_on AS receivedOn, answers';
  const rows = afterNumber
    ? db
        .prepare(
          `SELECT ${columns} FROM responses
           WHERE activity_kind = 'survey' AND activity_slug = ? AND number > ? ORDER BY number`,
        )
        .iterate(slug, afterNumber)
    : db
        .prepare(
          `SELECT ${columns} FROM responses
           WHERE activity_kind = 'survey' AND activity_slug = ? AND id > ? ORDER BY id LIMIT ?`,
        )
        .iterate(slug, afterId, limit);
  return rows as Iterable<unknown> as Iterable<Row>;
}

/**
 * A survey's responses with their closed answers only, kept in memory between reads. Reading and
 * parsing every response's JSON, words and all, was most of a results page's time: with 100,000
 * responses, about 0.65 s of the 1.1 s (bench/REPORT.md, section 5). Kept, a read costs two
 * indexed counts, plus the responses added since. No word a participant wrote is kept, only
 * whether each written answer was given.
 */
export function closedResponses(db: DatabaseSync, slug: string, survey: Survey) {
  const bySlug = keptFor(db);
  const now = stamp(db, slug);
  const shape = shapeOf(survey);
  const before = bySlug.get(slug);
  const read = closedReader(survey);
  if (before && before.shape === shape && onlyAdded(before, now)) {
    // A loop, not push(...added): spreading 100,000 arguments can overflow the stack.
    for (const row of storedRows(db, slug, { afterNumber: before.lastNumber }))
      before.responses.push(read(row));
    Object.assign(before, now);
    return before.responses;
  }
  const responses = Array.from(storedRows(db, slug), read);
  bySlug.set(slug, { shape, ...now, responses });
  return responses;
}

/** Rows read between two pauses when reading in the background: about 10 ms each. */
const BATCH = 2000;

/**
 * Reads a survey's closed answers into memory in the background, a batch at a time with a pause
 * between, so the first results page after the server starts is as quick as any other and
 * participants' requests are not held up meanwhile. If a response is deleted during the read,
 * the counts disagree and the next results read reads them all again.
 */
export async function keepClosedResponses(db: DatabaseSync, slug: string, survey: Survey) {
  const read = closedReader(survey);
  const responses: AnsweredResponse[] = [];
  const before = stamp(db, slug);
  let afterId = 0;
  for (;;) {
    const batch = Array.from(storedRows(db, slug, { afterId, limit: BATCH }), read);
    for (const response of batch) responses.push(response);
    if (batch.length < BATCH) break;
    afterId = batch[batch.length - 1].id;
    await new Promise((resolve) => setImmediate(resolve));
  }
  // What was read, counted as of the stamp taken before: responses added during the read were
  // read too and are past that stamp's last number, so they are left for the next read to add.
  const kept = responses.filter((r) => r.number <= before.lastNumber);
  keptFor(db).set(slug, { shape: shapeOf(survey), ...before, responses: kept });
}

/**
 * Drops the kept answers of every survey that lost a response since they were read, so a
 * withdrawn or deleted response's closed answers do not stay in memory until the next results
 * read; the site checks every minute (scripts/serve.ts) and reads them again in the background.
 * Returns the slugs dropped.
 */
export function forgetDeleted(db: DatabaseSync): string[] {
  const bySlug = keptFor(db);
  const dropped = [...bySlug].filter(([slug, k]) => !onlyAdded(k, stamp(db, slug)));
  for (const [slug] of dropped) bySlug.delete(slug);
  return dropped.map(([slug]) => slug);
}

/**
 * Keeps the surveys' closed answers ready for results: read in the background now, and checked
 * every minute for deletions (forgetDeleted), after which they are read again. Errors are
 * reported and never stop the site: results then read on demand, as before.
 */
export function keepResultsReady(
  db: DatabaseSync,
  surveys: { slug: string; survey: Survey }[],
  everyMs = 60_000,
): NodeJS.Timeout {
  const readAgain = async (slugs: string[]) => {
    let responses = 0;
    for (const { slug, survey } of surveys.filter((s) => slugs.includes(s.slug))) {
      try {
        await keepClosedResponses(db, slug, survey);
        responses += keptFor(db).get(slug)?.responses.length ?? 0;
      } catch (error) {
        console.error(`Results of ${slug} not read ahead: ${(error as Error).message}`);
      }
    }
    return responses;
  };
  const started = performance.now();
  void readAgain(surveys.map((s) => s.slug)).then((responses) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Survey results ready: ${responses} responses read in ${seconds} s.`);
  });
  const timer = setInterval(() => {
    try {
      void readAgain(forgetDeleted(db));
    } catch (error) {
      console.error(`Kept results not checked: ${(error as Error).message}`);
    }
  }, everyMs);
  timer.unref();
  return timer;
}

/** Drops everything kept (tests). */
export function forgetClosedResponses(db: DatabaseSync) {
  kept.delete(db);
}

/** The words of the written answers a result lists (at most LISTED_ANSWERS a question). */
function withListedWords(db: DatabaseSync, questions: QuestionResult[]): QuestionResult[] {
  const listed = (q: QuestionResult) =>
    q.kind === 'text' ? q.answers : q.kind === 'choice' ? q.otherAnswers : [];
  const ids = [...new Set(questions.flatMap((q) => listed(q).map((a) => a.responseId)))];
  if (ids.length === 0) return questions;
  const rows = db
    .prepare('SELECT id, answers FROM responses WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: number; answers: string }[];
  const words = new Map(rows.map((r) => [Number(r.id), JSON.parse(r.answers) as Answers]));
  const fill = (answers: TextAnswer[], key: string) =>
    answers.flatMap((a) => {
      const text = words.get(a.responseId)?.[key];
      // Gone only if deleted since the count a moment ago: left out rather than shown blank.
      return typeof text === 'string' ? [{ ...a, text }] : [];
    });
  return questions.map((q) => {
    if (q.kind === 'text') return { ...q, answers: fill(q.answers, q.question.id) };
    if (q.kind === 'choice')
      return { ...q, otherAnswers: fill(q.otherAnswers, otherKey(q.question.id)) };
    return q;
  });
}

/**
 * A survey's results (surveyResults) from its closed answers, so counts, filters, cross-tabs
 * and comparisons never read the words; only the written answers listed are read afterwards.
 * A search of the words reads the stored responses, words and all, as it must.
 */
export function readSurveyResults(
  db: DatabaseSync,
  slug: string,
  survey: Survey,
  filter: Partial<ResultsFilter>,
  options: { only?: string[]; also?: ResponseSink[] } = {},
): { total: number; questions: QuestionResult[] } {
  if (filter.search) {
    const range = { from: filter.from, to: filter.to };
    return surveyResults(survey, iterateResponses(db, 'survey', slug, range), filter, options);
  }
  const { total, questions } = surveyResults(
    survey,
    closedResponses(db, slug, survey),
    filter,
    options,
  );
  return { total, questions: withListedWords(db, questions) };
}
