import type { Journey } from '../schemas/index.ts';
import type { Pictogram } from '../schemas/pictograms.ts';
import { consentErrors, type FieldErrors } from './validateSurvey.ts';

/**
 * The words of the journey-map steps themselves (headings, labels, buttons, errors), in standard
 * wording and in easy read (UK conventions: one idea a sentence, short everyday words, a picture
 * beside each key point). The activity's own words (intro, consent, stages, roles) come from its
 * content file, and the build stops when one has no easy-read version (src/schemas/easyRead.ts).
 */
export interface JourneyWords {
  howToStart: string;
  suggested: (names: string) => string;
  blank: string;
  kept: (count: number) => string;
  start: string;
  saveAndContinue: string;
  continue: string;
  send: string;
  back: string;
  stage: (n: number, of: number, name: string) => string;
  newStage: string;
  name: string;
  happened: string;
  who: string;
  someoneElse: string;
  feeling: string;
  feelings: [string, string, string, string, string];
  helped: string;
  wouldHaveHelped: string;
  stagesHeading: (count: number) => string;
  noStages: string;
  addAnother: (any: boolean) => string;
  yes: string;
  no: string;
  change: string;
  remove: string;
  notFinished: string;
  role: string;
  checkHeading: string;
  takingPartAs: string;
  deviceNote: string;
  /** What a stage is called where a screen reader hears it after "Change" or "Remove". */
  stageWord: string;
  /** Page titles of the inner steps (the start's title is the activity's own). */
  titles: {
    stages: string;
    role: string;
    check: string;
    stage: (n: number, of: number) => string;
    sent: string;
  };
  switchWording: string;
  offline: string;
  notSent: string;
  clearDevice: string;
  cleared: string;
  restored: string;
  backToAll: string;
  /** The check page's table of the whole map. */
  table: { caption: string; columns: [string, string, string, string, string, string] };
  /** The picture beside each key point in easy read, with its alternative text. */
  pictures: Record<
    | 'name'
    | 'happened'
    | 'who'
    | 'feeling'
    | 'helped'
    | 'wouldHaveHelped'
    | 'addAnother'
    | 'role'
    | 'check',
    { pictogram: Pictogram; alt: string }
  >;
}

const STANDARD: JourneyWords = {
  howToStart: 'How do you want to start?',
  suggested: (names) => `With our suggested stages (${names})`,
  blank: 'With a blank map',
  kept: (count) =>
    `Your map has ${count === 1 ? '1 stage' : `${count} stages`} already. We will keep ${count === 1 ? 'it' : 'them'} when you carry on.`,
  start: 'Start your map',
  saveAndContinue: 'Save and continue',
  continue: 'Continue',
  send: 'Send your journey map',
  back: 'Back',
  stage: (n, of, name) => `Stage ${n} of ${of}: ${name}`,
  newStage: 'New stage',
  name: 'Name of this stage',
  happened: 'What happened? (optional)',
  who: 'Who was involved? (optional)',
  someoneElse: 'Someone else',
  feeling: 'How did it feel?',
  feelings: ['Very bad', 'Bad', 'Neither good nor bad', 'Good', 'Very good'],
  helped: 'What helped? (optional)',
  wouldHaveHelped: 'What would have helped? (optional)',
  stagesHeading: (count) => `You have added ${count === 1 ? '1 stage' : `${count} stages`}`,
  noStages: 'You have not added any stages',
  addAnother: (any) => (any ? 'Add another stage?' : 'Add a stage?'),
  yes: 'Yes',
  no: 'No',
  change: 'Change',
  remove: 'Remove',
  notFinished: 'Not finished',
  role: 'Which best describes you?',
  checkHeading: 'Check your journey map',
  takingPartAs: 'You are taking part as',
  deviceNote:
    'Your map is saved on this device until you send it. If you share this computer or phone, clear it when you stop.',
  stageWord: 'stage',
  titles: {
    stages: 'Stages of your journey map',
    role: 'Which best describes you?',
    check: 'Check your journey map',
    stage: (n, of) => `Stage ${n}${of ? ` of ${of}` : ''} of your journey map`,
    sent: 'Journey map sent',
  },
  switchWording: 'Use easy read wording',
  notSent: 'Your map could not be sent. Please try again later.',
  clearDevice: 'Clear my answers from this device',
  cleared: 'Your map has been cleared from this device.',
  restored: 'We kept the map you started on this device, so you can carry on where you stopped.',
  backToAll: 'Back to journey mapping',
  table: {
    caption: 'Your journey, stage by stage',
    columns: [
      'Stage',
      'How it felt',
      'Who was involved',
      'What happened',
      'What helped',
      'What would have helped',
    ],
  },
  offline:
    'You seem to be offline. Your map is saved on this device and will be sent as soon as you are back online.',
  pictures: {
    name: { pictogram: 'write', alt: 'A hand writing' },
    happened: { pictogram: 'talking', alt: 'A speech bubble' },
    who: { pictogram: 'other-people', alt: 'Two people' },
    feeling: { pictogram: 'happy', alt: 'A smiling face' },
    helped: { pictogram: 'good-idea', alt: 'A thumbs up' },
    wouldHaveHelped: { pictogram: 'idea', alt: 'A light bulb' },
    addAnother: { pictogram: 'question', alt: 'A question mark' },
    role: { pictogram: 'you', alt: 'A person' },
    check: { pictogram: 'agree', alt: 'A tick' },
  },
};

const EASY_READ: JourneyWords = {
  ...STANDARD,
  howToStart: 'How do you want to start?',
  suggested: (names) => `Use our parts: ${names}`,
  blank: 'Start with nothing. Make your own parts.',
  kept: (count) =>
    `You have told us about ${count === 1 ? '1 part' : `${count} parts`}. We will keep what you wrote.`,
  start: 'Start',
  saveAndContinue: 'Next',
  continue: 'Next',
  send: 'Send your map',
  stage: (n, of, name) => `Part ${n} of ${of}: ${name}`,
  newStage: 'New part',
  name: 'What do you call this part?',
  happened: 'What happened? You do not have to say.',
  who: 'Who was there? You do not have to say.',
  feeling: 'How did it feel?',
  feelings: ['Very bad', 'Bad', 'OK', 'Good', 'Very good'],
  helped: 'What helped? You do not have to say.',
  wouldHaveHelped: 'What would have helped? You do not have to say.',
  stagesHeading: (count) => `You have told us about ${count === 1 ? '1 part' : `${count} parts`}`,
  noStages: 'You have not told us about any parts yet',
  addAnother: (any) => (any ? 'Do you want to add another part?' : 'Do you want to add a part?'),
  notFinished: 'Not done yet',
  role: 'Who are you?',
  checkHeading: 'Check your map',
  takingPartAs: 'You are',
  deviceNote:
    'This phone or computer keeps your map until you send it. Do other people use it? Then clear your map when you stop.',
  stageWord: 'part',
  titles: {
    stages: 'The parts of your map',
    role: 'Who are you?',
    check: 'Check your map',
    stage: (n, of) => `Part ${n}${of ? ` of ${of}` : ''} of your map`,
    sent: 'We got your map',
  },
  switchWording: 'Use standard wording',
  notSent: 'We could not send your map. Please try again later.',
  clearDevice: 'Clear my answers from this device',
  cleared: 'We took your map off this phone or computer.',
  restored: 'This phone or computer kept your map. You can carry on from where you stopped.',
  backToAll: 'Go back to all the journey maps',
  table: {
    caption: 'Your map, part by part',
    columns: [
      'Part',
      'How it felt',
      'Who was there',
      'What happened',
      'What helped',
      'What would have helped',
    ],
  },
  offline:
    'You are not online. This phone or computer keeps your map. We will send it when you are online again.',
};

export const journeyWordSet = {
  name: 'journey map steps (src/forms/journeyWords.ts)',
  standard: STANDARD,
  easyRead: EASY_READ,
  // Short everyday words already, or pictures whose alternative text is plain.
  same: [
    'howToStart',
    'back',
    'feeling',
    'someoneElse',
    'yes',
    'no',
    'change',
    'remove',
    'pictures',
    'clearDevice',
  ],
} as const;

export const journeyWords = (easyRead: boolean) => (easyRead ? EASY_READ : STANDARD);

const EASY_FIELD: Record<string, string> = {
  happened: 'what happened',
  helped: 'what helped',
  wouldHaveHelped: 'what would have helped',
};

/**
 * Errors in easy-read words: what to do, in one short sentence, naming the part by number and
 * the box by what it asks, so no two error summary links read the same (WCAG 2.4.4). Consent
 * errors quote the statement as the participant read it in easy read.
 */
export function easyReadErrors(
  errors: FieldErrors,
  journey?: Pick<Journey, 'consent'>,
): FieldErrors {
  const consent = journey ? consentErrors(journey, {}, true) : {};
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const stage = /^stages\.(\d+)\.(\w+)$/.exec(key);
    const part = stage ? `part ${Number(stage[1]) + 1}` : '';
    out[key] = !stage
      ? key === 'role'
        ? 'Choose who you are.'
        : key === 'another'
          ? 'Choose yes or no.'
          : key === 'stages'
            ? 'Add at least 1 part.'
            : (consent[key] ?? message)
      : stage[2] === 'name'
        ? /characters or fewer/.test(message)
          ? `The name of ${part} is too long. Use 80 letters or fewer.`
          : `Write a name for ${part}.`
        : stage[2] === 'feeling'
          ? `Choose how ${part} felt.`
          : stage[2] === 'who'
            ? `Choose only people on the list for ${part}.`
            : `What you wrote about ${EASY_FIELD[stage[2]] ?? 'this'} in ${part} is too long. Make it shorter.`;
  }
  return out;
}
