import type { ReactNode } from 'react';

/**
 * Below a survey or a journey map while JavaScript keeps a draft on the device: says so, and
 * offers to clear it, for people on a shared computer or phone.
 */
export function DeviceDraftNote({
  children,
  onClear,
}: {
  children: ReactNode;
  onClear: () => void;
}) {
  return (
    <div className="sg-device-note">
      <p className="govuk-body-s">{children}</p>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onClear}>
        Clear my answers from this device
      </button>
    </div>
  );
}
