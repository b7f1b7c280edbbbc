import { useField, useFormikContext } from 'formik';
import type { Question } from '../../schemas/index.ts';
import {
  fieldId,
  OTHER,
  otherKey,
  PREFER_NOT_TO_SAY,
  questionText,
} from '../../forms/questions.ts';
import { choiceOptions, type Option } from '../../forms/choiceOptions.ts';
import { describedBy, ErrorMessage, Hint, QuestionHeading } from './fieldParts.tsx';
import { CharacterCount } from './CharacterCount.tsx';
import { DateField } from './DateField.tsx';
import { ReadAloud } from './ReadAloud.tsx';
import { EasyReadPoint } from './EasyReadPoint.tsx';
import { inEasyRead } from '../../forms/easyReadQuestion.ts';
import { flowWords } from '../../forms/flowWords.ts';

export interface QuestionFieldProps {
  question: Question;
  errors: Record<string, string | undefined>;
  easyRead: boolean;
  /** On one-question pages the question is the page's h1 (GOV.UK question pages). */
  asPageHeading?: boolean;
  /** Shown when the page cannot hide a conditional question (no JavaScript). */
  conditionNote?: string;
}

/** The id of a question's first input: where error summary links point. */
export { fieldId };

export function QuestionField({
  question: asWritten,
  errors,
  easyRead,
  asPageHeading = false,
  conditionNote,
}: QuestionFieldProps) {
  const question = inEasyRead(asWritten, easyRead);
  const picture = easyRead ? question.picture : undefined;
  const id = fieldId(question.id);
  const text = questionText(question, easyRead);
  const error = errors[question.id];
  const hintText = [question.hint, conditionNote].filter(Boolean).join(' ');
  const hintId = hintText ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const name = `answers.${question.id}`;
  const heading = (
    <QuestionHeading text={text} optional={question.optional} asPageHeading={asPageHeading} />
  );
  const legendClass = `govuk-fieldset__legend ${asPageHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--m'}`;
  const labelClass = `govuk-label ${asPageHeading ? 'govuk-label--l' : 'govuk-label--m'}`;
  const group = (children: React.ReactNode) => (
    <div
      className={`govuk-form-group${error || errors[otherKey(question.id)] ? ' govuk-form-group--error' : ''}`}
    >
      <EasyReadPoint picture={picture}>{children}</EasyReadPoint>
    </div>
  );
  const readAloud = (
    <ReadAloud
      question={question}
      text={text}
      easyRead={easyRead}
      error={error ?? errors[otherKey(question.id)]}
    />
  );
  const labelText = (
    <QuestionHeading text={text} optional={question.optional} asPageHeading={false} />
  );
  const labelEl = asPageHeading ? (
    <h1 className="govuk-label-wrapper">
      <label className={labelClass} htmlFor={id}>
        {labelText}
      </label>
    </h1>
  ) : (
    <label className={labelClass} htmlFor={id}>
      {labelText}
    </label>
  );

  switch (question.type) {
    case 'short-text':
      return group(
        <>
          {labelEl}
          <Hint id={`${id}-hint`}>{hintText}</Hint>
          <ErrorMessage id={`${id}-error`} message={error} />
          <TextInput
            id={id}
            name={name}
            describedBy={describedBy(hintId, errorId)}
            invalid={Boolean(error)}
          />
          {readAloud}
        </>,
      );
    case 'long-text':
      return (
        <EasyReadPoint picture={picture}>
          <CharacterCount
            id={id}
            name={name}
            maxLength={question.maxLength}
            label={labelEl}
            hint={hintText}
            error={error}
            after={readAloud}
          />
        </EasyReadPoint>
      );
    case 'number':
      return group(
        <>
          {labelEl}
          <Hint id={`${id}-hint`}>{hintText}</Hint>
          <ErrorMessage id={`${id}-error`} message={error} />
          <div className="govuk-input__wrapper">
            <TextInput
              id={id}
              name={name}
              describedBy={describedBy(hintId, errorId)}
              invalid={Boolean(error)}
              inputMode="decimal"
              className="govuk-input--width-5"
              hide={question.sensitive ? PREFER_NOT_TO_SAY : undefined}
            />
            {question.unit && (
              <div className="govuk-input__suffix" aria-hidden="true">
                {question.unit}
              </div>
            )}
          </div>
          {question.sensitive && <DeclineNumber id={`${id}-declined`} name={name} />}
          {readAloud}
        </>,
      );
    case 'date':
      return group(
        <fieldset
          className="govuk-fieldset"
          role="group"
          aria-describedby={describedBy(`${id}-hint`, errorId)}
        >
          <legend className={legendClass}>{heading}</legend>
          <Hint id={`${id}-hint`}>{hintText || flowWords(easyRead).dateHint}</Hint>
          <ErrorMessage id={`${id}-error`} message={error} />
          <DateField id={id} name={name} invalid={Boolean(error)} />
          {readAloud}
        </fieldset>,
      );
    default:
      return group(
        <fieldset className="govuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
          <legend className={legendClass}>{heading}</legend>
          <Hint id={`${id}-hint`}>{hintText}</Hint>
          <ErrorMessage id={`${id}-error`} message={error} />
          <Choices
            question={question}
            id={id}
            name={name}
            easyRead={easyRead}
            otherError={errors[otherKey(question.id)]}
          />
          {readAloud}
        </fieldset>,
      );
  }
}

function TextInput({
  id,
  name,
  describedBy: by,
  invalid,
  inputMode,
  className = '',
  hide,
}: {
  id: string;
  name: string;
  describedBy?: string;
  invalid: boolean;
  inputMode?: 'decimal';
  className?: string;
  /** A value the box does not show as text ("Prefer not to say", chosen with its own box). */
  hide?: string;
}) {
  const [field] = useField<string | undefined>(name);
  return (
    <input
      className={`govuk-input ${className}${invalid ? ' govuk-input--error' : ''}`}
      id={id}
      name={name}
      type="text"
      inputMode={inputMode}
      spellCheck={inputMode ? false : undefined}
      aria-describedby={by}
      aria-invalid={invalid || undefined}
      value={field.value === undefined || field.value === hide ? '' : field.value}
      onChange={field.onChange}
    />
  );
}

/**
 * "Prefer not to say" for a sensitive number: GOV.UK's exclusive "or" checkbox. With JavaScript
 * ticking it empties the number and typing a number unticks it; without JavaScript both are sent
 * under the same name and the server asks for one or the other.
 */
function DeclineNumber({ id, name }: { id: string; name: string }) {
  const [field, , helpers] = useField<string | undefined>(name);
  return (
    <div className="govuk-checkboxes govuk-checkboxes--small sg-decline">
      <div className="govuk-checkboxes__divider">or</div>
      <div className="govuk-checkboxes__item">
        <input
          className="govuk-checkboxes__input"
          id={id}
          name={name}
          type="checkbox"
          value={PREFER_NOT_TO_SAY}
          checked={field.value === PREFER_NOT_TO_SAY}
          onChange={(event) => void helpers.setValue(event.target.checked ? PREFER_NOT_TO_SAY : '')}
        />
        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
          Prefer not to say
        </label>
      </div>
    </div>
  );
}

function Choices({
  question,
  id,
  name,
  easyRead,
  otherError,
}: {
  question: Question;
  id: string;
  name: string;
  easyRead: boolean;
  otherError?: string;
}) {
  const multiple = question.type === 'multiple-choice';
  const { values, setFieldValue } = useFormikContext<{ answers: Record<string, unknown> }>();
  const current = values.answers[question.id];
  const picked = multiple ? ((current as string[] | undefined) ?? []) : current;
  const { options, exclusive } = choiceOptions(question, easyRead);
  const kind = multiple ? 'checkboxes' : 'radios';
  const inline = question.type === 'yes-no';
  let index = 0;

  const toggle = (value: string, checked: boolean) => {
    if (!multiple) return setFieldValue(name, value);
    const list = picked as string[];
    const isExclusive = exclusive.some((o) => o.value === value);
    // GOV.UK "exclusive" checkboxes: choosing None clears the rest, and the other way round.
    const next = !checked
      ? list.filter((v) => v !== value)
      : isExclusive
        ? [value]
        : [...list.filter((v) => !exclusive.some((o) => o.value === v)), value];
    return setFieldValue(name, next);
  };

  const item = (option: Option) => {
    const inputId = index === 0 ? id : `${id}-${index + 1}`;
    index += 1;
    const checked = multiple
      ? (picked as string[]).includes(option.value)
      : picked === option.value;
    const isOther = option.value === OTHER;
    const otherId = `${id}-other`;
    return (
      <div key={option.value}>
        <div className={`govuk-${kind}__item`}>
          <input
            className={`govuk-${kind}__input`}
            id={inputId}
            name={name}
            type={multiple ? 'checkbox' : 'radio'}
            value={option.value}
            checked={checked}
            onChange={(event) => toggle(option.value, event.target.checked)}
            aria-describedby={option.hint ? `${inputId}-hint` : undefined}
            data-behaviour={
              exclusive.some((o) => o.value === option.value) ? 'exclusive' : undefined
            }
          />
          <label className={`govuk-label govuk-${kind}__label`} htmlFor={inputId}>
            {option.label}
          </label>
          {option.hint && (
            <div id={`${inputId}-hint`} className={`govuk-hint govuk-${kind}__hint`}>
              {option.hint}
            </div>
          )}
        </div>
        {isOther && (
          <OtherAnswer
            id={otherId}
            name={`answers.${otherKey(question.id)}`}
            easyRead={easyRead}
            error={otherError}
          />
        )}
      </div>
    );
  };

  return (
    <div className={`govuk-${kind}${inline ? ` govuk-${kind}--inline` : ''}`}>
      {options.map(item)}
      {exclusive.length > 0 && (
        <>
          <div className={`govuk-${kind}__divider`}>or</div>
          {exclusive.map(item)}
        </>
      )}
    </div>
  );
}

/** "Other, please say": always visible, so it works the same with and without JavaScript. */
function OtherAnswer({
  id,
  name,
  easyRead,
  error,
}: {
  id: string;
  name: string;
  easyRead: boolean;
  error?: string;
}) {
  const [field] = useField<string | undefined>(name);
  const label = flowWords(easyRead).otherBox;
  return (
    <div className={`govuk-form-group sg-other${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        className={`govuk-input govuk-!-width-two-thirds${error ? ' govuk-input--error' : ''}`}
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
