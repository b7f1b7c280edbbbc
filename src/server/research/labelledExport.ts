import type { DatabaseSync } from 'node:sqlite';
import type { Question, Survey } from '../../schemas/index.ts';
import { choiceOptions } from '../../forms/choiceOptions.ts';
import {
  otherKey,
  PREFER_NOT_TO_SAY,
  surveyQuestions,
  type Answers,
} from '../../forms/questions.ts';
import { BOM, csvLine, streamOf } from './exports.ts';
import { answerList, dateAnswer, type StoredResponse } from './results.ts';
import { iterateResponses } from './responses.ts';
import { excerptsJsonMember } from './codingExports.ts';
import { responseTags, type FlagStatus } from './responseTags.ts';

/**
 * One cell of the labelled export, typed as a spreadsheet should read it: text, a number (counts,
 * ratings, 0/1 for an option), a list (codes), or null for an answer not given.
 */
export type LabelledCell = string | number | string[] | null;

/** What the labelled export knows about a response besides its answers. */
export interface ResponseExtras {
  flag: FlagStatus;
  codes: string[];
}

export interface LabelledColumn {
  header: string;
  cell(response: StoredResponse, extras: ResponseExtras): LabelledCell;
}

const FLAG_WORDS: Record<FlagStatus, string> = {
  open: 'Open',
  closed: 'Closed',
  none: 'None',
};

/** A finite number from a stored answer (ratings arrive as numbers or digits), else null. */
function numberOf(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** 1 or 0 for "did the answer include this", null when the question was not answered. */
const chosen = (values: string[], value: string) =>
  values.length === 0 ? null : values.includes(value) ? 1 : 0;

function questionColumns(question: Question): LabelledColumn[] {
  const { options, exclusive } = choiceOptions(question);
  const all = [...options, ...exclusive];
  const values = (answers: Answers) => answerList(answers, question.id);
  const other: LabelledColumn[] =
    'allowOther' in question && question.allowOther
      ? [
          {
            header: `${question.label} (other, please say)`,
            cell: (r) => answerList(r.answers, otherKey(question.id)).join('; ') || null,
          },
        ]
      : [];
  // A sensitive rating or number may be declined: that is said in a 0/1 column of its own,
  // so the answer's column holds numbers only.
  const declined: LabelledColumn[] = question.sensitive
    ? [
        {
          header: `${question.label}: Prefer not to say`,
          cell: (r) => chosen(values(r.answers), PREFER_NOT_TO_SAY),
        },
      ]
    : [];
  switch (question.type) {
    case 'single-choice':
    case 'yes-no': {
      const labels = new Map(all.map((o) => [o.value, o.label]));
      return [
        {
          header: question.label,
          cell: (r) => {
            const [value] = values(r.answers);
            return value === undefined ? null : (labels.get(value) ?? value);
          },
        },
        ...other,
      ];
    }
    case 'multiple-choice':
      return [
        ...all.map((option): LabelledColumn => ({
          header: `${question.label}: ${option.label}`,
          cell: (r) => chosen(values(r.answers), option.value),
        })),
        ...other,
      ];
    case 'rating':
    case 'number':
      return [{ header: question.label, cell: (r) => numberOf(values(r.answers)[0]) }, ...declined];
    case 'date':
      return [{ header: question.label, cell: (r) => dateAnswer(r.answers[question.id]) }];
    default:
      return [{ header: question.label, cell: (r) => values(r.answers)[0] ?? null }];
  }
}

/**
 * The labelled export's columns: the response, the day, the consent version, its flag status and
 * codes, then each question headed by its wording with answers in words; a multiple-choice
 * question is one 0/1 column per option. Two questions worded alike get "(2)", "(3)" so every
 * header is unique (a JSON record needs that, and so does a pivot table).
 */
export function labelledColumns(survey: Survey): LabelledColumn[] {
  const columns: LabelledColumn[] = [
    { header: 'Response', cell: (r) => r.number },
    { header: 'Received on', cell: (r) => r.receivedOn },
    { header: 'Consent version', cell: (r) => r.consentVersion },
    { header: 'Safeguarding flag', cell: (_, extras) => FLAG_WORDS[extras.flag] },
    { header: 'Codes', cell: (_, extras) => extras.codes },
    ...surveyQuestions(survey).flatMap(questionColumns),
  ];
  const seen = new Map<string, number>();
  return columns.map((column) => {
    const n = (seen.get(column.header) ?? 0) + 1;
    seen.set(column.header, n);
    return n === 1 ? column : { ...column, header: `${column.header} (${n})` };
  });
}

/** One response's row, typed. */
export function labelledRow(
  columns: LabelledColumn[],
  response: StoredResponse,
  extras: ResponseExtras,
): LabelledCell[] {
  return columns.map((c) => c.cell(response, extras));
}

function* labelledRows(db: DatabaseSync, slug: string, columns: LabelledColumn[]) {
  const tags = responseTags(db);
  for (const response of iterateResponses(db, 'survey', slug)) {
    const extras = { flag: tags.flagStatus(response.id), codes: tags.codeNames(response.id) };
    yield labelledRow(columns, response, extras);
  }
}

/** A typed cell as CSV text: lists joined with "; ", nothing for null. */
const csvCell = (cell: LabelledCell): string | number =>
  cell === null ? '' : Array.isArray(cell) ? cell.join('; ') : cell;

/** The labelled CSV, streamed, formula-safe as the coded one is (numbers stay numbers). */
export function labelledCsvStream(db: DatabaseSync, slug: string, survey: Survey) {
  const columns = labelledColumns(survey);
  function* pieces() {
    yield BOM + csvLine(columns.map((c) => c.header));
    for (const row of labelledRows(db, slug, columns)) yield csvLine(row.map(csvCell));
  }
  return streamOf(pieces());
}

/** The labelled JSON, streamed: one record per response, keyed by the CSV's headers. */
export function labelledJsonStream(
  db: DatabaseSync,
  slug: string,
  survey: Survey,
  exportedOn: string,
) {
  const columns = labelledColumns(survey);
  function* pieces() {
    yield `{"survey":${JSON.stringify(slug)},"title":${JSON.stringify(survey.title)},"exportedOn":${JSON.stringify(exportedOn)},"columns":${JSON.stringify(columns.map((c) => c.header))},"responses":[`;
    let first = true;
    for (const row of labelledRows(db, slug, columns)) {
      const record = Object.fromEntries(columns.map((c, i) => [c.header, row[i]]));
      yield (first ? '\n' : ',\n') + JSON.stringify(record);
      first = false;
    }
    yield '\n]';
    yield* excerptsJsonMember(db, 'survey', slug);
    yield '}\n';
  }
  return streamOf(pieces());
}
