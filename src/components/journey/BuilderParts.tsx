import { useFormikContext } from 'formik';
import type { Journey } from '../../schemas/index.ts';
import type { JourneyValues, StageValues } from '../../forms/journeyMap.ts';
import { ErrorMessage } from '../survey/fieldParts.tsx';
import { EmotionCurve } from './EmotionCurve.tsx';
import { JourneyTable } from './JourneyTable.tsx';

/** The map drawn as it is built: every stage with a feeling on the curve, all in the table. */
export function MapSoFar({
  stages,
  roleLabel,
}: {
  stages: StageValues[];
  roleLabel: (value: string) => string;
}) {
  const felt = stages.filter((s) => s.feeling);
  return (
    <section aria-labelledby="map-so-far">
      <h2 className="govuk-heading-m" id="map-so-far">
        Your map so far
      </h2>
      {felt.length > 0 ? (
        <EmotionCurve
          id="curve-so-far"
          points={felt.map((s) => ({ name: s.name ?? '', feeling: Number(s.feeling) }))}
        />
      ) : (
        <p className="govuk-body">Say how a stage felt and it appears on the curve here.</p>
      )}
      <JourneyTable
        stages={stages}
        roleLabel={roleLabel}
        caption="Your map so far, stage by stage"
      />
    </section>
  );
}

/** How to start: suggested stages or blank. A map already started is kept, so no choice then. */
export function StartChoice({ journey, existing }: { journey: Journey; existing: number }) {
  if (existing > 0)
    return (
      <p className="govuk-body" data-kept-stages>
        Your map has {existing === 1 ? '1 stage' : `${existing} stages`} already. We will keep{' '}
        {existing === 1 ? 'it' : 'them'} when you carry on.
      </p>
    );
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">How do you want to start?</h2>
        </legend>
        <div className="govuk-radios">
          <div className="govuk-radios__item">
            <input
              className="govuk-radios__input"
              id="start"
              name="start"
              type="radio"
              value="suggested"
              defaultChecked
            />
            <label className="govuk-label govuk-radios__label" htmlFor="start">
              With our suggested stages ({journey.suggestedStages.map((s) => s.name).join(', ')})
            </label>
          </div>
          <div className="govuk-radios__item">
            <input
              className="govuk-radios__input"
              id="start-2"
              name="start"
              type="radio"
              value="blank"
            />
            <label className="govuk-label govuk-radios__label" htmlFor="start-2">
              With a blank map
            </label>
          </div>
        </div>
      </fieldset>
    </div>
  );
}

export function RoleField({ journey, error }: { journey: Journey; error?: string }) {
  const { values, setFieldValue } = useFormikContext<JourneyValues>();
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? 'role-error' : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Which best describes you?</h2>
        </legend>
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
                {role.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** On the check page without JavaScript, the map rides along as hidden fields. */
export function HiddenStages({ stages, role }: { stages: StageValues[]; role?: string }) {
  const fields: [string, string][] = [];
  stages.forEach((stage, i) => {
    for (const [key, value] of Object.entries(stage)) {
      if (Array.isArray(value)) value.forEach((v) => fields.push([`stages.${i}.${key}`, v]));
      else if (value) fields.push([`stages.${i}.${key}`, String(value)]);
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
