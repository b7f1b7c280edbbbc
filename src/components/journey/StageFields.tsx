import { useField, useFormikContext } from 'formik';
import type { Journey } from '../../schemas/index.ts';
import { FEELINGS, SOMEONE_ELSE, type JourneyValues } from '../../forms/journeyMap.ts';
import type { FieldErrors } from '../../forms/validateSurvey.ts';
import { suggestedStage } from '../../forms/journeyStages.ts';
import { journeyWords } from '../../forms/journeyWords.ts';
import { ReadAloudControls } from '../survey/ReadAloud.tsx';
import { EasyReadPoint } from '../survey/EasyReadPoint.tsx';
import { describedBy, ErrorMessage } from '../survey/fieldParts.tsx';

/** The id of a stage field: where error summary links point. */
export const stageFieldId = (index: number, field: string) => `stage-${index}-${field}`;

interface Props {
  journey: Journey;
  index: number;
  count: number;
  errors: FieldErrors;
  easyRead?: boolean;
}

/**
 * One stage of a journey map, on a page of its own: its name (with the suggested stage's prompt),
 * what happened, who was there, how it felt, what helped and what would have helped. In easy
 * read, each point has its picture beside it.
 */
export function StageFields({ journey, index, count, errors, easyRead = false }: Props) {
  const { values } = useFormikContext<JourneyValues>();
  const words = journeyWords(easyRead);
  const stage = values.stages[index];
  const title = stage?.name?.trim() || words.newStage;
  const suggested = suggestedStage(journey, stage?.name);
  const prompt = easyRead ? (suggested?.easyReadPrompt ?? suggested?.prompt) : suggested?.prompt;
  const promptId = `${stageFieldId(index, 'prompt')}`;
  const prefix = `stages.${index}`;
  const point = (key: keyof typeof words.pictures) => (easyRead ? words.pictures[key] : undefined);
  const text = (field: 'happened' | 'helped' | 'wouldHaveHelped') => (
    <EasyReadPoint picture={point(field)}>
      <TextArea
        id={stageFieldId(index, field)}
        name={`${prefix}.${field}`}
        label={words[field]}
        max={journey.textMaxLength}
        error={errors[`${prefix}.${field}`]}
      />
    </EasyReadPoint>
  );

  return (
    <fieldset
      className="govuk-fieldset sg-stage"
      id={`stage-${index}`}
      aria-describedby={prompt ? promptId : undefined}
    >
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--l">
        <h1 className="govuk-fieldset__heading">{words.stage(index + 1, count, title)}</h1>
      </legend>
      {prompt && (
        <EasyReadPoint picture={easyRead ? suggested?.picture : undefined}>
          <p className="govuk-hint" id={promptId}>
            {prompt}
          </p>
        </EasyReadPoint>
      )}
      {/* Read aloud in both wordings; the stage's errors first, as a screen reader meets them. */}
      <ReadAloudControls
        words={[
          ...Object.entries(errors)
            .filter(([key, message]) => key.startsWith(`${prefix}.`) && message)
            .map(([, message]) => `Error: ${message}`),
          words.stage(index + 1, count, title),
          prompt ?? '',
          words.name,
          words.happened,
          words.who,
          words.feeling,
          ...words.feelings,
          words.helped,
          words.wouldHaveHelped,
        ]}
        what={words.stage(index + 1, count, title)}
      />
      <EasyReadPoint picture={point('name')}>
        <TextField
          id={stageFieldId(index, 'name')}
          name={`${prefix}.name`}
          label={words.name}
          error={errors[`${prefix}.name`]}
        />
      </EasyReadPoint>
      {text('happened')}
      <EasyReadPoint picture={point('who')}>
        <Who journey={journey} index={index} error={errors[`${prefix}.who`]} easyRead={easyRead} />
      </EasyReadPoint>
      <EasyReadPoint picture={point('feeling')}>
        <Feeling index={index} error={errors[`${prefix}.feeling`]} easyRead={easyRead} />
      </EasyReadPoint>
      {text('helped')}
      {text('wouldHaveHelped')}
    </fieldset>
  );
}

function TextField({
  id,
  name,
  label,
  error,
}: {
  id: string;
  name: string;
  label: string;
  error?: string;
}) {
  const [field] = useField<string | undefined>(name);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        className={`govuk-input${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={name}
        type="text"
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        value={field.value ?? ''}
        onChange={field.onChange}
      />
    </div>
  );
}

function TextArea({
  id,
  name,
  label,
  max,
  error,
}: {
  id: string;
  name: string;
  label: string;
  max: number;
  error?: string;
}) {
  const [field] = useField<string | undefined>(name);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <div id={`${id}-hint`} className="govuk-hint">
        Up to {max} characters.
      </div>
      <ErrorMessage id={`${id}-error`} message={error} />
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={name}
        rows={3}
        aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
        aria-invalid={error ? true : undefined}
        value={field.value ?? ''}
        onChange={field.onChange}
      />
    </div>
  );
}

function Who({
  journey,
  index,
  error,
  easyRead,
}: {
  journey: Journey;
  index: number;
  error?: string;
  easyRead: boolean;
}) {
  const { values, setFieldValue } = useFormikContext<JourneyValues>();
  const words = journeyWords(easyRead);
  const picked = values.stages[index]?.who ?? [];
  const roles = [
    ...journey.involvedRoles.map((r) => ({
      value: r.value,
      label: easyRead ? (r.easyRead ?? r.label) : r.label,
    })),
    { value: SOMEONE_ELSE, label: words.someoneElse },
  ];
  const name = `stages.${index}.who`;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{words.who}</legend>
        <ErrorMessage id={`${stageFieldId(index, 'who')}-error`} message={error} />
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {roles.map((role, i) => {
            const id = `${stageFieldId(index, 'who')}${i === 0 ? '' : `-${i + 1}`}`;
            return (
              <div className="govuk-checkboxes__item" key={role.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={id}
                  name={name}
                  type="checkbox"
                  value={role.value}
                  checked={picked.includes(role.value)}
                  onChange={(event) =>
                    setFieldValue(
                      name,
                      event.target.checked
                        ? [...picked, role.value]
                        : picked.filter((v) => v !== role.value),
                    )
                  }
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {role.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

function Feeling({ index, error, easyRead }: { index: number; error?: string; easyRead: boolean }) {
  const words = journeyWords(easyRead);
  const name = `stages.${index}.feeling`;
  const [field, , helpers] = useField<string | undefined>(name);
  const errorId = `${stageFieldId(index, 'feeling')}-error`;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? errorId : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          {words.feeling}
        </legend>
        <ErrorMessage id={errorId} message={error} />
        <div className="govuk-radios govuk-radios--small">
          {FEELINGS.map((feeling, i) => {
            const id = `${stageFieldId(index, 'feeling')}${i === 0 ? '' : `-${i + 1}`}`;
            return (
              <div className="govuk-radios__item" key={feeling.value}>
                <input
                  className="govuk-radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={feeling.value}
                  checked={field.value === feeling.value}
                  onChange={() => helpers.setValue(feeling.value)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  <span className="sg-face" aria-hidden="true">
                    {feeling.face}
                  </span>
                  {feeling.value} – {words.feelings[i]}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
