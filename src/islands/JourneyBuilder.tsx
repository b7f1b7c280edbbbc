import { Form, Formik, useFormikContext, type FormikProps } from 'formik';
import { useEffect, useRef, useState } from 'react';
import type { Journey } from '../schemas/index.ts';
import { ActivityIntro } from '../components/views/ActivityIntro.tsx';
import { ConsentFields } from '../components/survey/ConsentFields.tsx';
import { ErrorSummary } from '../components/survey/ErrorSummary.tsx';
import { Confirmation } from '../components/survey/Confirmation.tsx';
import { ErrorMessage } from '../components/survey/fieldParts.tsx';
import { StageFields, stageFieldId } from '../components/journey/StageFields.tsx';
import { EmotionCurve } from '../components/journey/EmotionCurve.tsx';
import { JourneyTable } from '../components/journey/JourneyTable.tsx';
import {
  emptyStage,
  journeyErrors,
  MAX_STAGES,
  moveStage,
  SOMEONE_ELSE,
  type JourneyValues,
  type StageValues,
} from '../forms/journeyMap.ts';
import { consentErrors, type FieldErrors } from '../forms/validateSurvey.ts';
import { normaliseValues } from '../forms/values.ts';
import { clearDraft, loadDraft, saveDraft } from '../client/surveyDraft.ts';
import { deliver, flush, type Delivery } from '../client/outbox.ts';

export type JourneyStep = 'start' | 'build' | 'check' | { done: string };

export interface JourneyState {
  step: JourneyStep;
  values: JourneyValues;
  errors: FieldErrors;
  /** Said by the live region after a stage moves: "Assessment is now stage 2 of 5". */
  announcement?: string;
  notice?: string;
  /** Consent statements in their easy-read wording, where the activity provides it. */
  easyRead?: boolean;
}

interface Props {
  journey: Journey;
  slug: string;
  siteName: string;
  initial: JourneyState;
}

/**
 * The journey-map builder. Server-rendered for every step, so adding, removing and moving
 * stages are form posts without JavaScript; with it, the same buttons act in the page, the
 * map is kept on the device, and a map sent offline waits until it can be delivered.
 */
export default function JourneyBuilder({ journey, slug, siteName, initial }: Props) {
  const [state, setState] = useState<JourneyState>(initial);
  const [ready, setReady] = useState(false);
  const [queued, setQueued] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const formik = useRef<FormikProps<JourneyValues>>(null);
  const top = useRef<HTMLDivElement>(null);
  const apiUrl = `/api/journeys/${slug}/maps`;
  const draftKey = `journey-${slug}`;
  const { step } = state;
  const hasEasyRead = journey.consent.statements.some((s) => s.easyRead);
  const roleLabel = (value: string) =>
    value === SOMEONE_ELSE
      ? 'Someone else'
      : (journey.involvedRoles.find((r) => r.value === value)?.label ?? value);

  useEffect(() => {
    const draft = loadDraft<JourneyState>(draftKey);
    if (draft && initial.step === 'start' && typeof draft.state.step === 'string') {
      setState({ ...draft.state, errors: {} });
      formik.current?.resetForm({ values: draft.state.values });
    } else if (!initial.values.submissionId) {
      formik.current?.setFieldValue('submissionId', crypto.randomUUID());
    }
    setReady(true);
    const retry = () =>
      flush((item, result) => {
        if (item.url === apiUrl) onDelivery(result);
      });
    void retry();
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, []);

  useEffect(() => {
    if (!ready) return;
    const title =
      step === 'start'
        ? journey.title
        : step === 'build'
          ? `Your journey map – ${journey.title}`
          : step === 'check'
            ? `Check your journey map – ${journey.title}`
            : `Journey map sent – ${journey.title}`;
    document.title = `${Object.keys(state.errors).length ? 'Error: ' : ''}${title} – ${siteName}`;
  }, [ready, step, state.errors, journey.title, siteName]);

  function goTo(next: JourneyStep, values?: JourneyValues) {
    setState((s) => ({
      ...s,
      step: next,
      errors: {},
      announcement: undefined,
      values: values ?? s.values,
    }));
    window.setTimeout(() => {
      window.scrollTo(0, 0);
      top.current?.focus();
    }, 0);
  }

  function showErrors(errors: FieldErrors) {
    setState((s) => ({ ...s, errors }));
    setFocusKey((k) => k + 1);
  }

  function onDelivery(result: Delivery) {
    if (result.kind === 'waiting') return setQueued(true);
    setQueued(false);
    if (result.kind === 'delivered') {
      clearDraft(draftKey);
      return goTo({ done: result.receipt });
    }
    const body = result.body as { errors?: FieldErrors; error?: string };
    if (body.errors) return showErrors(body.errors);
    setState((s) => ({
      ...s,
      notice: body.error ?? 'Your map could not be sent. Please try again later.',
    }));
  }

  const setStages = (stages: StageValues[], announcement?: string) => {
    formik.current?.setFieldValue('stages', stages);
    setState((s) => ({ ...s, announcement }));
  };

  function move(index: number, by: -1 | 1) {
    const stages = formik.current!.values.stages;
    const next = moveStage(stages, index, by);
    const to = index + by;
    setStages(next, `${next[to].name || 'New stage'} is now stage ${to + 1} of ${next.length}.`);
    // Keep focus on the same control of the stage that moved, so the next press moves it again.
    window.setTimeout(() => {
      const button = document.querySelector<HTMLButtonElement>(
        `#stage-${to} [data-move="${by < 0 ? 'up' : 'down'}"]`,
      );
      (button ?? document.querySelector<HTMLElement>(`#stage-${to} [data-move]`))?.focus();
    }, 0);
  }

  function remove(index: number) {
    const stages = formik.current!.values.stages;
    const removed = stages[index]?.name || 'New stage';
    setStages(
      stages.filter((_, i) => i !== index),
      `${removed} removed. ${stages.length - 1} stages left.`,
    );
    window.setTimeout(() => document.getElementById('add-stage')?.focus(), 0);
  }

  function add() {
    const stages = formik.current!.values.stages;
    if (stages.length >= MAX_STAGES)
      return showErrors({ stages: `A map can have at most ${MAX_STAGES} stages` });
    setStages([...stages, emptyStage()], `Stage ${stages.length + 1} added.`);
    window.setTimeout(
      () => document.getElementById(stageFieldId(stages.length, 'name'))?.focus(),
      0,
    );
  }

  async function validate(values: JourneyValues) {
    const errors =
      step === 'start'
        ? consentErrors(journey, values.consent)
        : step === 'build'
          ? await journeyErrors(journey, values)
          : {};
    if (Object.keys(errors).length > 0) showErrors(errors);
    return Object.keys(errors).length > 0 ? { stages: 'invalid' } : {};
  }

  async function onSubmit(values: JourneyValues) {
    if (step === 'start') {
      const blank =
        (document.querySelector<HTMLInputElement>('input[name="start"]:checked')?.value ??
          'suggested') === 'blank';
      const stages =
        blank || journey.suggestedStages.length === 0
          ? [emptyStage()]
          : journey.suggestedStages.map((s) => emptyStage(s.name));
      formik.current?.setFieldValue('stages', stages);
      return goTo('build', { ...values, stages });
    }
    if (step === 'build') return goTo('check', values);
    const clean = normaliseValues(values);
    onDelivery(
      await deliver({
        url: apiUrl,
        body: { ...clean, stages: clean.stages, submissionId: values.submissionId! },
      }),
    );
  }

  return (
    <Formik<JourneyValues>
      innerRef={formik}
      initialValues={initial.values}
      validate={validate}
      validateOnBlur={false}
      validateOnChange={false}
      onSubmit={onSubmit}
    >
      {({ values }) => (
        <>
          <AutoSave draftKey={draftKey} state={state} enabled={ready} />
          {step === 'start' ? (
            <a href="/journeys/" className="govuk-back-link">
              Back to journey mapping
            </a>
          ) : typeof step === 'string' ? (
            <button
              type="submit"
              form="journey-form"
              name="action"
              value="back"
              className="govuk-back-link sg-link-button"
              onClick={(e) => {
                e.preventDefault();
                goTo(step === 'check' ? 'build' : 'start');
              }}
            >
              Back
            </button>
          ) : null}
          <ErrorSummary items={summaryItems(state.errors)} focusKey={focusKey} />
          {state.notice && <div className="govuk-inset-text">{state.notice}</div>}
          <div ref={top} tabIndex={-1} className="sg-step-start">
            {typeof step !== 'string' ? (
              <Confirmation
                survey={journey}
                receipt={step.done}
                easyRead={Boolean(state.easyRead)}
              />
            ) : (
              <Form id="journey-form" method="post" action={`/journeys/${slug}/form/`} noValidate>
                <input type="hidden" name="step" value={step} />
                <input type="hidden" name="submissionId" value={values.submissionId ?? ''} />
                <input type="hidden" name="easyRead" value={state.easyRead ? '1' : ''} />
                {step !== 'start' &&
                  journey.consent.statements.map((s) =>
                    values.consent[s.id] ? (
                      <input type="hidden" name={`consent.${s.id}`} value="yes" key={s.id} />
                    ) : null,
                  )}
                {step === 'check' && <HiddenStages stages={values.stages} role={values.role} />}
                {step === 'start' && (
                  <ActivityIntro
                    kind="Journey map"
                    activity={journey}
                    easyRead={Boolean(state.easyRead)}
                  >
                    <ConsentFields
                      activity={journey}
                      errors={state.errors}
                      easyRead={Boolean(state.easyRead)}
                    />
                    <StartChoice journey={journey} />
                  </ActivityIntro>
                )}
                {step === 'build' && (
                  <>
                    <span className="govuk-caption-l">{journey.title}</span>
                    <h1 className="govuk-heading-xl">Your journey map</h1>
                    <p className="govuk-body">
                      Name each stage and say how it felt. Add, remove or move stages with the
                      buttons. You can leave the other boxes empty.
                    </p>
                    {values.stages.map((_, index) => (
                      <StageFields
                        key={index}
                        journey={journey}
                        index={index}
                        count={values.stages.length}
                        errors={state.errors}
                        onMove={ready ? move : undefined}
                        onRemove={ready ? remove : undefined}
                      />
                    ))}
                    <ErrorMessage id="add-stage-error" message={state.errors.stages} />
                    <button
                      type="submit"
                      id="add-stage"
                      name="action"
                      value="add"
                      className="govuk-button govuk-button--secondary"
                      onClick={
                        ready
                          ? (e) => {
                              e.preventDefault();
                              add();
                            }
                          : undefined
                      }
                    >
                      Add a stage
                    </button>
                    <MapSoFar stages={values.stages} roleLabel={roleLabel} />
                    <RoleField journey={journey} error={state.errors.role} />
                    <div
                      role="status"
                      aria-live="polite"
                      className="govuk-visually-hidden"
                      data-announcement
                    >
                      {state.announcement}
                    </div>
                  </>
                )}
                {step === 'check' && (
                  <>
                    <span className="govuk-caption-l">{journey.title}</span>
                    <h1 className="govuk-heading-xl">Check your journey map</h1>
                    <EmotionCurve
                      points={values.stages.map((s) => ({
                        name: s.name ?? '',
                        feeling: Number(s.feeling),
                      }))}
                    />
                    <JourneyTable stages={values.stages} roleLabel={roleLabel} />
                    <p className="govuk-body">
                      You are taking part as:{' '}
                      {journey.participantRoles.find((r) => r.value === values.role)?.label}.
                    </p>
                  </>
                )}
                <div className="govuk-button-group">
                  {step === 'start' && hasEasyRead && (
                    <button
                      type="submit"
                      name="action"
                      value="easy-read"
                      className="govuk-button govuk-button--secondary"
                      onClick={
                        ready
                          ? (e) => {
                              e.preventDefault();
                              setState((s) => ({ ...s, easyRead: !s.easyRead }));
                            }
                          : undefined
                      }
                    >
                      {state.easyRead ? 'Use standard wording' : 'Use easy read wording'}
                    </button>
                  )}
                  <button
                    type="submit"
                    name="action"
                    value={step === 'check' ? 'submit' : 'continue'}
                    className="govuk-button"
                  >
                    {step === 'start'
                      ? 'Start your map'
                      : step === 'build'
                        ? 'Check your map'
                        : 'Send your journey map'}
                  </button>
                </div>
                <div role="status" className="govuk-body">
                  {queued &&
                    'You seem to be offline. Your map is saved on this device and will be sent as soon as you are back online.'}
                </div>
              </Form>
            )}
          </div>
        </>
      )}
    </Formik>
  );
}

/** The map drawn as it is built: every stage with a feeling on the curve, all in the table. */
function MapSoFar({
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

function StartChoice({ journey }: { journey: Journey }) {
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">How do you want to start?</h2>
        </legend>
        <div className="govuk-radios" data-module="govuk-radios">
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

function RoleField({ journey, error }: { journey: Journey; error?: string }) {
  const { values, setFieldValue } = useFormikContext<JourneyValues>();
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? 'role-error' : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Which best describes you?</h2>
        </legend>
        <ErrorMessage id="role-error" message={error} />
        <div className="govuk-radios" data-module="govuk-radios">
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
function HiddenStages({ stages, role }: { stages: StageValues[]; role?: string }) {
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

function AutoSave({
  draftKey,
  state,
  enabled,
}: {
  draftKey: string;
  state: JourneyState;
  enabled: boolean;
}) {
  const { values } = useFormikContext<JourneyValues>();
  useEffect(() => {
    if (!enabled) return;
    if (
      typeof state.step !== 'string' ||
      (state.step === 'start' && !Object.values(values.consent).some(Boolean))
    )
      clearDraft(draftKey);
    else saveDraft(draftKey, { ...state, values, announcement: undefined });
  }, [enabled, draftKey, state, values]);
  return null;
}

function summaryItems(errors: FieldErrors) {
  return Object.entries(errors).map(([key, text]) => {
    const stage = /^stages\.(\d+)\.(\w+)$/.exec(key);
    if (stage) return { href: stageFieldId(Number(stage[1]), stage[2]), text };
    if (key.startsWith('consent.'))
      return { href: `consent-${key.slice('consent.'.length)}`, text };
    if (key === 'stages') return { href: 'add-stage', text };
    return { href: key, text };
  });
}
