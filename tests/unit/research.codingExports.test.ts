import { describe, expect, it } from 'vitest';
import { createCode, setAnswerCodes } from '../../src/server/research/coding.ts';
import { codesCsv, excerptsCsvStream } from '../../src/server/research/codingExports.ts';
import { addExcerpt } from '../../src/server/research/excerpts.ts';
import { csvExportStream, jsonExportStream } from '../../src/server/research/exports.ts';
import { labelledCsvStream, labelledJsonStream } from '../../src/server/research/labelledExport.ts';
import {
  csvRows as rowsOf,
  expectNoFormulaStarts,
  readStream as read,
  useTempStore,
} from '../fixtures/exportTesting.ts';
import { newResearchResponse, researchSurvey } from '../fixtures/researchData.ts';

const temp = useTempStore('sg-coding-export-');
const SLUG = 'research-fixture';

/** Four responses; a parent and child code, one named like a formula; answers and passages. */
function seed() {
  const store = temp.store();
  for (let i = 0; i < 4; i++) store.saveResponse(newResearchResponse(i));
  const db = store.database();
  const workload = createCode(db, 'Workload', '=cmd|" /C calc"!A0');
  const time = createCode(db, 'Time', 'Not enough time', workload);
  const formula = createCode(db, '+Formula', '');
  setAnswerCodes(db, 1, 'help', [workload]);
  addExcerpt(db, 1, 'help', { start: 5, end: 9, quote: 'time' }, [time]);
  addExcerpt(db, 4, 'barriers-other', { start: 0, end: 10, quote: '=HYPERLINK' }, [formula]);
  return db;
}

describe('codes and passages in the exports', () => {
  it('gives a codes column in the survey CSV, formula-safe', async () => {
    const db = seed();
    const rows = rowsOf(await read(csvExportStream(db, SLUG, researchSurvey)));
    expect(rows[0].at(-1)).toBe('codes');
    expect(rows.slice(1).map((r) => [r[0], r.at(-1)])).toEqual([
      ['1', 'Time; Workload'],
      ['2', ''],
      ['3', ''],
      ['4', "'+Formula"],
    ]);
    expectNoFormulaStarts(rows);
  });

  it('gives codes and passages in the JSON exports', async () => {
    const db = seed();
    const coded = JSON.parse(await read(jsonExportStream(db, SLUG, researchSurvey, '2027-02-01')));
    expect(coded.responses.map((r: { codes: string[] }) => r.codes)).toEqual([
      ['Time', 'Workload'],
      [],
      [],
      ['+Formula'],
    ]);
    const excerpts = [
      { code: 'Time', responseNumber: 1, field: 'help', start: 5, end: 9, quote: 'time' },
      {
        code: '+Formula',
        responseNumber: 4,
        field: 'barriers-other',
        start: 0,
        end: 10,
        quote: '=HYPERLINK',
      },
    ];
    expect(coded.excerpts).toEqual(excerpts);
    const labelled = JSON.parse(
      await read(labelledJsonStream(db, SLUG, researchSurvey, '2027-02-01')),
    );
    expect(labelled.excerpts).toEqual(excerpts);
    expect(labelled.responses[0].Codes).toEqual(['Time', 'Workload']);
    const labelledRows = rowsOf(await read(labelledCsvStream(db, SLUG, researchSurvey)));
    expect(labelledRows[1][labelledRows[0].indexOf('Codes')]).toBe('Time; Workload');
  });

  it('gives the passages as CSV with the question’s wording, formula-safe', async () => {
    const db = seed();
    const rows = rowsOf(
      await read(excerptsCsvStream(db, 'survey', SLUG, (field) => `Wording of ${field}`)),
    );
    expect(rows).toEqual([
      ['code', 'response', 'field', 'question', 'start', 'end', 'quote'],
      ['Time', '1', 'help', 'Wording of help', '5', '9', 'time'],
      ["'+Formula", '4', 'barriers-other', 'Wording of barriers-other', '0', '10', "'=HYPERLINK"],
    ]);
    expectNoFormulaStarts(rows);
  });

  it('gives the codebook: code, parent, description, count', () => {
    const db = seed();
    const rows = rowsOf(codesCsv(db));
    expect(rows).toEqual([
      ['code', 'parent', 'description', 'count'],
      ["'+Formula", '', '', '1'],
      ['Workload', '', `'=cmd|" /C calc"!A0`, '1'],
      ['Time', 'Workload', 'Not enough time', '1'],
    ]);
    expectNoFormulaStarts(rows);
  });
});
