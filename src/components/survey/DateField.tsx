import { useField } from 'formik';
import type { DateParts } from '../../forms/dates.ts';

/** GOV.UK date input: three fields, no automatic focus moves, "Feb" accepted for a month. */
export function DateField({ id, name, invalid }: { id: string; name: string; invalid: boolean }) {
  const [field, , helpers] = useField<DateParts | undefined>(name);
  const parts = field.value ?? {};
  const part = (key: keyof DateParts, label: string, width: number) => {
    const partId = key === 'day' ? id : `${id}-${key}`;
    return (
      <div className="govuk-date-input__item">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-date-input__label" htmlFor={partId}>
            {label}
          </label>
          <input
            className={`govuk-input govuk-date-input__input govuk-input--width-${width}${invalid ? ' govuk-input--error' : ''}`}
            id={partId}
            name={`${name}.${key}`}
            type="text"
            inputMode={key === 'month' ? 'text' : 'numeric'}
            aria-invalid={invalid ? true : undefined}
            value={parts[key] ?? ''}
            onChange={(event) => helpers.setValue({ ...parts, [key]: event.target.value })}
          />
        </div>
      </div>
    );
  };
  return (
    <div className="govuk-date-input" id={`${id}-group`}>
      {part('day', 'Day', 2)}
      {part('month', 'Month', 4)}
      {part('year', 'Year', 4)}
    </div>
  );
}
