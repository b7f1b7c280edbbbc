import type { DatabaseSync } from 'node:sqlite';
import { stringify } from 'csv-stringify/sync';
import type { Question, Survey } from '../../schemas/index.ts';
import { choiceOptions } from '../../forms/choiceOptions.ts';
import { otherKey, surveyQuestions } from '../../forms/questions.ts';
import { answerList, dateAnswer, type StoredResponse } from './results.ts';
import { iterateResponses } from './responses.ts';
import { responseTags } from './responseTags.ts';
import { excerptsJsonMember } from './codingExports.ts';
import { responseReady } from '../responseBackpressure.ts';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CWE-1236). Prefixing a
 * single quote makes it text; this applies to every cell, headers included (docs/reliability.md G9).
 */
const FORMULA_START = /^[=+\-@\t\r\0\u2212]/;

/**
 * Spreadsheets (Excel in East Asian locales, some importers) also read look-alikes as those
 * characters: full-width ＝ ＋ － ＠ and the small forms ﹦ ﹢ ﹣ ﹫, which NFKC folds to ASCII,
 * and the minus sign − (U+2212), which it does not. The cell itself is kept as typed.
 */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell.slice(0, 1).normalize('NFKC')) ? `'${cell}` : cell;
}

/**
 * One CSV line (CRLF-terminated, RFC 4180 quoting by csv-stringify) with every text cell
 * neutralised. A number is written as a number: String() of a finite number is only digits, a
 * sign, a point and an exponent, which no spreadsheet runs as a formula.
 */
export function csvLine(cells: (string | number)[]): string {
  const safe = cells.map((cell) =>
    typeof cell === 'number' && Number.isFinite(cell) ? String(cell) : neutralise(String(cell)),
  );
  // csv-stringify quotes fields holding its own record delimiter; a lone LF or CR in an answer
  // must be quoted too (RFC 4180), or a spreadsheet starts a new row there.
  return stringify([safe], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

/** A column of the export: its header and how a response fills it. */
export interface Column {
  header: string;
  question?: Question;
  /** What the column holds, for the codebook. */
  kind: 'meta' | 'answer' | 'other';
  cell(response: StoredResponse): string;
}

/**
 * The export's columns: response id and number, day received, consent version and definition hash, then
 * one per question (headed by its wording, as researchers read it), with the "Other" text of a
 * question that offers it in the column after. Multiple answers are joined with "; ".
 */
export function exportColumns(survey: Survey): Column[] {
  const meta: Column[] = [
    { header: 'response_id', kind: 'meta', cell: (r) => String(r.id) },
    // The number researchers see in the workspace and that excerpts and quotes cite.
    { header: 'response_number', kind: 'meta', cell: (r) => String(r.number) },
    { header: 'received_on', kind: 'meta', cell: (r) => r.receivedOn },
    { header: 'consent_version', kind: 'meta', cell: (r) => r.consentVersion },
    { header: 'definition_hash', kind: 'meta', cell: (r) => r.definitionHash },
  ];
  const answers = surveyQuestions(survey).flatMap((question): Column[] => {
    const column: Column = {
      header: question.label,
      question,
      kind: 'answer',
      cell: (r) =>
        question.type === 'date'
          ? (dateAnswer(r.answers[question.id]) ?? '')
          : answerList(r.answers, question.id).join('; '),
    };
    if (!('allowOther' in question && question.allowOther)) return [column];
    return [
      column,
      {
        header: `${question.label} (other, please say)`,
        question,
        kind: 'other',
        cell: (r) => answerList(r.answers, otherKey(question.id)).join('; '),
      },
    ];
  });
  return [...meta, ...answers];
}

export const BOM = '\uFEFF';
/** Rows fetched from SQLite per chunk the stream hands out. */
const ROWS_PER_CHUNK = 200;

/**
 * A ReadableStream over an iterator of text pieces, pulled only as fast as the client reads.
 * Cancelling (the download is abandoned) closes the iterator, which finalises the statement.
 */
export function streamOf(pieces: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Read on only when the client has taken what was sent (src/server/responseBackpressure.ts).
      await responseReady();
      let chunk = '';
      for (let i = 0; i < ROWS_PER_CHUNK; i++) {
        const next = pieces.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    cancel() {
      pieces.return?.(undefined);
    },
  });
}

/**
 * The CSV export as a stream: UTF-8 with a byte order mark (so Excel reads it as UTF-8). The last
 * column, `codes`, names the codes on any of the response's answers or passages, joined by "; ".
 */
export function csvExportStream(db: DatabaseSync, slug: string, survey: Survey) {
  const columns = exportColumns(survey);
  const tags = responseTags(db);
  function* pieces() {
    yield BOM + csvLine([...columns.map((c) => c.header), 'codes']);
    for (const response of iterateResponses(db, 'survey', slug)) {
      yield csvLine([
        ...columns.map((c) => c.cell(response)),
        tags.codeNames(response.id).join('; '),
      ]);
    }
  }
  return streamOf(pieces());
}

/**
 * The JSON export as a stream: the survey's slug, an array of responses as stored with the names
 * of their codes, and the coded passages (src/server/research/codingExports.ts).
 */
export function jsonExportStream(
  db: DatabaseSync,
  slug: string,
  survey: Survey,
  exportedOn: string,
) {
  const tags = responseTags(db);
  function* pieces() {
    yield `{"survey":${JSON.stringify(slug)},"title":${JSON.stringify(survey.title)},"exportedOn":${JSON.stringify(exportedOn)},"responses":[`;
    let first = true;
    for (const r of iterateResponses(db, 'survey', slug)) {
      yield (
        (first ? '\n' : ',\n') +
        JSON.stringify({
          responseId: r.id,
          responseNumber: r.number,
          receivedOn: r.receivedOn,
          consentVersion: r.consentVersion,
          definitionHash: r.definitionHash,
          answers: r.answers,
          codes: tags.codeNames(r.id),
        })
      );
      first = false;
    }
    yield '\n]';
    yield* excerptsJsonMember(db, 'survey', slug);
    yield '}\n';
  }
  return streamOf(pieces());
}

/**
 * The codebook: one row per export column with its question id, wording, type and answers
 * ("value = label", joined by "; "). Small, so built whole.
 */
export function codebookCsv(survey: Survey): string {
  const rows = exportColumns(survey).map((column) => {
    const q = column.question;
    if (!q) return [column.header, '', '', 'metadata', ''];
    if (column.kind === 'other') {
      return [column.header, otherKey(q.id), q.label, 'other text', 'text given with "other"'];
    }
    const { options, exclusive } = choiceOptions(q);
    const answers = [...options, ...exclusive].map((o) => `${o.value} = ${o.label}`).join('; ');
    return [column.header, q.id, q.label, q.type, answers];
  });
  return (
    BOM +
    [['column', 'question_id', 'question', 'type', 'answers'], ...rows]
      .map((cells) => csvLine(cells))
      .join('')
  );
}

/** Headers every export download carries: never cached, always saved as a file (G18, G23). */
export function downloadHeaders(contentType: string, filename: string): HeadersInit {
  return {
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    'Content-Disposition': `attachment; filename="${filename.replace(/[^a-z0-9.-]/gi, '-')}"`,
    'X-Content-Type-Options': 'nosniff',
  };
}
