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
};

export const flowWords = (easyRead: boolean) => (easyRead ? EASY_READ : STANDARD);
