/** GOV.UK confirmation panel with the receipt code, shared by every kind of submission. */
export function ReceiptPanel({ title, receipt }: { title: string; receipt: string }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title">{title}</h1>
      <div className="govuk-panel__body">
        Your receipt code
        <br />
        <strong className="sg-receipt" data-receipt>
          {/* Lines break only between groups, so each group can be read as one. */}
          {receipt.split('-').map((group, i, all) => (
            <span className="sg-receipt__group" key={i}>
              {group}
              {i < all.length - 1 ? '-' : ''}
            </span>
          ))}
        </strong>
      </div>
    </div>
  );
}
