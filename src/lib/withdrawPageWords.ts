/**
 * The words of /withdraw/, in standard wording and in easy read (one idea a sentence, everyday
 * words). Easy read is chosen by `?easy-read=1`, which an easy-read activity's confirmation links
 * to and the page's own switch sets; the form keeps it when it posts.
 */
const STANDARD = {
  heading: 'Withdraw your answers',
  intro: [
    'You can take back what you told us at any time before we finish analysing it. You do not have to say why.',
    'When you finished a survey or journey map, or sent feedback on a prototype scope, you got a receipt code. Enter it here and we will delete your answers straight away, including a published comment. The code does not tell us who you are.',
  ],
  label: 'Your receipt code',
  hint: 'For example, 7K3M-9QPD-XR2A-TB5H',
  button: 'Withdraw my answers',
  empty: 'Enter your receipt code',
  // One message for every code that deletes nothing, so the page never reveals whether a code
  // was ever valid.
  notFound: 'We could not find any answers with that receipt code. Check the code and try again.',
  lostHeading: 'If you have lost your code',
  lostBefore: 'Email',
  lostAfter:
    'and tell us roughly when you took part. We will do our best to find your answers without asking who you are.',
  switchTo: 'Read this page in easy read',
  important: 'Important',
  tooMany: (minutes: number) =>
    `Too many receipt codes have been tried. Please wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again.`,
  tooManyWhy:
    'We limit how many codes can be tried, to keep everyone’s answers safe. Your answers have not been deleted yet.',
  unavailable:
    'Sorry, the site cannot make changes just now and your answers have not been deleted yet. Please try again in a few minutes.',
};

const EASY_READ: typeof STANDARD = {
  heading: 'Take your answers back',
  intro: [
    'You can take your answers back. You do not have to say why.',
    'At the end of a survey we gave you a code. Type the code here. We will delete your answers straight away.',
    'The code does not tell us who you are.',
  ],
  label: 'Your code',
  hint: 'It looks like this: 7K3M-9QPD-XR2A-TB5H',
  button: 'Take my answers back',
  empty: 'Type your code',
  notFound: 'We did not find any answers with that code. Check the code. Then try again.',
  lostHeading: 'Have you lost your code?',
  lostBefore: 'Send us an email at',
  lostAfter: 'and tell us when you took part. We will try to find your answers.',
  switchTo: 'Use standard wording',
  important: 'Important',
  tooMany: (minutes) =>
    `Too many codes were tried. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}. Then try again.`,
  tooManyWhy: 'This keeps everyone’s answers safe. We have not deleted your answers yet.',
  unavailable:
    'Sorry, the site is not working right now. We have not deleted your answers yet. Try again in a few minutes.',
};

export const withdrawPageWordSet = {
  name: 'withdraw page (src/lib/withdrawPageWords.ts)',
  standard: STANDARD,
  easyRead: EASY_READ,
  same: ['important'],
} as const;

export const withdrawPageWords = (easyRead: boolean) => (easyRead ? EASY_READ : STANDARD);

/** The page's own address in the other wording: the switch between the two. */
export const withdrawPageIn = (easyRead: boolean) =>
  easyRead ? '/withdraw/?easy-read=1' : '/withdraw/';
