import type { Survey } from '../../schemas/index.ts';
import { ReceiptPanel } from './ReceiptPanel.tsx';
import { ReadAloudControls } from './ReadAloud.tsx';
import { EasyReadConfirmation } from './EasyReadConfirmation.tsx';

/** GOV.UK confirmation: the receipt code in the panel, then what happens next. */
export function Confirmation({
  survey,
  receipt,
  easyRead = false,
}: {
  survey: Pick<Survey, 'title' | 'retentionMonths'>;
  receipt: string;
  easyRead?: boolean;
}) {
  if (easyRead) return <EasyReadConfirmation survey={survey} receipt={receipt} />;
  return (
    <>
      <ReceiptPanel title="Answers sent" receipt={receipt} />
      <ReadAloudControls
        words={[
          'Answers sent',
          `Your receipt code is ${receipt.split('').join(' ')}`,
          'Keep your receipt code. It is the only way to find your answers. You can use it to take your answers back.',
        ]}
        what="your receipt"
      />
      <p className="govuk-body">Thank you for taking part in “{survey.title}”.</p>
      <h2 className="govuk-heading-m">Keep your receipt code</h2>
      <p className="govuk-body">
        Write it down or take a photo of it. It is the only way to find your answers, because we do
        not know who you are. If you change your mind, you can{' '}
        <a className="govuk-link" href="/withdraw/">
          withdraw your answers
        </a>{' '}
        with this code.
      </p>
      <h2 className="govuk-heading-m">What happens next</h2>
      <p className="govuk-body">
        The research team will read your answers with everyone else’s. We will publish what we learn
        as findings on this site. We will delete your answers {survey.retentionMonths} months after
        the survey closes.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href="/findings/">
          Read what we have heard so far
        </a>
      </p>
      <p className="govuk-body">
        If something in the survey upset you,{' '}
        <a className="govuk-link" href="/get-help/">
          there are people you can talk to
        </a>
        .
      </p>
    </>
  );
}
