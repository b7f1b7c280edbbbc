import { describe, expect, it } from 'vitest';
import {
  answerStatus,
  LISTED_ANSWERS,
  median,
  mostCommon,
  parseDay,
  parseResultsQuery,
  surveyResults,
  type QuestionResult,
} from '../../src/server/research/results.ts';
import { surveyWith } from '../fixtures/exportTesting.ts';
import { researchSurvey, storedResearchResponses } from '../fixtures/researchData.ts';

const responses = storedResearchResponses;
const byId = (results: QuestionResult[], id: string) => results.find((r) => r.question.id === id)!;
const counts = (result: QuestionResult) =>
  'rows' in result
    ? Object.fromEntries(result.rows.map((r) => [r.value, [r.count, r.percent]]))
    : {};

// Every expected number below was worked out by hand from tests/fixtures/researchData.ts.
describe('survey results', () => {
  const { total, questions } = surveyResults(researchSurvey, responses);

  it('counts every response', () => expect(total).toBe(5));

  it('counts a single choice with Other and Prefer not to say', () => {
    const role = byId(questions, 'role');
    expect(counts(role)).toEqual({
      teacher: [2, 40],
      police: [1, 20],
      other: [1, 20],
      'prefer-not-to-say': [1, 20],
    });
    expect(role.kind === 'choice' && role.otherAnswers.map((a) => a.text)).toEqual([
      'School nurse',
    ]);
  });

  it('counts a multiple choice against those who answered, with None and Other', () => {
    const barriers = byId(questions, 'barriers');
    expect(counts(barriers)).toEqual({
      time: [2, 40],
      systems: [2, 40],
      other: [1, 20],
      none: [1, 20],
    });
    expect(barriers.answered).toBe(5);
  });

  it('counts yes/no', () => {
    expect(counts(byId(questions, 'used-tool'))).toEqual({ yes: [3, 60], no: [2, 40] });
  });

  it('gives a rating distribution and its median (numbers and numeric strings alike)', () => {
    const rating = byId(questions, 'confident');
    expect(counts(rating)).toEqual({
      '1': [0, 0],
      '2': [1, 20],
      '3': [1, 20],
      '4': [2, 40],
      '5': [1, 20],
    });
    expect(rating.kind === 'rating' && rating.median).toBe(4);
  });

  it('gives number statistics, skipping blanks', () => {
    const caseload = byId(questions, 'caseload');
    expect(caseload.kind === 'number' && caseload.stats).toEqual({
      count: 3,
      min: 10,
      max: 30,
      mean: 20,
      median: 20,
    });
    expect([caseload.answered, caseload.skipped, caseload.notAsked]).toEqual([3, 2, 0]);
  });

  it('lists free text, newest first, and the date range', () => {
    const help = byId(questions, 'help');
    expect(help.kind === 'text' && help.answers.map((a) => a.responseId)).toEqual([4, 3, 2, 1]);
    expect([help.answered, help.skipped, help.notAsked]).toEqual([4, 1, 0]);
    const date = byId(questions, 'last-meeting');
    expect(date.kind === 'date' && [date.earliest, date.latest]).toEqual([
      '2026-12-15',
      '2027-01-03',
    ]);
  });

  it('searches free text case-insensitively', () => {
    const { questions: found } = surveyResults(researchSurvey, responses, {
      search: 'TIME',
      sort: 'oldest',
    });
    const help = byId(found, 'help');
    expect(help.kind === 'text' && help.answers.map((a) => a.responseId)).toEqual([1, 4]);
  });

  it('lists only the first answers of a large survey, and says how many match', () => {
    const many = Array.from({ length: LISTED_ANSWERS + 50 }, (_, i) => ({
      ...responses[0],
      id: i + 1,
      answers: { ...responses[0].answers, help: `Answer number ${i + 1}` },
    }));
    const help = byId(surveyResults(researchSurvey, many).questions, 'help');
    expect(help.kind === 'text' && [help.answers.length, help.matching]).toEqual([
      LISTED_ANSWERS,
      LISTED_ANSWERS + 50,
    ]);
    // Newest first: the list starts with the last response received.
    expect(help.kind === 'text' && help.answers[0].responseId).toBe(LISTED_ANSWERS + 50);
    expect(help.answered).toBe(LISTED_ANSWERS + 50);
  });

  it('filters to responses with a given answer', () => {
    const { total: kept, questions: q } = surveyResults(researchSurvey, responses, {
      where: [{ question: 'used-tool', value: 'yes' }],
    });
    expect(kept).toBe(3);
    expect(counts(byId(q, 'role'))).toMatchObject({
      teacher: [2, 66.7],
      other: [1, 33.3],
      police: [0, 0],
    });
    const rating = byId(q, 'confident');
    expect(rating.kind === 'rating' && rating.median).toBe(4);
    const no = surveyResults(researchSurvey, responses, {
      where: [{ question: 'used-tool', value: 'no' }],
    });
    const evenMedian = byId(no.questions, 'confident');
    expect(evenMedian.kind === 'rating' && evenMedian.median).toBe(3);
  });

  it('filters multiple choice by any chosen value, and by date range', () => {
    expect(
      surveyResults(researchSurvey, responses, {
        where: [{ question: 'barriers', value: 'time' }],
      }).total,
    ).toBe(2);
    expect(
      surveyResults(researchSurvey, responses, { from: '2027-01-11', to: '2027-01-11' }).total,
    ).toBe(1);
    expect(surveyResults(researchSurvey, responses, { from: '2027-01-11' }).total).toBe(3);
  });

  it('median of nothing is null, of an even count the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe('results query (allow-listed, G10)', () => {
  const parse = (query: string) => parseResultsQuery(new URLSearchParams(query), researchSurvey);

  it('accepts a known question and one of its answers, dates, a search and a sort', () => {
    expect(
      parse('where=used-tool:yes&from=2027-01-01&to=2027-01-31&search=time&sort=oldest'),
    ).toEqual({
      ok: true,
      analysis: { hideSmall: false },
      filter: {
        where: [{ question: 'used-tool', value: 'yes' }],
        from: '2027-01-01',
        to: '2027-01-31',
        search: 'time',
        sort: 'oldest',
      },
    });
    expect(parse('where=role:prefer-not-to-say').ok).toBe(true);
    expect(parse('where=confident:5').ok).toBe(true);
    expect(parse('')).toEqual({
      ok: true,
      filter: { sort: 'newest' },
      analysis: { hideSmall: false },
    });
  });

  it.each([
    'where=password_hash:x',
    'where=help:anything',
    'where=used-tool:maybe',
    'where=used-tool',
    'where=:yes',
    'from=2027-13-01',
    "to=2027-01-01' OR 1=1",
    'sort=password_hash',
    `search=${'a'.repeat(201)}`,
  ])('refuses %s', (query) => {
    expect(parse(query).ok).toBe(false);
  });
});

describe('several filters, ties, skipped and not asked', () => {
  it('keeps only responses matching every filter at once', () => {
    const both = surveyResults(researchSurvey, responses, {
      where: [
        { question: 'used-tool', value: 'yes' },
        { question: 'role', value: 'teacher' },
      ],
    });
    expect(both.total).toBe(2);
    const none = surveyResults(researchSurvey, responses, {
      where: [
        { question: 'used-tool', value: 'no' },
        { question: 'role', value: 'teacher' },
      ],
    });
    expect(none.total).toBe(0);
  });

  it('names every answer tied for most common, and none when nobody answered', () => {
    const role = byId(surveyResults(researchSurvey, responses).questions, 'role');
    expect('rows' in role && mostCommon(role.rows).map((r) => r.value)).toEqual(['teacher']);
    const tool = byId(surveyResults(researchSurvey, responses.slice(0, 2)).questions, 'used-tool');
    expect('rows' in tool && mostCommon(tool.rows).map((r) => r.value)).toEqual(['yes', 'no']);
    const empty = byId(surveyResults(researchSurvey, []).questions, 'role');
    expect('rows' in empty && mostCommon(empty.rows)).toEqual([]);
  });

  it('counts those who skipped a question apart from those never asked it', () => {
    const survey = surveyWith([
      { id: 'used', type: 'yes-no', label: 'Used it?', optional: true },
      {
        id: 'why',
        type: 'short-text',
        label: 'Why?',
        optional: true,
        showIf: { question: 'used', equals: 'yes' },
      },
    ]);
    const stored = [{ used: 'yes', why: 'Quick' }, { used: 'yes' }, { used: 'no' }, {}].map(
      (answers, i) => ({ ...responses[0], id: i + 1, answers }),
    );
    const [used, why] = surveyResults(survey, stored).questions;
    expect([used.answered, used.skipped, used.notAsked]).toEqual([3, 1, 0]);
    expect([why.answered, why.skipped, why.notAsked]).toEqual([1, 1, 2]);
    expect(answerStatus(survey.questions[1], { used: 'no' }, survey.questions)).toBe('not-asked');
  });
});

describe('dates typed in the filter', () => {
  it.each([
    ['31/1/2027', '2027-01-31'],
    ['1/12/2026', '2026-12-01'],
    ['2027-01-31', '2027-01-31'],
    ['31/2/2027', null],
    ['2027-02-30', null],
    ['2027-1-31', null],
    ['tomorrow', null],
  ])('%s is %s', (text, day) => expect(parseDay(text)).toBe(day));

  it('reads the hint’s own format in the query', () => {
    const parsed = parseResultsQuery(new URLSearchParams('from=31/1/2027'), researchSurvey);
    expect(parsed.ok && parsed.filter.from).toBe('2027-01-31');
  });
});

describe('analysis query (allow-listed, G10)', () => {
  const parse = (query: string) => parseResultsQuery(new URLSearchParams(query), researchSurvey);

  it('accepts two closed questions to cross-tabulate, one to compare by, and hiding small counts', () => {
    expect(parse('rows=role&columns=used-tool&compare=barriers&hide-small=1')).toMatchObject({
      ok: true,
      analysis: {
        crossTab: { rows: 'role', columns: 'used-tool' },
        compare: 'barriers',
        hideSmall: true,
      },
    });
    expect(parse('where=role:teacher&where=used-tool:yes&where=')).toMatchObject({
      ok: true,
      filter: { where: [{ question: 'role' }, { question: 'used-tool' }] },
    });
  });

  it.each([
    ['rows=help&columns=role', 'rows'],
    ['rows=role&columns=password_hash', 'columns'],
    ['rows=role', 'columns'],
    ['rows=role&columns=role', 'columns'],
    ['compare=caseload', 'compare'],
    ['where=role:teacher&where=role:astronaut', 'where-role'],
    ['from=31/2/2027', 'from'],
    [Array.from({ length: 51 }, () => 'where=role:teacher').join('&'), 'filters'],
  ])('refuses %s, naming the field %s', (query, field) => {
    expect(parse(query)).toMatchObject({ ok: false, field });
  });
});
