import type { ReactNode } from 'react';

/** GOV.UK inline error: starts with a hidden "Error:" so screen readers say what it is. */
export function ErrorMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

export function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}

/** The ids a field is described by, in reading order: hint, then error. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length > 0 ? list.join(' ') : undefined;
}

/** A question's text as a legend or label, as the page heading on one-question pages. */
export function QuestionHeading({
  text,
  optional,
  asPageHeading,
}: {
  text: string;
  optional: boolean;
  asPageHeading: boolean;
}) {
  const content = (
    <>
      {text}
      {optional && ' (optional)'}
    </>
  );
  return asPageHeading ? <h1 className="govuk-fieldset__heading">{content}</h1> : content;
}
