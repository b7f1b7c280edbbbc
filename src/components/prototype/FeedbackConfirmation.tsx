import type { Prototype } from '../../schemas/index.ts';
import { ReceiptPanel } from '../survey/ReceiptPanel.tsx';

/** GOV.UK confirmation for feedback: the receipt code, then what happens to the words. */
export function FeedbackConfirmation({
  prototype,
  slug,
  receipt,
}: {
  prototype: Pick<Prototype, 'title' | 'retentionMonths'>;
  slug: string;
  receipt: string;
}) {
  return (
    <>
      <ReceiptPanel title="Feedback sent" receipt={receipt} />
      <p className="govuk-body">Thank you for telling us what you think of “{prototype.title}”.</p>
      <h2 className="govuk-heading-m">Keep your receipt code</h2>
      <p className="govuk-body">
        It is the only way to find your feedback, because we do not know who you are. If you change
        your mind, you can{' '}
        <a className="govuk-link" href="/withdraw/">
          withdraw your feedback
        </a>{' '}
        with this code, and it will be deleted, including from this site.
      </p>
      <h2 className="govuk-heading-m">What happens next</h2>
      <p className="govuk-body">
        The research team reads all feedback. If you wrote a comment and said we may show it, a
        member of the team checks it first and takes out anything that could identify someone. Only
        then does it appear on the scope’s page. We may reply to it there. We delete all feedback,
        published comments included, {prototype.retentionMonths} months after it was sent.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={`/prototypes/${slug}/`}>
          Back to “{prototype.title}”
        </a>
      </p>
    </>
  );
}
