import type { Withdrawn } from '../server/store.ts';

/**
 * What the withdrawal confirmation says was deleted, in words: a survey's answers, a journey map,
 * or feedback with its comment, and which activity it was from (when it still exists).
 */
export function withdrawnWords(
  kind: Withdrawn['kind'],
  title: string | undefined,
): { heading: string; body: string } {
  const about = title ? ` ‘${title}’` : '';
  switch (kind) {
    case 'survey':
      return {
        heading: 'Your survey answers have been deleted',
        body: `We have deleted all your answers to the survey${about}, and the consent you gave with them.`,
      };
    case 'journey':
      return {
        heading: 'Your journey map has been deleted',
        body: `We have deleted your journey map${about ? ` from${about}` : ''}: every stage, how each one felt and everything you wrote about it.`,
      };
    case 'feedback':
      return {
        heading: 'Your feedback has been deleted',
        body: `We have deleted your feedback${about ? ` on${about}` : ''}: your ratings, your reactions and your comment, including the comment on the page if it was published.`,
      };
  }
}
