import { useEffect, useState, type ReactNode } from 'react';
import { useField } from 'formik';
import { describedBy, ErrorMessage, Hint } from './fieldParts.tsx';

/**
 * GOV.UK character count. Without JavaScript: a fixed "You can enter up to N characters" and a
 * maxlength. With it: maxlength removed (so people can paste and then edit), a visible count
 * hidden from screen readers, and a polite live region, present from the start, that says the
 * same after typing pauses.
 */
export function CharacterCount({
  id,
  name,
  maxLength,
  label,
  hint,
  error,
  after,
}: {
  id: string;
  name: string;
  maxLength: number;
  label: ReactNode;
  hint?: string;
  error?: string;
  after?: ReactNode;
}) {
  const [field] = useField<string | undefined>(name);
  const [enhanced, setEnhanced] = useState(false);
  const [announced, setAnnounced] = useState('');
  useEffect(() => setEnhanced(true), []);
  const length = (field.value ?? '').length;
  const left = maxLength - length;
  const status =
    left >= 0
      ? `You have ${left} character${left === 1 ? '' : 's'} remaining`
      : `You have ${-left} character${left === -1 ? '' : 's'} too many`;
  useEffect(() => {
    if (!enhanced) return;
    const timer = window.setTimeout(() => setAnnounced(status), 1000);
    return () => window.clearTimeout(timer);
  }, [status, enhanced]);
  const hintId = hint ? `${id}-hint` : undefined;
  const infoId = `${id}-info`;
  const errorId = error ? `${id}-error` : undefined;

  return (
    <div className="govuk-form-group govuk-character-count">
      <div className={error ? 'govuk-form-group--error' : undefined}>
        {label}
        <Hint id={`${id}-hint`}>{hint}</Hint>
        <ErrorMessage id={`${id}-error`} message={error} />
        <textarea
          className={`govuk-textarea govuk-js-character-count${error || left < 0 ? ' govuk-textarea--error' : ''}`}
          id={id}
          name={name}
          rows={5}
          maxLength={enhanced ? undefined : maxLength}
          aria-describedby={describedBy(hintId, infoId, errorId)}
          aria-invalid={error ? true : undefined}
          value={field.value ?? ''}
          onChange={field.onChange}
        />
        {enhanced ? (
          <>
            <div
              className={`govuk-character-count__message ${left < 0 ? 'govuk-error-message' : 'govuk-hint'}`}
              aria-hidden="true"
            >
              {status}
            </div>
            <div id={infoId} className="govuk-visually-hidden">
              You can enter up to {maxLength} characters
            </div>
          </>
        ) : (
          <div id={infoId} className="govuk-hint govuk-character-count__message">
            You can enter up to {maxLength} characters
          </div>
        )}
        <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
          {announced}
        </div>
      </div>
      {after}
    </div>
  );
}
