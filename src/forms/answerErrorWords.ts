/**
 * The error messages of survey answers, in standard wording (GOV.UK error message guidance: say
 * what to do, name the question) and in easy read (one short idea a sentence, everyday words,
 * still naming the question so each error summary link differs, WCAG 2.4.4). `about` is the
 * question as the participant read it, already shortened.
 */
const STANDARD = {
  enterText: (about: string) => `Enter an answer to: ${about}`,
  textTooLong: (about: string, max: number) =>
    `Your answer to ‘${about}’ must be ${max} characters or fewer`,
  selectOne: (about: string) => `Select one of the options for: ${about}`,
  selectAnswer: (about: string) => `Select an answer to: ${about}`,
  selectAtLeastOne: (about: string) => `Select at least one option for: ${about}`,
  onlyShown: (about: string) => `Select only the options shown for: ${about}`,
  notBoth: (name: string) => `Select ‘${name}’ or select other options, not both`,
  notANumber: (about: string) => `Your answer to ‘${about}’ must be a number, like 12`,
  numberAndDeclined: (about: string) =>
    `Enter a number for ‘${about}’ or select ‘Prefer not to say’, not both`,
  atLeast: (about: string, min: number) => `Your answer to ‘${about}’ must be ${min} or more`,
  atMost: (about: string, max: number) => `Your answer to ‘${about}’ must be ${max} or less`,
  enterNumber: (about: string) => `Enter a number for: ${about}`,
  enterNumberOrDecline: (about: string) =>
    `Enter a number for ‘${about}’, or select ‘Prefer not to say’`,
  enterDate: (about: string) => `Enter a date for: ${about}`,
  dateMissing: (about: string, missing: string[]) =>
    `The date for ‘${about}’ must include a ${missing.join(' and ')}`,
  notARealDate: (about: string) => `The date for ‘${about}’ must be a real date`,
  notInFuture: (about: string) => `The date for ‘${about}’ must be today or in the past`,
  enterOther: (about: string) => `Enter your other answer to: ${about}`,
  otherTooLong: (about: string) =>
    `Your other answer to ‘${about}’ must be 200 characters or fewer`,
  noneOfThese: 'None of these',
  preferNotToSay: 'Prefer not to say',
};

const EASY_READ: typeof STANDARD = {
  enterText: (about) => `Write your answer to: ${about}`,
  textTooLong: (about, max) => `Please write less for: ${about}. Use ${max} letters or fewer.`,
  selectOne: (about) => `Choose 1 answer from the list for: ${about}`,
  selectAnswer: (about) => `Choose your answer to: ${about}`,
  selectAtLeastOne: (about) => `Choose 1 or more answers for: ${about}`,
  onlyShown: (about) => `Choose only answers from the list for: ${about}`,
  notBoth: (name) => `You chose ‘${name}’. Take away your other answers. Or take away ‘${name}’.`,
  notANumber: (about) => `Write a number for: ${about}. Use only numbers, like 12.`,
  numberAndDeclined: (about) =>
    `Write a number for: ${about}. Or choose ‘Prefer not to say’. Do not do both.`,
  atLeast: (about, min) => `The number for: ${about} is too small. It must be ${min} or more.`,
  atMost: (about, max) => `The number for: ${about} is too big. It must be ${max} or less.`,
  enterNumber: (about) => `Write a number for: ${about}`,
  enterNumberOrDecline: (about) => `Write a number for: ${about}. Or choose ‘Prefer not to say’.`,
  enterDate: (about) => `Write the date for: ${about}`,
  dateMissing: (about, missing) => `Write the ${missing.join(' and the ')} for: ${about}`,
  notARealDate: (about) => `Check the date for: ${about}. This date is not on the calendar.`,
  notInFuture: (about) => `Check the date for: ${about}. It must be today or before today.`,
  enterOther: (about) => `Tell us what ‘something else’ is for: ${about}`,
  otherTooLong: (about) =>
    `Please write less about ‘something else’ for: ${about}. Use 200 letters or fewer.`,
  noneOfThese: 'None of these',
  preferNotToSay: 'Prefer not to say',
};

export const answerErrorWordSet = {
  name: 'answer errors (src/forms/answerErrorWords.ts)',
  standard: STANDARD,
  easyRead: EASY_READ,
  // Already in everyday words, and the words of the boxes the participant ticked.
  same: ['noneOfThese', 'preferNotToSay'],
} as const;

export const answerErrorWords = (easyRead: boolean) => (easyRead ? EASY_READ : STANDARD);
