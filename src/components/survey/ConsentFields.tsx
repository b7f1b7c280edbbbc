import { useFormikContext } from 'formik';
import type { Survey } from '../../schemas/index.ts';
import type { FieldErrors, SurveyValues } from '../../forms/validateSurvey.ts';
import { ErrorMessage } from './fieldParts.tsx';
import { EasyReadPoint } from './EasyReadPoint.tsx';
import { ReadAloudControls } from './ReadAloud.tsx';

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
  const statementText = (s: (typeof activity.consent.statements)[number]) =>
    easyRead && s.easyRead ? s.easyRead : s.text;
  const hint = easyRead
    ? 'Tick each box if you agree. You can take your answers back later. You need the code we give you at the end.'
    : 'Select each box to show you agree. You can withdraw your answers later with the receipt code you get when you finish.';
  return (
    <div className={`govuk-form-group${anyError ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby="consent-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Do you agree to take part?</h2>
        </legend>
        <div id="consent-hint" className="govuk-hint">
          {hint} (Consent version {activity.consent.version}.)
        </div>
        <ReadAloudControls
          words={[
            'Do you agree to take part?',
            hint,
            ...activity.consent.statements.map(statementText),
          ]}
          what="what you agree to"
        />
        <div className="govuk-checkboxes">
          {activity.consent.statements.map((statement) => {
            const id = `consent-${statement.id}`;
            const error = errors[`consent.${statement.id}`];
            return (
              <EasyReadPoint key={statement.id} picture={easyRead ? statement.picture : undefined}>
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
                    {statementText(statement)}
                  </label>
                </div>
              </EasyReadPoint>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
