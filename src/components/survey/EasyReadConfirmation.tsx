import type { Survey } from '../../schemas/index.ts';
import type { Pictogram } from '../../schemas/pictograms.ts';
import { EasyReadPoint } from './EasyReadPoint.tsx';
import { ReadAloudControls } from './ReadAloud.tsx';
import { ReceiptPanel } from './ReceiptPanel.tsx';

/** The confirmation in easy read: one idea a sentence, each point with its picture. */
export function EasyReadConfirmation({
  survey,
  receipt,
}: {
  survey: Pick<Survey, 'title' | 'retentionMonths'>;
  receipt: string;
}) {
  const points: { pictogram: Pictogram; alt: string; words: string[] }[] = [
    {
      pictogram: 'code',
      alt: 'A key',
      words: [
        'Your code is in the green box.',
        'Write your code down. Or take a photo of it.',
        'We do not know who you are. The code is the only way to find your answers.',
      ],
    },
    {
      pictogram: 'delete',
      alt: 'A bin',
      words: ['You can change your mind.', 'Use your code to take your answers back.'],
    },
    {
      pictogram: 'results',
      alt: 'A chart',
      words: [
        'The team will read your answers.',
        'They will put what they learn on this website.',
        `They will delete your answers ${survey.retentionMonths} months after the survey ends.`,
      ],
    },
    {
      pictogram: 'help',
      alt: 'Two hands shaking',
      words: ['Did the survey upset you?', 'There are people you can talk to.'],
    },
  ];
  return (
    <>
      <ReceiptPanel title="Answers sent" receipt={receipt} />
      <ReadAloudControls
        words={[
          'Answers sent',
          `Your code is ${receipt.split('').join(' ')}`,
          ...points.flatMap((p) => p.words),
        ]}
        what="this page"
      />
      <p className="govuk-body">Thank you for doing “{survey.title}”.</p>
      {points.map((point) => (
        <EasyReadPoint key={point.pictogram} picture={point}>
          {point.words.map((sentence) => (
            <p className="govuk-body" key={sentence}>
              {sentence}
            </p>
          ))}
        </EasyReadPoint>
      ))}
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href="/withdraw/?easy-read=1">
            Take your answers back
          </a>
        </li>
        <li>
          <a className="govuk-link" href="/findings/">
            Read what we have learned
          </a>
        </li>
        <li>
          <a className="govuk-link" href="/get-help/">
            Find people to talk to
          </a>
        </li>
      </ul>
    </>
  );
}
