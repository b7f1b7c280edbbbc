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
  lostBefore: 'Tell us when you took part. We will try to find your answers. Send an email to',
  lostAfter: '',
  switchTo: 'Use standard wording',
};

export const withdrawPageWords = (easyRead: boolean) => (easyRead ? EASY_READ : STANDARD);

/** The page's own address in the other wording: the switch between the two. */
export const withdrawPageIn = (easyRead: boolean) =>
  easyRead ? '/withdraw/?easy-read=1' : '/withdraw/';
