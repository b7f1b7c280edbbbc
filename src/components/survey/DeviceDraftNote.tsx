import type { ReactNode } from 'react';

/**
 * Below a survey or a journey map while JavaScript keeps a draft on the device: says so, and
 * offers to clear it, for people on a shared computer or phone.
 */
export function DeviceDraftNote({
  children,
  onClear,
  clearLabel,
}: {
  children: ReactNode;
  onClear: () => void;
  /** The button's words, in the participant's wording. */
  clearLabel: string;
}) {
  return (
    <div className="sg-device-note">
      <p className="govuk-body-s">{children}</p>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onClear}>
        {clearLabel}
      </button>
    </div>
  );
}
