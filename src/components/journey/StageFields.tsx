import { useField, useFormikContext } from 'formik';
import type { Journey } from '../../schemas/index.ts';
import { FEELINGS, SOMEONE_ELSE, type JourneyValues } from '../../forms/journeyMap.ts';
import type { FieldErrors } from '../../forms/validateSurvey.ts';
import { stagePrompt } from '../../forms/journeyStages.ts';
import { describedBy, ErrorMessage } from '../survey/fieldParts.tsx';

/** The id of a stage field: where error summary links point. */
export const stageFieldId = (index: number, field: string) => `stage-${index}-${field}`;

interface Props {
  journey: Journey;
  index: number;
  count: number;
  errors: FieldErrors;
  /** Where Move and Remove post without JavaScript: the form's action with a #fragment. */
  formAction: string;
  /** With JavaScript these act in the page; without, they are submit buttons the server reads. */
  onMove?: (index: number, by: -1 | 1) => void;
  onRemove?: (index: number) => void;
}

/**
 * One stage of a journey map: what happened, who was there, how it felt, what helped and what
 * would have helped. Moving and removing are buttons, never drag and drop (WCAG 2.5.7).
 */
export function StageFields({
  journey,
  index,
  count,
  errors,
  formAction,
  onMove,
  onRemove,
}: Props) {
  const { values } = useFormikContext<JourneyValues>();
  const stage = values.stages[index];
  const title = stage?.name?.trim() || 'New stage';
  const prompt = stagePrompt(journey, stage?.name);
  const promptId = `${stageFieldId(index, 'prompt')}`;
  const prefix = `stages.${index}`;
  const intercept = (handler?: () => void) =>
    handler &&
    ((event: React.MouseEvent) => {
      event.preventDefault();
      handler();
    });

  return (
    <fieldset
      className="govuk-fieldset sg-stage"
      id={`stage-${index}`}
      aria-describedby={prompt ? promptId : undefined}
    >
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
        <h2 className="govuk-fieldset__heading">
          Stage {index + 1} of {count}: {title}
        </h2>
      </legend>
      {prompt && (
        <p className="govuk-hint" id={promptId}>
          {prompt}
        </p>
      )}
      <TextField
        id={stageFieldId(index, 'name')}
        name={`${prefix}.name`}
        label="Name of this stage"
        error={errors[`${prefix}.name`]}
      />
      <TextArea
        id={stageFieldId(index, 'happened')}
        name={`${prefix}.happened`}
        label="What happened? (optional)"
        max={journey.textMaxLength}
        error={errors[`${prefix}.happened`]}
      />
      <Who journey={journey} index={index} error={errors[`${prefix}.who`]} />
      <Feeling index={index} error={errors[`${prefix}.feeling`]} />
      <TextArea
        id={stageFieldId(index, 'helped')}
        name={`${prefix}.helped`}
        label="What helped? (optional)"
        max={journey.textMaxLength}
        error={errors[`${prefix}.helped`]}
      />
      <TextArea
        id={stageFieldId(index, 'wouldHaveHelped')}
        name={`${prefix}.wouldHaveHelped`}
        label="What would have helped? (optional)"
        max={journey.textMaxLength}
        error={errors[`${prefix}.wouldHaveHelped`]}
      />
      <div className="govuk-button-group">
        {index > 0 && (
          <button
            type="submit"
            name="action"
            value={`up:${index}`}
            className="govuk-button govuk-button--secondary"
            formAction={formAction}
            data-move="up"
            aria-label={`Move up: ${title}`}
            onClick={intercept(onMove && (() => onMove(index, -1)))}
          >
            Move up
          </button>
        )}
        {index < count - 1 && (
          <button
            type="submit"
            name="action"
            value={`down:${index}`}
            className="govuk-button govuk-button--secondary"
            formAction={formAction}
            data-move="down"
            aria-label={`Move down: ${title}`}
            onClick={intercept(onMove && (() => onMove(index, 1)))}
          >
            Move down
          </button>
        )}
        <button
          type="submit"
          name="action"
          value={`remove:${index}`}
          formAction={formAction}
          aria-label={`Remove this stage: ${title}`}
          className="govuk-button govuk-button--warning"
          onClick={intercept(onRemove && (() => onRemove(index)))}
        >
          Remove this stage
        </button>
      </div>
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

function Who({ journey, index, error }: { journey: Journey; index: number; error?: string }) {
  const { values, setFieldValue } = useFormikContext<JourneyValues>();
  const picked = values.stages[index]?.who ?? [];
  const roles = [...journey.involvedRoles, { value: SOMEONE_ELSE, label: 'Someone else' }];
  const name = `stages.${index}.who`;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          Who was involved? (optional)
        </legend>
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

function Feeling({ index, error }: { index: number; error?: string }) {
  const name = `stages.${index}.feeling`;
  const [field, , helpers] = useField<string | undefined>(name);
  const errorId = `${stageFieldId(index, 'feeling')}-error`;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? errorId : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          How did it feel?
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
                  {feeling.value} – {feeling.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
