import type { Journey } from '../../schemas/index.ts';
import type { JourneyValues } from '../../forms/journeyMap.ts';
import { EmotionCurve } from './EmotionCurve.tsx';
import { JourneyTable } from './JourneyTable.tsx';
import { stageFieldId } from './StageFields.tsx';

interface Props {
  journey: Journey;
  values: JourneyValues;
  /** Where the form posts: "Change" posts the map back to the builder at that stage's #id. */
  action: string;
  roleLabel: (value: string) => string;
  /** With JavaScript, "Change" opens the builder in the page with focus on this id. */
  onChange?: (focusId: string) => void;
}

/** The check page: the whole map as a curve and a table, with a Change link for each stage. */
export function CheckMap({ journey, values, action, roleLabel, onChange }: Props) {
  const change = (value: string, focusId: string, hidden: string) => (
    <button
      type="submit"
      name="action"
      value={value}
      formAction={`${action}#${focusId}`}
      className="sg-link-button govuk-body"
      onClick={
        onChange &&
        ((event) => {
          event.preventDefault();
          onChange(focusId);
        })
      }
    >
      Change<span className="govuk-visually-hidden"> {hidden}</span>
    </button>
  );
  const role = journey.participantRoles.find((r) => r.value === values.role)?.label;
  return (
    <>
      <span className="govuk-caption-l">{journey.title}</span>
      <h1 className="govuk-heading-xl">Check your journey map</h1>
      <EmotionCurve
        points={values.stages.map((s) => ({ name: s.name ?? '', feeling: Number(s.feeling) }))}
      />
      <JourneyTable
        stages={values.stages}
        roleLabel={roleLabel}
        change={(i) =>
          change(`change:${i}`, stageFieldId(i, 'name'), `stage ${i + 1}: ${values.stages[i].name}`)
        }
      />
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">You are taking part as</dt>
          <dd className="govuk-summary-list__value">{role}</dd>
          <dd className="govuk-summary-list__actions">
            {change('change:role', 'role', 'who you are taking part as')}
          </dd>
        </div>
      </dl>
    </>
  );
}
