import type { Withdrawn } from '../server/store.ts';

/**
 * What the withdrawal confirmation says was deleted, in words: a survey's answers, a journey map,
 * or feedback with its comment, and which activity it was from (when it still exists); in
 * standard wording and in easy read, with the rest of the confirmation page's words.
 */
const STANDARD = {
  survey: {
    heading: 'Your survey answers have been deleted',
    body: (about: string) =>
      `We have deleted all your answers to the survey${about}, and the consent you gave with them.`,
  },
  journey: {
    heading: 'Your journey map has been deleted',
    body: (about: string) =>
      `We have deleted your journey map${about ? ` from${about}` : ''}: every stage, how each one felt and everything you wrote about it.`,
  },
  feedback: {
    heading: 'Your feedback has been deleted',
    body: (about: string) =>
      `We have deleted your feedback${about ? ` on${about}` : ''}: your ratings, your reactions and your comment, including the comment on the page if it was published.`,
  },
  notUsed: 'We will not use them in our research',
  meansHeading: 'What this means',
  means: [
    'Nobody in the research team can see them any more, and the code will not work again.',
    'Findings we published before today will not change, but we will not use your answers in anything new.',
  ],
  otherCodes:
    'If you took part in more than one survey or journey map, each has its own receipt code.',
  withdrawOther: 'Withdraw other answers',
};

const EASY_READ: typeof STANDARD = {
  survey: {
    heading: 'We deleted your answers',
    body: (about) =>
      `We deleted your answers to the survey${about}. We deleted your yes to taking part too.`,
  },
  journey: {
    heading: 'We deleted your map',
    body: (about) =>
      `We deleted your map${about ? ` from${about}` : ''}. We deleted every part of it. We deleted what you wrote.`,
  },
  feedback: {
    heading: 'We deleted what you told us',
    body: (about) =>
      `We deleted what you told us${about ? ` about${about}` : ''}. We deleted your comment too.`,
  },
  notUsed: 'We will not use them',
  meansHeading: 'What happens now',
  means: [
    'Nobody in the research team can see them now.',
    'Your code will not work again.',
    'We will not use your answers in anything new.',
  ],
  otherCodes: 'Did you do more than one survey or map? Each one has its own code.',
  withdrawOther: 'Take back other answers',
};

export const withdrawnWordSet = {
  name: 'withdrawal confirmation (src/lib/withdrawnWords.ts)',
  standard: STANDARD,
  easyRead: EASY_READ,
  same: [],
} as const;

export function withdrawnWords(
  kind: Withdrawn['kind'],
  title: string | undefined,
  easyRead = false,
) {
  const words = easyRead ? EASY_READ : STANDARD;
  const about = title ? ` ‘${title}’` : '';
  return { ...words, heading: words[kind].heading, body: words[kind].body(about) };
}
