import type { Question, Survey } from '../../schemas/index.ts';
import { choiceOptions } from '../../forms/choiceOptions.ts';
import { isAsked, otherKey, surveyQuestions, type Answers } from '../../forms/questions.ts';
import { answerValues } from '../../schemas/survey.ts';

/** A stored response as the research pages read it. */
export interface StoredResponse {
  id: number;
  /** Its number within the activity (response 1, 2, 3), as researchers cite it. */
  number: number;
  /** YYYY-MM-DD */
  receivedOn: string;
  consentVersion: string;
  definitionHash: string;
  answers: Answers;
}

/**
 * What results read of a response: the stored response itself, or its closed answers alone
 * (closedAnswers.ts), where each written answer is WORDS_APART instead of its words.
 */
export type AnsweredResponse = Pick<StoredResponse, 'id' | 'number' | 'receivedOn' | 'answers'>;

/**
 * Stands for a written answer that is not blank, in closed answers (closedAnswers.ts): the
 * words are kept apart, and read afterwards only for the few answers a results page lists.
 */
export const WORDS_APART = true;

/** One bar: an answer, how many chose it and their share of those who answered. */
export interface CountRow {
  value: string;
  label: string;
  count: number;
  /** Share of those who answered the question, to one decimal place. */
  percent: number;
}

/** A free-text answer with the response it came from. */
export interface TextAnswer {
  responseId: number;
  responseNumber: number;
  receivedOn: string;
  text: string;
}

interface Common {
  question: Question;
  /** Responses (after filters) that answered this question. */
  answered: number;
  /** Responses (after filters) that were asked it and gave no answer. */
  skipped: number;
  /** Responses (after filters) whose earlier answers meant it was never asked (showIf). */
  notAsked: number;
}

/** What a tally works out; the caller adds who skipped it and who was never asked it. */
type TallyResult = QuestionResult extends infer R
  ? R extends QuestionResult
    ? Omit<R, 'skipped' | 'notAsked'>
    : never
  : never;

export type QuestionResult =
  | (Common & {
      kind: 'choice';
      multiple: boolean;
      rows: CountRow[];
      /** The first LISTED_ANSWERS "Other" answers, in the chosen order. */
      otherAnswers: TextAnswer[];
      /** How many "Other" answers match (all of them are in the export). */
      otherMatching: number;
    })
  | (Common & { kind: 'rating'; rows: CountRow[]; median: number | null })
  | (Common & { kind: 'number'; stats: NumberStats | null; declined: number })
  | (Common & {
      kind: 'text';
      /** The first LISTED_ANSWERS answers, in the chosen order. */
      answers: TextAnswer[];
      /** How many answers match the search (all of them are in the export). */
      matching: number;
    })
  | (Common & { kind: 'date'; earliest: string | null; latest: string | null });

export interface NumberStats {
  count: number;
  min: number;
  max: number;
  mean: number;
  median: number;
}

/** Filters the results page accepts, already checked against the survey (see parseResultsQuery). */
export interface ResultsFilter {
  /** Only responses where each of these questions was answered with its value (all of them). */
  where?: { question: string; value: string }[];
  /** Inclusive YYYY-MM-DD bounds on the day received. */
  from?: string;
  to?: string;
  /** Case-insensitive substring that free-text answers must contain to be listed. */
  search?: string;
  /** Order of listed free-text answers. */
  sort: ResultsSort;
}

export const RESULTS_SORTS = ['newest', 'oldest'] as const;
export type ResultsSort = (typeof RESULTS_SORTS)[number];

export const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && !Object.values(value).some(Boolean));

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Middle value of a list of numbers (the mean of the two middle ones for an even count). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numbers natively, several times faster than a comparator over 100,000.
  const sorted = Float64Array.from(values).sort();
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The values a response gave to a question, as strings ([] when skipped). */
export function answerList(answers: Answers, questionId: string): string[] {
  const value = answers[questionId];
  if (isEmpty(value)) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** Whether a response passes every "answered X with Y" filter and the date filters. */
export function matchesFilter(response: AnsweredResponse, filter: Partial<ResultsFilter>): boolean {
  if (filter.from && response.receivedOn < filter.from) return false;
  if (filter.to && response.receivedOn > filter.to) return false;
  return (filter.where ?? []).every(({ question, value }) =>
    answerList(response.answers, question).includes(value),
  );
}

/**
 * YYYY-MM-DD for a stored date answer: the server stores an ISO day; day/month/year parts (as
 * forms send them) are accepted too. Null when missing or incomplete.
 */
export function dateAnswer(value: unknown): string | null {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  if (!value || typeof value !== 'object') return null;
  const { day, month, year } = value as Record<string, unknown>;
  if (!day || !month || !year) return null;
  const pad = (v: unknown) => String(v).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/**
 * Free-text answers listed per question on the results page. Listing every one made a survey
 * with 100,000 responses a 150 MB page that took 20 s to render (bench/REPORT.md); past this
 * many, researchers narrow the list with the search and filters, or read them all in the export.
 */
export const LISTED_ANSWERS = 100;

/**
 * What one pass over the responses gathers for one question. Results are worked out in a single
 * pass, one response at a time, so the page can read responses straight from SQLite without
 * holding them all: with 100,000 responses, holding them took about 1 GB.
 */
interface Tally {
  add(response: AnsweredResponse): void;
  result(): TallyResult;
}

function choiceCounts(question: Question) {
  const counts = new Map<string, number>();
  let answered = 0;
  return {
    add(response: AnsweredResponse) {
      const value = response.answers[question.id];
      if (isEmpty(value)) return;
      answered++;
      // One answer (most questions) is counted without building a list and a set for it.
      const values = Array.isArray(value) ? new Set(value.map(String)) : [String(value)];
      for (const one of values) counts.set(one, (counts.get(one) ?? 0) + 1);
    },
    result() {
      const { options, exclusive } = choiceOptions(question);
      const rows = [...options, ...exclusive].map(({ value, label }) => {
        const count = counts.get(value) ?? 0;
        return { value, label, count, percent: answered ? round1((count / answered) * 100) : 0 };
      });
      return { rows, answered };
    },
  };
}

/** The matching free-text answers under `key`, keeping only the first LISTED_ANSWERS in order. */
function textAnswers(key: string, filter: Partial<ResultsFilter>) {
  const needle = filter.search?.toLocaleLowerCase('en-GB');
  const newestFirst = (filter.sort ?? 'newest') === 'newest';
  const order = (a: TextAnswer, b: TextAnswer) =>
    newestFirst ? b.responseId - a.responseId : a.responseId - b.responseId;
  let kept: TextAnswer[] = [];
  let matching = 0;
  return {
    add(response: AnsweredResponse) {
      const value = response.answers[key];
      // Closed answers say only that words were written; readSurveyResults lists them afterwards.
      const apart = value === WORDS_APART;
      if (apart && needle) throw new Error('A search reads the words: use the stored responses.');
      if (!apart && (typeof value !== 'string' || value.trim() === '')) return;
      if (needle && !(value as string).toLocaleLowerCase('en-GB').includes(needle)) return;
      matching++;
      kept.push({
        responseId: response.id,
        responseNumber: response.number,
        receivedOn: response.receivedOn,
        text: apart ? '' : (value as string),
      });
      if (kept.length >= 2 * LISTED_ANSWERS) kept = kept.sort(order).slice(0, LISTED_ANSWERS);
    },
    result: () => ({ list: kept.sort(order).slice(0, LISTED_ANSWERS), matching }),
  };
}

function tally(question: Question, filter: Partial<ResultsFilter>): Tally {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
    case 'yes-no': {
      const counts = choiceCounts(question);
      const other =
        'allowOther' in question && question.allowOther
          ? textAnswers(otherKey(question.id), filter)
          : undefined;
      return {
        add(response) {
          counts.add(response);
          other?.add(response);
        },
        result() {
          const { rows, answered } = counts.result();
          const { list, matching } = other?.result() ?? { list: [], matching: 0 };
          return {
            kind: 'choice',
            question,
            multiple: question.type === 'multiple-choice',
            rows,
            otherAnswers: list,
            otherMatching: matching,
            answered,
          };
        },
      };
    }
    case 'rating': {
      const counts = choiceCounts(question);
      const scores: number[] = [];
      return {
        add(response) {
          counts.add(response);
          for (const value of answerList(response.answers, question.id)) {
            const n = Number(value);
            if (Number.isFinite(n)) scores.push(n);
          }
        },
        result() {
          const { rows, answered } = counts.result();
          const middle = median(scores);
          return {
            kind: 'rating',
            question,
            rows,
            median: middle,
            answered,
          };
        },
      };
    }
    case 'number': {
      const values: number[] = [];
      let declined = 0;
      return {
        add(response) {
          const [value] = answerList(response.answers, question.id);
          if (value === undefined) return;
          const n = Number(value);
          if (Number.isFinite(n)) values.push(n);
          else declined++;
        },
        result() {
          let min = Infinity;
          let max = -Infinity;
          let sum = 0;
          // A loop, not Math.min(...values): spreading 100,000 arguments can overflow the stack.
          for (const n of values) {
            if (n < min) min = n;
            if (n > max) max = n;
            sum += n;
          }
          const stats =
            values.length === 0
              ? null
              : {
                  count: values.length,
                  min,
                  max,
                  mean: round1(sum / values.length),
                  median: median(values)!,
                };
          const answered = values.length + declined;
          return {
            kind: 'number',
            question,
            stats,
            declined,
            answered,
          };
        },
      };
    }
    case 'date': {
      let earliest: string | null = null;
      let latest: string | null = null;
      let answered = 0;
      return {
        add(response) {
          const day = dateAnswer(response.answers[question.id]);
          if (day === null) return;
          answered++;
          if (earliest === null || day < earliest) earliest = day;
          if (latest === null || day > latest) latest = day;
        },
        result: () => ({
          kind: 'date',
          question,
          earliest,
          latest,
          answered,
        }),
      };
    }
    default: {
      const text = textAnswers(question.id, filter);
      let answered = 0;
      return {
        add(response) {
          if (answerList(response.answers, question.id).length > 0) answered++;
          text.add(response);
        },
        result() {
          const { list, matching } = text.result();
          return {
            kind: 'text',
            question,
            answers: list,
            matching,
            answered,
          };
        },
      };
    }
  }
}

/** Whether a response answered a question, skipped it, or was never asked it (its showIf). */
export type AnswerStatus = 'answered' | 'skipped' | 'not-asked';

export function answerStatus(question: Question, answers: Answers, all: Question[]): AnswerStatus {
  // !isEmpty is answerList(…).length > 0 without building the list: this runs for every
  // question of every response on the results page.
  const given =
    question.type === 'date'
      ? dateAnswer(answers[question.id]) !== null
      : !isEmpty(answers[question.id]);
  if (given) return 'answered';
  return isAsked(question, answers, all) ? 'skipped' : 'not-asked';
}

/** Something that sees every response that passes the filters, in the same single pass. */
export interface ResponseSink {
  add(response: AnsweredResponse): void;
}

/**
 * Results for every question of a survey (or only those in `only`), over the responses that pass the
 * filter, in one pass: `responses` may be a generator reading from the database
 * (iterateResponses). Each `also` sink sees the same responses (cross-tabs, comparisons), so the
 * page reads the table once.
 */
export function surveyResults(
  survey: Survey,
  responses: Iterable<AnsweredResponse>,
  filter: Partial<ResultsFilter> = {},
  { only, also = [] }: { only?: string[]; also?: ResponseSink[] } = {},
): { total: number; questions: QuestionResult[] } {
  const all = surveyQuestions(survey);
  const questions = only ? all.filter((q) => only.includes(q.id)) : all;
  const tallies = questions.map((q) => ({ q, t: tally(q, filter), skipped: 0, notAsked: 0 }));
  let total = 0;
  for (const response of responses) {
    if (!matchesFilter(response, filter)) continue;
    total++;
    for (const entry of tallies) {
      const status = answerStatus(entry.q, response.answers, all);
      if (status === 'skipped') entry.skipped++;
      else if (status === 'not-asked') entry.notAsked++;
      entry.t.add(response);
    }
    for (const sink of also) sink.add(response);
  }
  return {
    total,
    questions: tallies.map(
      ({ t, skipped, notAsked }) => ({ ...t.result(), skipped, notAsked }) as QuestionResult,
    ),
  };
}

/**
 * The answers chosen most often: more than one when they tie, none when nobody answered, so
 * "most common" never hides an answer chosen just as often.
 */
export function mostCommon(rows: CountRow[]): CountRow[] {
  let best = 0;
  for (const row of rows) if (row.count > best) best = row.count;
  return best === 0 ? [] : rows.filter((row) => row.count === best);
}

/** Questions a researcher may filter on, with the answers each can be filtered by. */
export function filterChoices(
  survey: Survey,
): { question: Question; options: { value: string; label: string }[] }[] {
  return surveyQuestions(survey)
    .filter((q) => answerValues(q) !== undefined)
    .map((question) => {
      const { options, exclusive } = choiceOptions(question);
      return { question, options: [...options, ...exclusive] };
    });
}

/**
 * A day typed in the filter, as YYYY-MM-DD, or null. The boxes are plain text with the hint
 * "For example, 31/1/2027" (a date picker shows its own, locale's format, which a hint cannot
 * match), so both that and 2027-01-31 are read; a day that does not exist is refused.
 */
export function parseDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : undefined;
  if (!parts) return null;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const normal = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return date.toISOString().slice(0, 10) === normal ? normal : null;
}

/** The analysis asked for beside the filters: a cross-tab, a comparison, small counts hidden. */
export interface ResultsAnalysis {
  /** Cross-tab of two closed questions: `rows` down the side, `columns` across. */
  crossTab?: { rows: string; columns: string };
  /** Show each closed question's answers side by side for each answer to this question. */
  compare?: string;
  /** Counts from 1 to SMALL_GROUP - 1 are hidden (for tables shared beyond the team). */
  hideSmall: boolean;
}

export type ParsedQuery =
  | { ok: true; filter: ResultsFilter; analysis: ResultsAnalysis }
  | { ok: false; error: string; field: string };

/** Most answer filters one query may carry (more than a survey has closed questions). */
const MAX_WHERE = 50;

/**
 * Reads the results page's query string. Every field that reaches a filter, an ordering or an
 * analysis is checked against what the survey allows (docs/reliability.md G10): an unknown
 * question, an answer that question cannot have, a malformed date or an unknown sort is refused,
 * never passed on. Parameters this page does not use are ignored.
 */
export function parseResultsQuery(params: URLSearchParams, survey: Survey): ParsedQuery {
  const filter: ResultsFilter = { sort: 'newest' };
  const choices = filterChoices(survey);
  const fail = (error: string, field: string): ParsedQuery => ({ ok: false, error, field });
  // Each `where` is "<question id>:<answer value>", from one select per closed question (so the
  // filters work without JavaScript); an empty one is that select's "Any answer".
  const wheres = params.getAll('where').filter((w) => w !== '');
  if (wheres.length > MAX_WHERE) return fail('Choose fewer answers to filter by.', 'filters');
  for (const where of wheres) {
    const colon = where.indexOf(':');
    const question = colon > 0 ? where.slice(0, colon) : '';
    const answer = where.slice(colon + 1);
    const allowed = choices.find((c) => c.question.id === question);
    if (!allowed) return fail('Choose a question from the list.', 'filters');
    if (!allowed.options.some((o) => o.value === answer)) {
      return fail('Choose an answer that question can have.', `where-${question}`);
    }
    (filter.where ??= []).push({ question, value: answer });
  }
  for (const key of ['from', 'to'] as const) {
    const value = (params.get(key) ?? '').trim();
    if (value === '') continue;
    const day = parseDay(value);
    if (!day) return fail(`Enter the ${key} date as a real day, like 31/1/2027.`, key);
    filter[key] = day;
  }
  const search = (params.get('search') ?? '').trim();
  if (search.length > 200) return fail('Search for 200 characters or fewer.', 'search');
  if (search) filter.search = search;
  const sort = params.get('sort') ?? 'newest';
  if (!(RESULTS_SORTS as readonly string[]).includes(sort)) {
    return fail('Sort by newest or oldest.', 'sort');
  }
  filter.sort = sort as ResultsSort;

  const analysis: ResultsAnalysis = { hideSmall: params.get('hide-small') === '1' };
  const closed = (key: string) => {
    const id = params.get(key) ?? '';
    return id === '' || choices.some((c) => c.question.id === id) ? id : undefined;
  };
  const rows = closed('rows');
  const columns = closed('columns');
  const compare = closed('compare');
  if (rows === undefined) return fail('Choose a question from the list for the rows.', 'rows');
  if (columns === undefined) {
    return fail('Choose a question from the list for the columns.', 'columns');
  }
  if (compare === undefined)
    return fail('Choose a question from the list to compare by.', 'compare');
  if ((rows === '') !== (columns === '')) {
    return fail('Choose a question for both the rows and the columns.', rows ? 'columns' : 'rows');
  }
  if (rows && rows === columns) {
    return fail('Choose two different questions to cross-tabulate.', 'columns');
  }
  if (rows && columns) analysis.crossTab = { rows, columns };
  if (compare) analysis.compare = compare;
  return { ok: true, filter, analysis };
}

/**
 * The answer keys of a survey that hold free text and can be coded: short and long text
 * questions, and the "Other" text of choice questions that offer it, with their wording.
 */
export function codableKeys(survey: Survey): { key: string; label: string }[] {
  return surveyQuestions(survey).flatMap((q) => {
    if (q.type === 'short-text' || q.type === 'long-text') return [{ key: q.id, label: q.label }];
    if ('allowOther' in q && q.allowOther) {
      return [{ key: otherKey(q.id), label: `${q.label} (other, please say)` }];
    }
    return [];
  });
}
