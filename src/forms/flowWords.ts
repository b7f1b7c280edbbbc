/**
 * The words of the survey steps themselves (headings, buttons, notes), in standard wording and
 * in easy read: one idea a sentence, everyday words. The questions' own words come from the
 * survey file.
 */
const STANDARD = {
  start: 'Start the survey',
  continue: 'Continue',
  send: 'Send your answers',
  checkHeading: 'Check your answers before sending them',
  sendHeading: 'Now send your answers',
  sendText:
    'By sending your answers you confirm that you agree to take part, as you said at the start. You will get a receipt code you can use to withdraw them.',
  deviceNote:
    'Your answers are saved on this device until you send them. If you share this computer or phone, clear them when you stop.',
  other: 'Other, please say',
  otherBox: 'If other, please say',
  otherAnswer: 'Other',
  preferNotToSay: 'Prefer not to say',
  notProvided: 'Not provided',
  yourAnswers: 'Your answers',
  backToAll: 'Back to all surveys',
  back: 'Back',
  clearDevice: 'Clear my answers from this device',
  kept: 'We kept the answers you started on this device, so you can carry on where you stopped.',
  switchWording: 'Use easy read wording',
  sending: 'Sending your answers…',
  offline:
    'You seem to be offline. Your answers are saved on this device and will be sent as soon as you are back online. You can keep this page open.',
  notSent: 'Your answers could not be sent. Please try again later.',
  dateHint: 'For example, 27 3 2026',
  problem: 'There is a problem',
};

const EASY_READ: typeof STANDARD = {
  start: 'Start the survey',
  continue: 'Continue',
  send: 'Send your answers',
  checkHeading: 'Check your answers before sending them',
  sendHeading: 'Send your answers',
  sendText:
    'When you send your answers, you agree to take part. We will give you a code. You can use the code to take your answers back.',
  deviceNote:
    'This phone or computer keeps your answers until you send them. Do other people use it? Then clear your answers when you stop.',
  other: 'Something else',
  otherBox: 'Tell us what it is',
  otherAnswer: 'Something else',
  preferNotToSay: 'Prefer not to say',
  notProvided: 'You did not answer',
  yourAnswers: 'Your answers',
  backToAll: 'Go back to all the surveys',
  back: 'Back',
  clearDevice: 'Clear my answers from this device',
  kept: 'This phone or computer kept your answers. You can carry on from where you stopped.',
  switchWording: 'Use standard wording',
  sending: 'We are sending your answers…',
  offline:
    'You are not online. This phone or computer keeps your answers. We will send them when you are online again. Keep this page open.',
  notSent: 'We could not send your answers. Please try again later.',
  dateHint: 'Write the day, the month and the year. For example: 27 3 2026',
  problem: 'There is a problem',
};

export const flowWordSet = {
  name: 'survey steps (src/forms/flowWords.ts)',
  standard: STANDARD,
  easyRead: EASY_READ,
  // Already short everyday words, or the words of a button or box the participant meets
  // in both wordings (GOV.UK's own "There is a problem", "Back").
  same: [
    'start',
    'continue',
    'send',
    'checkHeading',
    'preferNotToSay',
    'yourAnswers',
    'back',
    'clearDevice',
    'problem',
  ],
} as const;

export const flowWords = (easyRead: boolean) => (easyRead ? EASY_READ : STANDARD);
