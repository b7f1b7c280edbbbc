import { MAX_STAGES, type StageValues } from '../../forms/journeyMap.ts';
import { journeyWords } from '../../forms/journeyWords.ts';
import { EasyReadPoint } from '../survey/EasyReadPoint.tsx';
import { ReadAloudControls } from '../survey/ReadAloud.tsx';
import type { FieldErrors } from '../../forms/validateSurvey.ts';
import { ErrorMessage } from '../survey/fieldParts.tsx';
import { SuccessBanner } from './SuccessBanner.tsx';
import { RadioItem } from './BuilderParts.tsx';

/** Where focus goes after a stage is removed (the #fragment the form posts to without JavaScript). */
export const STAGE_CHANGE_ID = 'stage-change';
export const changeStageId = (index: number) => `change-stage-${index}`;

type LinkProps = { href: string; onClick?: (event: React.MouseEvent) => void };

interface Props {
  stages: StageValues[];
  errors: FieldErrors;
  /** The stage just removed: said at the top of the list, where focus goes. */
  changed?: { text: string };
  roleLabel: (value: string) => string;
  changeLink: (index: number) => LinkProps;
  /** Where the form posts: Remove adds the #fragment that brings focus back to the message. */
  action: string;
  /** With JavaScript, Remove acts in the page; without, it is a submit button the server reads. */
  onRemove?: (index: number) => void;
  easyRead?: boolean;
}

/**
 * GOV.UK "Add another thing": the stages so far, each with Change and Remove, then "Add another
 * stage?". The whole map (curve and table) is on the check page.
 */
export function StagesSummary({
  stages,
  errors,
  changed,
  roleLabel,
  changeLink,
  action,
  onRemove,
  easyRead = false,
}: Props) {
  const words = journeyWords(easyRead);
  const title = stages.length ? words.stagesHeading(stages.length) : words.noStages;
  const anotherError = errors.another ?? errors.stages;
  return (
    <>
      {changed && <SuccessBanner id={STAGE_CHANGE_ID}>{changed.text}</SuccessBanner>}
      <h1 className="govuk-heading-l">{title}</h1>
      <ReadAloudControls
        words={[
          changed?.text ?? '',
          anotherError ? `Error: ${anotherError}` : '',
          title,
          ...stages.map((stage, i) => `${i + 1}. ${stage.name ?? ''}`),
          words.addAnother(stages.length > 0),
        ]}
        what={title}
      />
      {stages.length > 0 && (
        <dl className="govuk-summary-list" data-stage-list>
          {stages.map((stage, i) => {
            const name = stage.name?.trim() || words.newStage;
            const problem = Object.keys(errors).some((key) => key.startsWith(`stages.${i}.`));
            return (
              <div className="govuk-summary-list__row" key={i}>
                <dt className="govuk-summary-list__key">
                  {i + 1}. {name}
                </dt>
                <dd className="govuk-summary-list__value">
                  {problem ? (
                    <strong className="govuk-tag govuk-tag--red">{words.notFinished}</strong>
                  ) : (
                    <>
                      {stage.feeling ? words.feelings[Number(stage.feeling) - 1] : ''}
                      {stage.who?.length ? ` – ${stage.who.map(roleLabel).join(', ')}` : ''}
                    </>
                  )}
                </dd>
                <dd className="govuk-summary-list__actions">
                  <ul className="govuk-summary-list__actions-list">
                    <li className="govuk-summary-list__actions-list-item">
                      <a className="govuk-link" id={changeStageId(i)} {...changeLink(i)}>
                        Change
                        <span className="govuk-visually-hidden">
                          {' '}
                          {words.stageWord} {i + 1}: {name}
                        </span>
                      </a>
                    </li>
                    <li className="govuk-summary-list__actions-list-item">
                      <button
                        type="submit"
                        name="action"
                        value={`remove:${i}`}
                        formAction={`${action}#${STAGE_CHANGE_ID}`}
                        className="sg-link-button govuk-body"
                        onClick={
                          onRemove &&
                          ((event) => {
                            event.preventDefault();
                            onRemove(i);
                          })
                        }
                      >
                        Remove
                        <span className="govuk-visually-hidden">
                          {' '}
                          {words.stageWord} {i + 1}: {name}
                        </span>
                      </button>
                    </li>
                  </ul>
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {stages.length < MAX_STAGES ? (
        <EasyReadPoint picture={easyRead ? words.pictures.addAnother : undefined}>
          <div className={`govuk-form-group${anotherError ? ' govuk-form-group--error' : ''}`}>
            <fieldset
              className="govuk-fieldset"
              aria-describedby={anotherError ? 'another-error' : undefined}
            >
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 className="govuk-fieldset__heading">{words.addAnother(stages.length > 0)}</h2>
              </legend>
              <ErrorMessage id="another-error" message={anotherError} />
              <div className="govuk-radios govuk-radios--inline">
                <RadioItem name="another" id="another" value="yes">
                  {words.yes}
                </RadioItem>
                <RadioItem name="another" id="another-2" value="no">
                  {words.no}
                </RadioItem>
              </div>
            </fieldset>
          </div>
        </EasyReadPoint>
      ) : (
        <p className="govuk-body">A map can have at most {MAX_STAGES} stages.</p>
      )}
    </>
  );
}
