import type { ReactNode } from 'react';

/**
 * GOV.UK success notification banner, placed where the change happened. It takes focus (by
 * script, or as the #fragment the form posted to without JavaScript), so the next Tab carries on
 * from here instead of from the top of the page.
 */
export function SuccessBanner({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="region"
      aria-labelledby={`${id}-title`}
      id={id}
      tabIndex={-1}
      autoFocus
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={`${id}-title`}>
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}
