import { describe, expect, it } from 'vitest';
import {
  answersOf,
  earlierQuestions,
  staleCondition,
  type DraftQuestion,
} from '../../admin/conditionChoices.ts';

const questions: DraftQuestion[] = [
  {
    type: 'single-choice',
    id: 'role',
    label: 'What is your role?',
    options: [
      { value: 'social-worker', label: 'Social worker' },
      { value: 'teacher', label: 'Teacher' },
      { label: 'Half-written option' },
    ],
  },
  { type: 'short-text', id: 'team', label: 'Which team are you in?' },
  { type: 'yes-no', id: 'attended', label: 'Did you attend the meeting?' },
  {
    type: 'rating',
    id: 'useful',
    label: 'How useful was it?',
    min: 1,
    max: 3,
    minLabel: 'Not',
    maxLabel: 'Very',
  },
  { type: 'yes-no', label: 'No short name yet' },
];

describe('earlierQuestions', () => {
  it('offers only questions before this one that have answers to choose, by their wording', () => {
    expect(earlierQuestions(questions, 3).map((q) => [q.id, q.label])).toEqual([
      ['role', 'Question 1: What is your role?'],
      ['attended', 'Question 3: Did you attend the meeting?'],
    ]);
    expect(earlierQuestions(questions, 0)).toEqual([]);
    // Before its place is known, nothing is offered rather than later questions.
    expect(earlierQuestions(questions, -1)).toEqual([]);
  });

  it('follows a renamed or added question', () => {
    const renamed = questions.map((q) =>
      q.id === 'attended' ? { ...q, label: 'Were you there?' } : q,
    );
    expect(earlierQuestions(renamed, 5).map((q) => q.label)).toContain(
      'Question 3: Were you there?',
    );
    expect(earlierQuestions(questions, 5).map((q) => q.id)).toEqual(['role', 'attended', 'useful']);
  });
});

describe('answersOf', () => {
  it('lists options, yes and no, and each rating with its words', () => {
    expect(answersOf(questions[0])).toEqual([
      { value: 'social-worker', label: 'Social worker' },
      { value: 'teacher', label: 'Teacher' },
    ]);
    expect(answersOf(questions[2]).map((a) => a.value)).toEqual(['yes', 'no']);
    expect(answersOf(questions[3])).toEqual([
      { value: '1', label: '1 (Not)' },
      { value: '2', label: '2' },
      { value: '3', label: '3 (Very)' },
    ]);
    expect(answersOf({ type: 'rating' }).map((a) => a.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(answersOf(questions[1])).toEqual([]);
  });
});

describe('staleCondition', () => {
  const choices = earlierQuestions(questions, 4);
  it('names a condition whose question is no longer an earlier one, or whose answer is gone', () => {
    expect(staleCondition({ question: 'role', equals: 'teacher' }, choices)).toEqual({});
    expect(staleCondition(undefined, choices)).toEqual({});
    expect(staleCondition({ question: 'gone', equals: 'yes' }, choices)).toEqual({
      question: 'gone',
      equals: 'yes',
    });
    expect(staleCondition({ question: 'role', equals: 'nurse' }, choices)).toEqual({
      equals: 'nurse',
    });
    // Chosen question, answer not chosen yet: nothing stale, just unfinished.
    expect(staleCondition({ question: 'role', equals: '' }, choices)).toEqual({});
  });
});
