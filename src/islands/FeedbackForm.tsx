import { Form, Formik, useField, useFormikContext } from 'formik';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Prototype } from '../schemas/index.ts';
import { featureKey } from '../schemas/featureKey.ts';
import {
  feedbackErrors,
  feedbackFieldId,
  flattenErrors,
  HONEYPOT,
  orderedErrors,
  feedbackPageTitle,
  LIMITS,
  PRACTITIONER_KINDS,
  REACTIONS,
  ROLES,
  USEFULNESS,
  usefulnessNumber,
  type FeedbackErrors,
  type FeedbackValues,
} from '../forms/feedback.ts';
import type { FeedbackState } from '../forms/feedback.ts';
import { CharacterCount } from '../components/survey/CharacterCount.tsx';
import { ErrorSummary } from '../components/survey/ErrorSummary.tsx';
import { describedBy, ErrorMessage, Hint } from '../components/survey/fieldParts.tsx';
import { normaliseValues } from '../forms/values.ts';
import { FeedbackConfirmation } from '../components/prototype/FeedbackConfirmation.tsx';

export interface FeedbackFormProps {
  prototype: Prototype;
  slug: string;
  initial: FeedbackState;
}

/**
 * Feedback on a prototype scope. Server-rendered as a plain form that posts to the feedback page
 * (so it works without JavaScript); with JavaScript, Formik checks it with the same rules the
 * server uses and sends it to the API, and the receipt appears in place.
 */
export default function FeedbackForm({ prototype, slug, initial }: FeedbackFormProps) {
  const [state, setState] = useState(initial);
  const [focusKey, setFocusKey] = useState(0);
  const [sending, setSending] = useState(false);
  // Sent from this page: the confirmation is a new page to the participant, so reading starts
  // at its heading (as a survey's steps do), not at a button that is gone.
  const confirmation = useRef<HTMLDivElement>(null);
  const sentHere = useRef(false);
  // Focused as it is put on the page, so the next key press already starts from it.
  useLayoutEffect(() => {
    if (state.receipt && sentHere.current) confirmation.current?.focus();
  }, [state.receipt]);

  if (state.receipt) {
    return (
      <div ref={confirmation} tabIndex={-1} className="sg-step-start">
        <FeedbackConfirmation prototype={prototype} slug={slug} receipt={state.receipt} />
      </div>
    );
  }

  /** Shows problems found in the browser or by the server, and moves focus to the summary. */
  function showErrors(values: FeedbackValues, errors: FeedbackErrors, notice?: string) {
    setState((current) => ({ ...current, values, errors, notice }));
    setFocusKey((k) => k + 1);
    const failed = Object.keys(errors).length > 0 || notice;
    retitle(feedbackPageTitle(false, Boolean(failed)));
  }

  async function send(values: FeedbackValues, form: HTMLFormElement | null) {
    setSending(true);
    try {
      const honeypot = form?.querySelector<HTMLInputElement>(`[name="${HONEYPOT}"]`)?.value ?? '';
      const response = await fetch(`/api/prototypes/${slug}/feedback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          ...normaliseValues(values),
          usefulness: usefulnessNumber(values.usefulness),
          [HONEYPOT]: honeypot,
        }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        receipt?: string;
        errors?: FeedbackErrors;
        error?: string;
      };
      if (response.ok && body.receipt) {
        sentHere.current = true;
        setState((current) => ({ ...current, values, receipt: body.receipt, errors: {} }));
        window.scrollTo(0, 0);
        retitle(feedbackPageTitle(true, false));
      } else if (response.status === 422 && body.errors) {
        showErrors(values, body.errors);
      } else {
        showErrors(values, {}, body.error ?? 'Your feedback could not be sent. Please try again.');
      }
    } catch {
      showErrors(
        values,
        {},
        'Your feedback could not be sent: check your connection and press Send again. Nothing you wrote has been lost.',
      );
    } finally {
      setSending(false);
    }
  }

  return (
    <Formik<FeedbackValues>
      initialValues={state.values}
      validateOnChange={false}
      validateOnBlur={false}
      validate={async (values) => {
        const errors = await feedbackErrors(prototype, values);
        if (Object.keys(errors).length > 0) showErrors(values, errors);
        return errors;
      }}
      onSubmit={(values) => send(values, document.querySelector('form[data-feedback-form]'))}
    >
      {() => {
        const shown = state.errors;
        return (
          <Form
            method="post"
            action={`/prototypes/${slug}/feedback/`}
            noValidate
            data-feedback-form
          >
            <a href={`/prototypes/${slug}/`} className="govuk-back-link">
              Back to the scope
            </a>
            {state.notice && Object.keys(shown).length === 0 && (
              <Notice key={focusKey} text={state.notice} />
            )}
            <ErrorSummary
              items={orderedErrors(prototype, shown).map(([path, text]) => ({
                href: feedbackFieldId(path),
                text,
              }))}
              focusKey={focusKey}
            />
            <span className="govuk-caption-l">{prototype.title}</span>
            <h1 className="govuk-heading-xl">Tell us what you think</h1>
            <p className="govuk-body">
              You do not need an account. Tell us who you are, and answer at least one question
              about the scope: how useful it would be, a feature, or a comment. Everything else is
              optional. It takes about 5 minutes.
            </p>
            <div className="govuk-inset-text">
              We read every comment before anyone else can see it. Please do not name a child, a
              family, a school or a worker. If you are worried about a child now,{' '}
              <a className="govuk-link" href="/get-help/">
                find out who to contact
              </a>
              .
            </div>
            <FeedbackFields prototype={prototype} errors={shown} />
            <input type="hidden" name="submissionId" value={state.values.submissionId} />
            <button
              type="submit"
              className="govuk-button"
              disabled={sending}
              aria-disabled={sending || undefined}
            >
              {sending ? 'Sending…' : 'Send feedback'}
            </button>
          </Form>
        );
      }}
    </Formik>
  );
}

/** Sets the page title, keeping the site name the server put at its end. */
function retitle(title: string) {
  document.title = `${title} – ${document.title.split(' – ').at(-1)}`;
}

/** A problem that is not about one field, focused like an error summary. */
function Notice({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  return (
    <div className="govuk-error-summary" tabIndex={-1} ref={ref} autoFocus>
      <div role="alert">
        <h2 className="govuk-error-summary__title">Your feedback was not sent</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">{text}</p>
        </div>
      </div>
    </div>
  );
}

function errorAt(errors: FeedbackErrors, path: string): string | undefined {
  return flattenErrors(errors)[path];
}

export function FeedbackFields({
  prototype,
  errors,
}: {
  prototype: Prototype;
  errors: FeedbackErrors;
}) {
  return (
    <>
      <Radios
        name="usefulness"
        id="usefulness"
        legend={<h2 className="govuk-fieldset__heading">How useful would this tool be?</h2>}
        legendClass="govuk-fieldset__legend--m"
        hint="Think about the whole idea, as it is written here."
        options={USEFULNESS.map((o) => ({ value: String(o.value), label: o.label }))}
        error={errorAt(errors, 'usefulness')}
      />

      <h2 className="govuk-heading-m">What do you think of each feature?</h2>
      <p className="govuk-body">Answer for as many or as few as you like.</p>
      {prototype.features.map((feature) => {
        const key = featureKey(feature);
        return (
          <div className="sg-card" key={key}>
            <Radios
              name={`reactions.${key}`}
              id={`reaction-${key}`}
              legend={<h3 className="govuk-fieldset__heading">{feature.name}</h3>}
              legendClass="govuk-fieldset__legend--s"
              inline
              options={REACTIONS.map((r) => ({ value: r.value, label: r.label }))}
              error={errorAt(errors, `reactions.${key}`)}
            />
            <CharacterCount
              id={`why-${key}`}
              name={`why.${key}`}
              maxLength={LIMITS.why}
              label={
                <label className="govuk-label" htmlFor={`why-${key}`}>
                  Why? (optional)
                  <span className="govuk-visually-hidden"> About “{feature.name}”</span>
                </label>
              }
              error={errorAt(errors, `why.${key}`)}
            />
          </div>
        );
      })}

      <CharacterCount
        id="comment"
        name="comment"
        maxLength={LIMITS.comment}
        label={
          <h2 className="govuk-label-wrapper">
            <label className="govuk-label govuk-label--m" htmlFor="comment">
              Anything else you want to tell us? (optional)
            </label>
          </h2>
        }
        hint="For example, what is missing, what worries you, or an answer to one of our questions. Please do not name a child, a family, a school or a worker."
        error={errorAt(errors, 'comment')}
      />

      <Radios
        name="role"
        id="role"
        legend={<h2 className="govuk-fieldset__heading">Which of these describes you?</h2>}
        legendClass="govuk-fieldset__legend--m"
        hint="We use this to see how different people feel about the idea. It is shown with your comment, if we publish it."
        options={ROLES.map((r) => ({ value: r.value, label: r.label }))}
        error={errorAt(errors, 'role')}
        after={{
          practitioner: (
            <Select
              name="practitionerKind"
              id="practitionerKind"
              label="What kind of practitioner are you?"
              options={PRACTITIONER_KINDS.map((k) => ({ value: k.value, label: k.label }))}
              error={errorAt(errors, 'practitionerKind')}
            />
          ),
        }}
      />

      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">What we may do with your words</h2>
        </legend>
        <div className="govuk-hint" id="consent-hint">
          Tick what you agree to. You can send feedback without ticking either.
        </div>
        <div className="govuk-checkboxes">
          <Tick
            name="consentQuote"
            label="You may quote my words in findings on this site, without my name"
          />
          <Tick
            name="consentShow"
            label="You may show my comment on this page, after the team has checked it"
          />
        </div>
      </fieldset>

      <Radios
        name="nameChoice"
        id="nameChoice"
        legend={<h2 className="govuk-fieldset__heading">If we show your comment, show it</h2>}
        legendClass="govuk-fieldset__legend--m"
        hint="Only needed if you wrote a comment and said we may show it."
        options={[
          { value: 'anonymous', label: 'Anonymously' },
          { value: 'name', label: 'With a name I choose' },
        ]}
        error={errorAt(errors, 'nameChoice')}
        after={{
          name: (
            <TextField
              name="displayName"
              id="displayName"
              label="Name to show"
              hint="A first name or a made-up name is fine."
              error={errorAt(errors, 'displayName')}
            />
          ),
        }}
      />

      <div className="sg-honeypot" aria-hidden="true">
        <label htmlFor={HONEYPOT}>Leave this empty</label>
        <input id={HONEYPOT} name={HONEYPOT} type="text" tabIndex={-1} autoComplete="off" />
      </div>
    </>
  );
}

function Radios({
  name,
  id,
  legend,
  legendClass,
  hint,
  options,
  error,
  inline = false,
  after = {},
}: {
  name: string;
  id: string;
  legend: ReactNode;
  legendClass: string;
  hint?: string;
  options: { value: string; label: string }[];
  error?: string;
  inline?: boolean;
  /** Shown under an option, always, so the form is the same with and without JavaScript. */
  after?: Record<string, ReactNode>;
}) {
  const [field] = useField<string | number | undefined>(name);
  const current = field.value === undefined ? undefined : String(field.value);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        className="govuk-fieldset"
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      >
        <legend className={`govuk-fieldset__legend ${legendClass}`}>{legend}</legend>
        <Hint id={`${id}-hint`}>{hint}</Hint>
        <ErrorMessage id={`${id}-error`} message={error} />
        <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`}>
          {options.map((option, i) => {
            const inputId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div key={option.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={inputId}
                    name={name}
                    type="radio"
                    value={option.value}
                    checked={current === option.value}
                    onChange={field.onChange}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                    {option.label}
                  </label>
                </div>
                {after[option.value] && (
                  <div className="govuk-radios__conditional sg-conditional">
                    {after[option.value]}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

function Tick({ name, label }: { name: 'consentQuote' | 'consentShow'; label: string }) {
  const { values, setFieldValue } = useFormikContext<FeedbackValues>();
  return (
    <div className="govuk-checkboxes__item">
      <input
        className="govuk-checkboxes__input"
        id={name}
        name={name}
        type="checkbox"
        value="yes"
        aria-describedby="consent-hint"
        checked={values[name] === true}
        onChange={(event) => setFieldValue(name, event.target.checked || undefined)}
      />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={name}>
        {label}
      </label>
    </div>
  );
}

function Select({
  name,
  id,
  label,
  options,
  error,
}: {
  name: string;
  id: string;
  label: string;
  options: { value: string; label: string }[];
  error?: string;
}) {
  const [field] = useField<string | undefined>(name);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <ErrorMessage id={`${id}-error`} message={error} />
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={name}
        aria-describedby={error ? `${id}-error` : undefined}
        value={field.value ?? ''}
        onChange={field.onChange}
      >
        <option value="">Choose one</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextField({
  name,
  id,
  label,
  hint,
  error,
}: {
  name: string;
  id: string;
  label: string;
  hint?: string;
  error?: string;
}) {
  const [field] = useField<string | undefined>(name);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        className={`govuk-input govuk-!-width-two-thirds${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={name}
        type="text"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        value={field.value ?? ''}
        onChange={field.onChange}
      />
    </div>
  );
}
