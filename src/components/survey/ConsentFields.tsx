import { useFormikContext } from 'formik';
import type { Survey } from '../../schemas/index.ts';
import type { FieldErrors, SurveyValues } from '../../forms/validateSurvey.ts';
import { ErrorMessage } from './fieldParts.tsx';

/** The consent step: each statement its own checkbox, all needed before the questions. */
export function ConsentFields({
  activity,
  errors,
  easyRead,
}: {
  activity: Pick<Survey, 'consent'>;
  errors: FieldErrors;
  easyRead: boolean;
}) {
  const { values, setFieldValue } = useFormikContext<Pick<SurveyValues, 'consent'>>();
  const anyError = activity.consent.statements.some((s) => errors[`consent.${s.id}`]);
  return (
    <div className={`govuk-form-group${anyError ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby="consent-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Do you agree to take part?</h2>
        </legend>
        <div id="consent-hint" className="govuk-hint">
          Select each box to show you agree. You can withdraw your answers later with the receipt
          code you get when you finish. (Consent version {activity.consent.version}.)
        </div>
        <div className="govuk-checkboxes">
          {activity.consent.statements.map((statement) => {
            const id = `consent-${statement.id}`;
            const error = errors[`consent.${statement.id}`];
            return (
              <div key={statement.id}>
                <ErrorMessage id={`${id}-error`} message={error} />
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={id}
                    name={`consent.${statement.id}`}
                    type="checkbox"
                    value="yes"
                    checked={values.consent[statement.id] === true}
                    aria-describedby={error ? `${id}-error` : undefined}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) =>
                      setFieldValue(`consent.${statement.id}`, event.target.checked)
                    }
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                    {easyRead && statement.easyRead ? statement.easyRead : statement.text}
                  </label>
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
