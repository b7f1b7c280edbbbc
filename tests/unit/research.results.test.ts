import { describe, expect, it } from 'vitest';
import {
  LISTED_ANSWERS,
  median,
  parseResultsQuery,
  surveyResults,
  type QuestionResult,
} from '../../src/server/research/results.ts';
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
    expect([caseload.answered, caseload.notAnswered]).toEqual([3, 2]);
  });

  it('lists free text, newest first, and the date range', () => {
    const help = byId(questions, 'help');
    expect(help.kind === 'text' && help.answers.map((a) => a.responseId)).toEqual([4, 3, 2, 1]);
    expect([help.answered, help.notAnswered]).toEqual([4, 1]);
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
      where: { question: 'used-tool', value: 'yes' },
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
      where: { question: 'used-tool', value: 'no' },
    });
    const evenMedian = byId(no.questions, 'confident');
    expect(evenMedian.kind === 'rating' && evenMedian.median).toBe(3);
  });

  it('filters multiple choice by any chosen value, and by date range', () => {
    expect(
      surveyResults(researchSurvey, responses, { where: { question: 'barriers', value: 'time' } })
        .total,
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
      filter: {
        where: { question: 'used-tool', value: 'yes' },
        from: '2027-01-01',
        to: '2027-01-31',
        search: 'time',
        sort: 'oldest',
      },
    });
    expect(parse('where=role:prefer-not-to-say').ok).toBe(true);
    expect(parse('where=confident:5').ok).toBe(true);
    expect(parse('')).toEqual({ ok: true, filter: { sort: 'newest' } });
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
