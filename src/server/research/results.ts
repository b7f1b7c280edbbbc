import type { Question, Survey } from '../../schemas/index.ts';
import { choiceOptions } from '../../components/survey/choiceOptions.ts';
import { otherKey, surveyQuestions, type Answers } from '../../forms/questions.ts';
import { answerValues } from '../../schemas/survey.ts';

/** A stored response as the research pages read it. */
export interface StoredResponse {
  id: number;
  /** YYYY-MM-DD */
  receivedOn: string;
  consentVersion: string;
  definitionHash: string;
  answers: Answers;
}

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
  receivedOn: string;
  text: string;
}

interface Common {
  question: Question;
  /** Responses (after filters) that answered this question. */
  answered: number;
  /** Responses (after filters) that skipped it or were not asked it. */
  notAnswered: number;
}

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
  /** Only responses where this question was answered with this value. */
  where?: { question: string; value: string };
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

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && !Object.values(value).some(Boolean));

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Middle value of a list of numbers (the mean of the two middle ones for an even count). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The values a response gave to a question, as strings ([] when skipped). */
export function answerList(answers: Answers, questionId: string): string[] {
  const value = answers[questionId];
  if (isEmpty(value)) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** Whether a response passes the "answered X with Y" and date filters. */
export function matchesFilter(response: StoredResponse, filter: Partial<ResultsFilter>): boolean {
  if (filter.from && response.receivedOn < filter.from) return false;
  if (filter.to && response.receivedOn > filter.to) return false;
  if (filter.where) {
    return answerList(response.answers, filter.where.question).includes(filter.where.value);
  }
  return true;
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
  add(response: StoredResponse): void;
  result(total: number): QuestionResult;
}

function choiceCounts(question: Question) {
  const counts = new Map<string, number>();
  let answered = 0;
  return {
    add(response: StoredResponse) {
      const values = answerList(response.answers, question.id);
      if (values.length === 0) return;
      answered++;
      for (const value of new Set(values)) counts.set(value, (counts.get(value) ?? 0) + 1);
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
    add(response: StoredResponse) {
      const value = response.answers[key];
      if (typeof value !== 'string' || value.trim() === '') return;
      if (needle && !value.toLocaleLowerCase('en-GB').includes(needle)) return;
      matching++;
      kept.push({ responseId: response.id, receivedOn: response.receivedOn, text: value });
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
        result(total) {
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
            notAnswered: total - answered,
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
        result(total) {
          const { rows, answered } = counts.result();
          const middle = median(scores);
          return {
            kind: 'rating',
            question,
            rows,
            median: middle,
            answered,
            notAnswered: total - answered,
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
        result(total) {
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
            notAnswered: total - answered,
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
        result: (total) => ({
          kind: 'date',
          question,
          earliest,
          latest,
          answered,
          notAnswered: total - answered,
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
        result(total) {
          const { list, matching } = text.result();
          return {
            kind: 'text',
            question,
            answers: list,
            matching,
            answered,
            notAnswered: total - answered,
          };
        },
      };
    }
  }
}

/** The numbers for one question over the given (already filtered) responses. */
export function questionResult(
  question: Question,
  responses: Iterable<StoredResponse>,
  filter: Partial<ResultsFilter> = {},
): QuestionResult {
  const counter = tally(question, filter);
  let total = 0;
  for (const response of responses) {
    counter.add(response);
    total++;
  }
  return counter.result(total);
}

/**
 * Results for every question of a survey, over the responses that pass the filter, in one pass:
 * `responses` may be a generator reading from the database (iterateResponses).
 */
export function surveyResults(
  survey: Survey,
  responses: Iterable<StoredResponse>,
  filter: Partial<ResultsFilter> = {},
): { total: number; questions: QuestionResult[] } {
  const tallies = surveyQuestions(survey).map((q) => tally(q, filter));
  let total = 0;
  for (const response of responses) {
    if (!matchesFilter(response, filter)) continue;
    total++;
    for (const t of tallies) t.add(response);
  }
  return { total, questions: tallies.map((t) => t.result(total)) };
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

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export type ParsedQuery = { ok: true; filter: ResultsFilter } | { ok: false; error: string };

/**
 * Reads the results page's query string. Every field that reaches a filter or an ordering is
 * checked against what the survey allows (docs/reliability.md G10): an unknown question, an answer that
 * question cannot have, a malformed date or an unknown sort is refused, never passed on.
 * Parameters this page does not use are ignored.
 */
export function parseResultsQuery(params: URLSearchParams, survey: Survey): ParsedQuery {
  const filter: ResultsFilter = { sort: 'newest' };
  // `where` is "<question id>:<answer value>", from one select of every question and answer,
  // so the filter works without JavaScript.
  const where = params.get('where') ?? '';
  if (where !== '') {
    const colon = where.indexOf(':');
    const question = colon > 0 ? where.slice(0, colon) : '';
    const answer = where.slice(colon + 1);
    const allowed = filterChoices(survey).find((c) => c.question.id === question);
    if (!allowed) return { ok: false, error: 'Choose a question from the list.' };
    if (!allowed.options.some((o) => o.value === answer)) {
      return { ok: false, error: 'Choose an answer that question can have.' };
    }
    filter.where = { question, value: answer };
  }
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key) ?? '';
    if (value === '') continue;
    if (!DAY.test(value)) return { ok: false, error: `Enter the ${key} date like 2027-01-31.` };
    filter[key] = value;
  }
  const search = (params.get('search') ?? '').trim();
  if (search.length > 200) return { ok: false, error: 'Search for 200 characters or fewer.' };
  if (search) filter.search = search;
  const sort = params.get('sort') ?? 'newest';
  if (!(RESULTS_SORTS as readonly string[]).includes(sort)) {
    return { ok: false, error: 'Sort by newest or oldest.' };
  }
  filter.sort = sort as ResultsSort;
  return { ok: true, filter };
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
