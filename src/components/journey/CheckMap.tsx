import type { Journey } from '../../schemas/index.ts';
import type { JourneyValues } from '../../forms/journeyMap.ts';
import type { JourneyStep } from '../../forms/journeyFlow.ts';
import { EmotionCurve } from './EmotionCurve.tsx';
import { JourneyTable } from './JourneyTable.tsx';
import { stageFieldId } from './StageFields.tsx';
import { journeyWords } from '../../forms/journeyWords.ts';
import { EasyReadPoint } from '../survey/EasyReadPoint.tsx';
import { ReadAloudControls } from '../survey/ReadAloud.tsx';

interface Props {
  journey: Journey;
  values: JourneyValues;
  roleLabel: (value: string) => string;
  /** "Change": that step's page (an address without JavaScript), with focus on its first field. */
  changeLink: (
    to: JourneyStep,
    focusId: string,
  ) => { href: string; onClick?: (event: React.MouseEvent) => void };
  easyRead?: boolean;
}

/** The check page: the whole map as a curve and a table, with a Change link for each stage. */
export function CheckMap({ journey, values, roleLabel, changeLink, easyRead = false }: Props) {
  const words = journeyWords(easyRead);
  const change = (to: JourneyStep, focusId: string, hidden: string) => (
    <a className="govuk-link" {...changeLink(to, focusId)}>
      {words.change}
      <span className="govuk-visually-hidden"> {hidden}</span>
    </a>
  );
  const picked = journey.participantRoles.find((r) => r.value === values.role);
  const role = easyRead ? (picked?.easyRead ?? picked?.label) : picked?.label;
  return (
    <>
      <span className="govuk-caption-l">{journey.title}</span>
      <h1 className="govuk-heading-xl">{words.checkHeading}</h1>
      {/* Read aloud in both wordings; the picture beside it only in easy read. */}
      <EasyReadPoint picture={easyRead ? words.pictures.check : undefined}>
        <ReadAloudControls
          words={[
            words.checkHeading,
            ...values.stages.map(
              (s, i) =>
                `${i + 1}. ${s.name ?? ''}: ${s.feeling ? words.feelings[Number(s.feeling) - 1] : ''}`,
            ),
            `${words.takingPartAs} ${role ?? ''}`,
          ]}
          what={words.checkHeading}
        />
      </EasyReadPoint>
      <EmotionCurve
        points={values.stages.map((s) => ({ name: s.name ?? '', feeling: Number(s.feeling) }))}
      />
      <JourneyTable
        easyRead={easyRead}
        stages={values.stages}
        roleLabel={roleLabel}
        change={(i) =>
          change(
            { stage: i },
            stageFieldId(i, 'name'),
            `${words.stageWord} ${i + 1}: ${values.stages[i].name}`,
          )
        }
      />
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">{words.takingPartAs}</dt>
          <dd className="govuk-summary-list__value">{role}</dd>
          <dd className="govuk-summary-list__actions">
            {change('role', 'role', easyRead ? 'who you are' : 'who you are taking part as')}
          </dd>
        </div>
      </dl>
    </>
  );
}
