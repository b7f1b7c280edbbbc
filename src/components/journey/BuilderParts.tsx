import type { ReactNode } from 'react';
import { useFormikContext } from 'formik';
import type { Journey } from '../../schemas/index.ts';
import type { JourneyValues, StageValues } from '../../forms/journeyMap.ts';
import { ErrorMessage } from '../survey/fieldParts.tsx';
import { EasyReadPoint } from '../survey/EasyReadPoint.tsx';
import { ReadAloudControls } from '../survey/ReadAloud.tsx';
import { journeyWords } from '../../forms/journeyWords.ts';

/** How to start: suggested stages or blank. A map already started is kept, so no choice then. */
export function StartChoice({
  journey,
  existing,
  easyRead = false,
}: {
  journey: Journey;
  existing: number;
  easyRead?: boolean;
}) {
  const words = journeyWords(easyRead);
  if (existing > 0)
    return (
      <p className="govuk-body" data-kept-stages>
        {words.kept(existing)}
      </p>
    );
  const names = journey.suggestedStages.map((s) => (easyRead ? (s.easyRead ?? s.name) : s.name));
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">{words.howToStart}</h2>
        </legend>
        <div className="govuk-radios">
          <RadioItem name="start" id="start" value="suggested" defaultChecked>
            {words.suggested(names.join(', '))}
          </RadioItem>
          <RadioItem name="start" id="start-2" value="blank">
            {words.blank}
          </RadioItem>
        </div>
      </fieldset>
    </div>
  );
}

export function RoleField({
  journey,
  error,
  easyRead = false,
}: {
  journey: Journey;
  error?: string;
  easyRead?: boolean;
}) {
  const { values, setFieldValue } = useFormikContext<JourneyValues>();
  const words = journeyWords(easyRead);
  const label = (role: Journey['participantRoles'][number]) =>
    easyRead ? (role.easyRead ?? role.label) : role.label;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? 'role-error' : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
          <h1 className="govuk-fieldset__heading">{words.role}</h1>
        </legend>
        <EasyReadPoint picture={easyRead ? words.pictures.role : undefined}>
          <ReadAloudControls
            words={[
              error ? `Error: ${error}` : '',
              words.role,
              ...journey.participantRoles.map(label),
            ]}
            what={words.role}
          />
        </EasyReadPoint>
        <ErrorMessage id="role-error" message={error} />
        <div className="govuk-radios">
          {journey.participantRoles.map((role, i) => (
            <div className="govuk-radios__item" key={role.value}>
              <input
                className="govuk-radios__input"
                id={i === 0 ? 'role' : `role-${i + 1}`}
                name="role"
                type="radio"
                value={role.value}
                checked={values.role === role.value}
                onChange={() => setFieldValue('role', role.value)}
              />
              <label
                className="govuk-label govuk-radios__label"
                htmlFor={i === 0 ? 'role' : `role-${i + 1}`}
              >
                {label(role)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * Without JavaScript the map rides along as hidden fields: every stage but the one this page
 * asks about (`except`), so each post carries the whole map.
 */
export function HiddenStages({
  stages,
  role,
  except,
}: {
  stages: StageValues[];
  role?: string;
  except?: number;
}) {
  const fields: [string, string][] = [];
  stages.forEach((stage, i) => {
    if (i === except) return;
    // The name always, even empty: a stage with nothing written keeps its place in the map.
    fields.push([`stages.${i}.name`, stage.name ?? '']);
    for (const [key, value] of Object.entries(stage)) {
      if (Array.isArray(value)) value.forEach((v) => fields.push([`stages.${i}.${key}`, v]));
      else if (value && key !== 'name') fields.push([`stages.${i}.${key}`, String(value)]);
    }
  });
  if (role) fields.push(['role', role]);
  return (
    <>
      {fields.map(([name, value], i) => (
        <input type="hidden" name={name} value={value} key={i} />
      ))}
    </>
  );
}

/** One GOV.UK radio whose state the browser keeps (no Formik field): read when the form is sent. */
export function RadioItem({
  name,
  id,
  value,
  defaultChecked,
  children,
}: {
  name: string;
  id: string;
  value: string;
  defaultChecked?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="govuk-radios__item">
      <input
        className="govuk-radios__input"
        id={id}
        name={name}
        type="radio"
        value={value}
        defaultChecked={defaultChecked}
      />
      <label className="govuk-label govuk-radios__label" htmlFor={id}>
        {children}
      </label>
    </div>
  );
}
