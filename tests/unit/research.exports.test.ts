import { StatementSync } from 'node:sqlite';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  codebookCsv,
  csvExportStream,
  csvLine,
  jsonExportStream,
  neutralise,
} from '../../src/server/research/exports.ts';
import {
  csvRows as rowsOf,
  expectNoFormulaStarts,
  readStream as read,
  surveyWith,
  useTempStore,
} from '../fixtures/exportTesting.ts';
import { newResearchResponse, researchAnswers, researchSurvey } from '../fixtures/researchData.ts';

const temp = useTempStore('sg-export-');

describe('formula neutralisation (G9)', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['\0x', "'\0x"],
    ['Plain words, with "quotes"', 'Plain words, with "quotes"'],
    ['a=b', 'a=b'],
    // Look-alikes a spreadsheet also reads as formula characters.
    ['\uFF1DHYPERLINK("http://x")', `'\uFF1DHYPERLINK("http://x")`],
    ['\uFF0B1', "'\uFF0B1"],
    ['\uFF0D1', "'\uFF0D1"],
    ['\uFF20SUM(A1)', "'\uFF20SUM(A1)"],
    ['\u22121+2', "'\u22121+2"],
    ['\uFE66cmd', "'\uFE66cmd"],
    ['\uFE63x', "'\uFE63x"],
    ['\uFE6Bx', "'\uFE6Bx"],
    ['Ａ full-width letter', 'Ａ full-width letter'],
  ])('%j becomes %j', (cell, expected) => expect(neutralise(cell)).toBe(expected));

  it('quotes per RFC 4180 and round-trips ordinary text through a CSV parser', () => {
    const cells = ['comma, here', 'quote " here', 'line\nbreak', 'plain', 'ünïcödé – “curly”', ''];
    const line = csvLine(cells);
    expect(line.endsWith('\r\n')).toBe(true);
    expect(line).toContain('"quote "" here"');
    expect(rowsOf(line)).toEqual([cells]);
  });
});

describe('CSV export', () => {
  it('has a BOM, a header from question wording, one row per response, and neutralised cells', async () => {
    for (let i = 0; i < researchAnswers.length; i++)
      temp.store().saveResponse(newResearchResponse(i));
    const csv = await read(
      csvExportStream(temp.store().database(), 'research-fixture', researchSurvey),
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = rowsOf(csv);
    expect(header).toEqual([
      'response_id',
      'response_number',
      'received_on',
      'consent_version',
      'definition_hash',
      'Your role',
      'Your role (other, please say)',
      'What gets in the way?',
      'What gets in the way? (other, please say)',
      'How confident are you?',
      'Have you used a digital tool?',
      'Caseload',
      'What would help?',
      'Last meeting',
      'codes',
    ]);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual([
      '1',
      '1',
      '2027-01-10',
      '1.0',
      'f'.repeat(64),
      'teacher',
      '',
      'time; systems',
      '',
      '4',
      'yes',
      '10',
      'More time to talk',
      '2027-01-03',
      '',
    ]);
    expect(rows[2][6]).toBe('School nurse');
    expect(rows[3][8]).toBe(`'=HYPERLINK("http://x")`);
    // Every cell of the file, parsed back: none can start a formula.
    expectNoFormulaStarts([header, ...rows]);
  });

  it('neutralises headers built from question wording', async () => {
    const survey = surveyWith([
      { id: 'a', type: 'short-text', label: '=HYPERLINK("http://x")' },
      { id: 'b', type: 'short-text', label: '+1 how many?' },
      { id: 'c', type: 'short-text', label: '-1 or less?' },
      { id: 'd', type: 'short-text', label: '@SUM(1)' },
    ]);
    temp.store().saveResponse({
      ...newResearchResponse(0, 'evil'),
      answers: { a: '-1', b: '+1', c: '@SUM(A1)', d: '\tTab' },
    });
    const [header, row] = rowsOf(
      await read(csvExportStream(temp.store().database(), 'evil', survey)),
    );
    expect(header.slice(5, 9)).toEqual([
      `'=HYPERLINK("http://x")`,
      "'+1 how many?",
      "'-1 or less?",
      "'@SUM(1)",
    ]);
    expect(row.slice(5, 9)).toEqual(["'-1", "'+1", "'@SUM(A1)", "'\tTab"]);
  });

  it('streams 10,000 rows from StatementSync.iterate(), never .all()', async () => {
    const db = temp.store().database();
    const insert = db.prepare(
      `INSERT INTO responses (activity_kind, activity_slug, definition_hash, consent_version,
         consent, answers, submission_id, payload_hash, receipt_hash, received_on)
       VALUES ('survey', 'big', 'h', '1.0', '{}', ?, ?, 'p', ?, '2027-01-01')`,
    );
    db.exec('BEGIN');
    for (let i = 0; i < 10_000; i++) {
      insert.run(
        JSON.stringify({ help: `Answer ${i}`, 'used-tool': 'yes' }),
        randomUUID(),
        randomUUID(),
      );
    }
    db.exec('COMMIT');
    const all = vi.spyOn(StatementSync.prototype, 'all');
    const iterate = vi.spyOn(StatementSync.prototype, 'iterate');

    const reader = csvExportStream(db, 'big', researchSurvey).getReader();
    const decoder = new TextDecoder();
    let chunks = 0;
    let text = '';
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      chunks++;
      text += decoder.decode(next.value, { stream: true });
    }
    expect(all).not.toHaveBeenCalled();
    expect(iterate).toHaveBeenCalledTimes(1);
    expect(chunks).toBeGreaterThan(10);
    const rows = rowsOf(text);
    expect(rows).toHaveLength(10_001);
    expect(rows[10_000][12]).toBe('Answer 9999');

    const json = JSON.parse(await read(jsonExportStream(db, 'big', researchSurvey, '2027-01-02')));
    expect(json.responses).toHaveLength(10_000);
    expect(all).not.toHaveBeenCalled();
  });

  it('a cancelled download closes the cursor', async () => {
    for (let i = 0; i < 5; i++) temp.store().saveResponse(newResearchResponse(i));
    const stream = csvExportStream(temp.store().database(), 'research-fixture', researchSurvey);
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    // The connection can still write and checkpoint: no statement is left mid-iteration.
    expect(temp.store().withdrawResponse('not-a-code')).toBe(false);
  });
});

describe('JSON export and codebook', () => {
  it('exports responses as stored', async () => {
    temp.store().saveResponse(newResearchResponse(1));
    const json = JSON.parse(
      await read(
        jsonExportStream(temp.store().database(), 'research-fixture', researchSurvey, '2027-02-01'),
      ),
    );
    expect(json).toMatchObject({ survey: 'research-fixture', exportedOn: '2027-02-01' });
    expect(json.responses[0].answers.help).toBe('<script>window.__xss=1</script>');
  });

  it('lists each column with its question, type and answers', () => {
    const rows = rowsOf(codebookCsv(researchSurvey));
    expect(rows[0]).toEqual(['column', 'question_id', 'question', 'type', 'answers']);
    expect(rows).toContainEqual([
      'Your role',
      'role',
      'Your role',
      'single-choice',
      'teacher = Teacher; police = Police; other = Other, please say; prefer-not-to-say = Prefer not to say',
    ]);
    expect(rows).toContainEqual([
      'Your role (other, please say)',
      'role-other',
      'Your role',
      'other text',
      'text given with "other"',
    ]);
    expect(rows.find((r) => r[1] === 'confident')?.[4]).toBe(
      '1 = 1 – Not at all; 2 = 2; 3 = 3; 4 = 4; 5 = 5 – Very',
    );
  });
});
