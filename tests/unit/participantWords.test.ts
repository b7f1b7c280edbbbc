import { describe, expect, it } from 'vitest';
import {
  assertEasyReadWords,
  missingEasyReadWords,
  PARTICIPANT_WORD_SETS,
} from '../../src/lib/participantWords.ts';
import { answerErrorWords } from '../../src/forms/answerErrorWords.ts';
import { journeyWords } from '../../src/forms/journeyWords.ts';

const STANDARD = {
  heading: 'Withdraw your answers',
  button: 'Continue',
  minutes: (n: number) => `About ${n} minutes`,
  panel: { heading: 'Deleted', body: (about: string) => `We deleted ${about}` },
};

describe('the site’s own participant words', () => {
  it('each have an easy-read version', () => {
    expect(missingEasyReadWords()).toEqual([]);
    expect(() => assertEasyReadWords()).not.toThrow();
  });

  it('covers the survey steps, answer errors, journey steps, intro and withdrawal', () => {
    expect(PARTICIPANT_WORD_SETS.map((set) => set.name.split(' (')[0])).toEqual([
      'survey steps',
      'answer errors',
      'journey map steps',
      'activity introduction',
      'withdraw page',
      'withdrawal confirmation',
    ]);
  });

  it('stops the build naming a string that is missing, empty or copied unchanged', () => {
    const set = {
      name: 'example',
      standard: STANDARD,
      easyRead: {
        ...STANDARD,
        heading: '',
        minutes: (n: number) => `About ${n} minutes`,
        panel: { heading: 'We deleted it', body: STANDARD.panel.body },
      },
      same: ['button'],
    };
    expect(missingEasyReadWords([set])).toEqual([
      'example: heading',
      'example: minutes',
      'example: panel.body',
    ]);
    expect(() => assertEasyReadWords([set])).toThrow(
      /no easy-read version:\n {2}example: heading\n {2}example: minutes\n {2}example: panel.body/,
    );
  });

  it('passes a set whose every string is written in easy read or listed as the same', () => {
    const set = {
      name: 'example',
      standard: STANDARD,
      easyRead: {
        heading: 'Take your answers back',
        button: 'Continue',
        minutes: (n: number) => `It takes about ${n} minutes`,
        panel: { heading: 'We deleted it', body: (about: string) => `It is gone: ${about}` },
      },
      same: ['button'],
    };
    expect(missingEasyReadWords([set])).toEqual([]);
  });

  it('names the question in easy-read errors and keeps each error distinct', () => {
    const easy = answerErrorWords(true);
    expect(easy.notANumber('How many children?')).toBe(
      'Write a number for: How many children?. Use only numbers, like 12.',
    );
    expect(easy.dateMissing('When did it start', ['day', 'year'])).toBe(
      'Write the day and the year for: When did it start',
    );
    expect(journeyWords(true).titles.stage(2, 5)).toBe('Part 2 of 5 of your map');
  });
});
