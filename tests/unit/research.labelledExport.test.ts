import { describe, expect, it } from 'vitest';
import { addResearcher } from '../../src/server/auth/accounts.ts';
import { createCode, setAnswerCodes } from '../../src/server/research/coding.ts';
import { raiseFlag, recordFlagAction } from '../../src/server/research/flags.ts';
import {
  labelledColumns,
  labelledCsvStream,
  labelledJsonStream,
} from '../../src/server/research/labelledExport.ts';
import { responseTags } from '../../src/server/research/responseTags.ts';
import {
  csvRows as rowsOf,
  expectNoFormulaStarts,
  readStream as read,
  surveyWith,
  useTempStore,
} from '../fixtures/exportTesting.ts';
import { newResearchResponse, researchAnswers, researchSurvey } from '../fixtures/researchData.ts';

const temp = useTempStore('sg-labelled-');

const SLUG = 'research-fixture';

/** The fixture's five responses, with a flag on the second and codes on the first. */
function seed() {
  const db = temp.store().database();
  for (let i = 0; i < researchAnswers.length; i++)
    temp.store().saveResponse(newResearchResponse(i));
  const flagged = raiseFlag(db, {
    responseId: 2,
    kind: 'survey',
    slug: SLUG,
    match: { phrases: ['hit me'], questions: ['help'] },
    raisedOn: '2027-01-10',
  });
  const closed = raiseFlag(db, {
    responseId: 3,
    kind: 'survey',
    slug: SLUG,
    match: { phrases: ['hit me'], questions: ['help'] },
    raisedOn: '2027-01-11',
  });
  const lead = addResearcher(db, {
    email: 'lead@example.org',
    role: 'researcher',
    passwordHash: 'x',
  });
  recordFlagAction(db, {
    flagId: closed,
    researcherId: lead,
    note: 'Safe',
    close: true,
    at: 'now',
  });
  const time = createCode(db, 'Time pressure');
  const talk = createCode(db, 'Talking');
  setAnswerCodes(db, 1, 'help', [time, talk]);
  setAnswerCodes(db, 1, 'role-other', [time]);
  return { flagged };
}

describe('labelled export columns', () => {
  it('heads columns with wording, one 0/1 column per option, and a column for "other"', () => {
    expect(labelledColumns(researchSurvey).map((c) => c.header)).toEqual([
      'Response',
      'Received on',
      'Consent version',
      'Safeguarding flag',
      'Codes',
      'Your role',
      'Your role (other, please say)',
      'What gets in the way?: Not enough time',
      'What gets in the way?: Systems do not connect',
      'What gets in the way?: Other, please say',
      'What gets in the way?: None of these',
      'What gets in the way? (other, please say)',
      'How confident are you?',
      'Have you used a digital tool?',
      'Caseload',
      'What would help?',
      'Last meeting',
    ]);
  });

  it('makes headers unique when two questions are worded alike', () => {
    const survey = surveyWith([
      { id: 'a', type: 'short-text', label: 'Anything else?' },
      { id: 'b', type: 'short-text', label: 'Anything else?' },
    ]);
    expect(
      labelledColumns(survey)
        .map((c) => c.header)
        .slice(5),
    ).toEqual(['Anything else?', 'Anything else? (2)']);
  });

  it('gives a declined rating or number its own 0/1 column, so the answer column is numbers only', () => {
    const survey = surveyWith([
      { id: 'n', type: 'number', label: 'Age', sensitive: true, optional: true },
    ]);
    const columns = labelledColumns(survey);
    expect(columns.map((c) => c.header).slice(5)).toEqual(['Age', 'Age: Prefer not to say']);
    const stored = { id: 1, number: 1, receivedOn: 'd', consentVersion: '1', definitionHash: 'h' };
    const row = (answers: Record<string, unknown>) =>
      columns.slice(5).map((c) => c.cell({ ...stored, answers }, { flag: 'none', codes: [] }));
    expect(row({ n: '42' })).toEqual([42, 0]);
    expect(row({ n: 'prefer-not-to-say' })).toEqual([null, 1]);
    expect(row({})).toEqual([null, null]);
  });
});

describe('labelled JSON export', () => {
  it('types every answer: labels as text, ratings and numbers as numbers, options as 0/1', async () => {
    seed();
    const json = JSON.parse(
      await read(labelledJsonStream(temp.store().database(), SLUG, researchSurvey, '2027-02-01')),
    );
    expect(json).toMatchObject({ survey: SLUG, exportedOn: '2027-02-01' });
    expect(json.columns).toEqual(labelledColumns(researchSurvey).map((c) => c.header));
    expect(json.responses).toHaveLength(5);
    expect(json.responses[0]).toEqual({
      Response: 1,
      'Received on': '2027-01-10',
      'Consent version': '1.0',
      'Safeguarding flag': 'None',
      Codes: ['Talking', 'Time pressure'],
      'Your role': 'Teacher',
      'Your role (other, please say)': null,
      'What gets in the way?: Not enough time': 1,
      'What gets in the way?: Systems do not connect': 1,
      'What gets in the way?: Other, please say': 0,
      'What gets in the way?: None of these': 0,
      'What gets in the way? (other, please say)': null,
      'How confident are you?': 4,
      'Have you used a digital tool?': 'Yes',
      Caseload: 10,
      'What would help?': 'More time to talk',
      'Last meeting': '2027-01-03',
    });
    expect(json.responses[1]['Safeguarding flag']).toBe('Open');
    expect(json.responses[2]['Safeguarding flag']).toBe('Closed');
    expect(json.responses[2]['Your role']).toBe('Other, please say');
    expect(json.responses[2]['Your role (other, please say)']).toBe('School nurse');
    expect(json.responses[3]['Your role']).toBe('Prefer not to say');
    // A rating stored as text ("3") is a number too; an empty number is null, not 0 or "".
    expect(json.responses[4]['How confident are you?']).toBe(3);
    expect(json.responses[4].Caseload).toBeNull();
    expect(json.responses[4]['What would help?']).toBeNull();
    expect(json.responses[4]['Last meeting']).toBeNull();
  });
});

describe('labelled CSV export', () => {
  it('has one row per response, labels, flags and codes, and neutralised text', async () => {
    seed();
    const csv = await read(labelledCsvStream(temp.store().database(), SLUG, researchSurvey));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = rowsOf(csv);
    expect(header).toEqual(labelledColumns(researchSurvey).map((c) => c.header));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual([
      '1',
      '2027-01-10',
      '1.0',
      'None',
      'Talking; Time pressure',
      'Teacher',
      '',
      '1',
      '1',
      '0',
      '0',
      '',
      '4',
      'Yes',
      '10',
      'More time to talk',
      '2027-01-03',
    ]);
    expect(rows[3][header.indexOf('What gets in the way? (other, please say)')]).toBe(
      `'=HYPERLINK("http://x")`,
    );
    expectNoFormulaStarts([header, ...rows]);
  });

  it('writes a negative number as a number and text that looks like one as text', async () => {
    const survey = surveyWith([
      { id: 'n', type: 'number', label: 'Change' },
      { id: 't', type: 'short-text', label: 'Words' },
    ]);
    temp
      .store()
      .saveResponse({ ...newResearchResponse(0, 'signs'), answers: { n: '-3', t: '-3' } });
    const [, row] = rowsOf(await read(labelledCsvStream(temp.store().database(), 'signs', survey)));
    expect(row.slice(5)).toEqual(['-3', "'-3"]);
  });
});

describe('response tags', () => {
  it('reads flag status and code names per response, and nothing for a response with none', () => {
    seed();
    const tags = responseTags(temp.store().database());
    expect([1, 2, 3].map((id) => tags.flagStatus(id))).toEqual(['none', 'open', 'closed']);
    expect(tags.codeNames(1)).toEqual(['Talking', 'Time pressure']);
    expect(tags.codeNames(2)).toEqual([]);
  });
});
