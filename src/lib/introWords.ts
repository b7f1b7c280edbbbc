import type { AUDIENCES } from '../schemas/audiences.ts';
import { AUDIENCE_LABELS } from '../schemas/audiences.ts';

type Audience = (typeof AUDIENCES)[number];

/**
 * The words of an activity's introduction around its own text: the facts list (who it is for,
 * how long, when it is open, how long answers are kept) and the headings, in standard wording
 * and in easy read (one idea a sentence, everyday words).
 */
const STANDARD = {
  whoFor: 'Who it is for',
  audiences: AUDIENCE_LABELS as Record<Audience, string>,
  howLong: 'How long it takes',
  minutes: (n: number) => `About ${n} minutes`,
  status: 'Status',
  statuses: { draft: 'Draft', open: 'Open', closed: 'Closed' } as Record<
    'draft' | 'open' | 'closed',
    string
  >,
  fromTo: ['from', 'to'] as [string, string],
  keep: 'How long we keep answers',
  keepFor: (months: number) => `${months} months after it closes, then they are deleted`,
  about: 'About this research',
  otherWording: (easyRead: boolean) =>
    easyRead ? 'Read this in standard wording' : 'Read this in easy read',
  agreeHeading: 'What you will be asked to agree to',
  withdrawNote:
    'You can withdraw your answers later with the receipt code you get when you finish.',
};

const EASY_READ: typeof STANDARD = {
  whoFor: 'Who can take part',
  audiences: {
    practitioners: 'People who work with children. For example social workers and teachers.',
    families: 'Families who get help from children’s services',
    'ecdp-members': 'Members of Essex Coalition of Disabled People',
    stakeholders: 'People who plan and pay for services',
  },
  howLong: 'How long it takes',
  minutes: (n) => `About ${n} minutes`,
  status: 'Can you take part now?',
  statuses: { draft: 'Not yet', open: 'Yes', closed: 'No. It has finished.' },
  fromTo: ['It starts on', 'It ends on'],
  keep: 'How long we keep your answers',
  keepFor: (months) => `We keep them for ${months} months after it ends. Then we delete them.`,
  about: 'About this research',
  otherWording: (easyRead) =>
    easyRead ? 'Read this in standard wording' : 'Read this in easy read',
  agreeHeading: 'What you agree to',
  withdrawNote: 'At the end we give you a code. You can use the code to take your answers back.',
};

export const introWordSet = {
  name: 'activity introduction (src/lib/introWords.ts)',
  standard: STANDARD,
  easyRead: EASY_READ,
  // Already short everyday words; the switch names the other wording and so is the same in both.
  same: ['howLong', 'minutes', 'about', 'otherWording', 'audiences.ecdp-members'],
} as const;

export const introWords = (easyRead: boolean) => (easyRead ? EASY_READ : STANDARD);
