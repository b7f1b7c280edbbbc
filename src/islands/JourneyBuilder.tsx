import { Form, Formik, useFormikContext, type FormikProps } from 'formik';
import { Fragment, useEffect, useRef, useState } from 'react';
import type { Journey } from '../schemas/index.ts';
import { ActivityIntro } from '../components/views/ActivityIntro.tsx';
import { ConsentFields } from '../components/survey/ConsentFields.tsx';
import { DeviceDraftNote } from '../components/survey/DeviceDraftNote.tsx';
import { ErrorSummary } from '../components/survey/ErrorSummary.tsx';
import { Confirmation } from '../components/survey/Confirmation.tsx';
import { ErrorMessage } from '../components/survey/fieldParts.tsx';
import { StageFields, stageFieldId } from '../components/journey/StageFields.tsx';
import {
  HiddenStages,
  MapSoFar,
  RoleField,
  StartChoice,
} from '../components/journey/BuilderParts.tsx';
import { CheckMap } from '../components/journey/CheckMap.tsx';
import { SuccessBanner } from '../components/journey/SuccessBanner.tsx';
import {
  journeyErrors,
  MAX_STAGES,
  SOMEONE_ELSE,
  type JourneyValues,
} from '../forms/journeyMap.ts';
import {
  addStage,
  removeStage,
  shiftStage,
  startingStages,
  type StageChange,
} from '../forms/journeyStages.ts';
import { journeyPageTitle } from '../forms/journeyTitles.ts';
import { consentErrors, type FieldErrors } from '../forms/validateSurvey.ts';
import { normaliseValues } from '../forms/values.ts';
import { clearDraft, loadDraft, saveDraft } from '../client/surveyDraft.ts';
import { deliver, flush, type Delivery } from '../client/outbox.ts';

export type JourneyStep = 'start' | 'build' | 'check' | { done: string };

export interface JourneyState {
  step: JourneyStep;
  values: JourneyValues;
  errors: FieldErrors;
  /** Said by the live region after a stage moves: "Assessment moved down. It is now stage 2 of 5". */
  announcement?: string;
  /** The stage just added, moved or removed: the message shown there, where focus returns. */
  changed?: { at: number; text: string };
  /** The map was just cleared from this device: say so. */
  cleared?: boolean;
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
  const [restored, setRestored] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const formik = useRef<FormikProps<JourneyValues>>(null);
  const top = useRef<HTMLDivElement>(null);
  const action = `/journeys/${slug}/form/`;
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
      setState({ ...draft.state, errors: {}, changed: undefined });
      formik.current?.resetForm({ values: draft.state.values });
      setRestored(true);
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
    document.title = journeyPageTitle(journey.title, step, state.errors, siteName);
  }, [ready, step, state.errors, journey.title, siteName]);

  function goTo(next: JourneyStep, values?: JourneyValues, focusId?: string) {
    setState((s) => ({
      ...s,
      step: next,
      errors: {},
      announcement: undefined,
      changed: undefined,
      cleared: false,
      values: values ?? s.values,
    }));
    window.setTimeout(() => {
      const target = focusId && document.getElementById(focusId);
      if (target) {
        target.scrollIntoView();
        target.focus();
        return;
      }
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

  /** Applies a change to the stages and says what changed, on screen and to screen readers. */
  function apply(change: StageChange | undefined, focus: (at: number) => HTMLElement | null) {
    if (!change) return showErrors({ stages: `A map can have at most ${MAX_STAGES} stages` });
    formik.current?.setFieldValue('stages', change.stages);
    setState((s) => ({ ...s, announcement: change.text, changed: change }));
    window.setTimeout(() => focus(change.at)?.focus(), 0);
  }

  // After a move, focus stays on the same control of the stage that moved, so the next press
  // moves it again; after an add, the new stage's name; after a remove, the message saying so.
  const move = (index: number, by: -1 | 1) =>
    apply(
      shiftStage(formik.current!.values.stages, index, by),
      (at) =>
        document.querySelector(`#stage-${at} [data-move="${by < 0 ? 'up' : 'down'}"]`) ??
        document.querySelector(`#stage-${at} [data-move]`),
    );
  const remove = (index: number) =>
    apply(removeStage(formik.current!.values.stages, index), () =>
      document.getElementById(STAGE_CHANGE_ID),
    );
  const add = () =>
    apply(addStage(formik.current!.values.stages), (at) =>
      document.getElementById(stageFieldId(at, 'name')),
    );

  function clearThisDevice() {
    clearDraft(draftKey);
    const empty = { stages: [], consent: {}, submissionId: crypto.randomUUID() };
    formik.current?.resetForm({ values: empty });
    setRestored(false);
    goTo('start', empty, CLEARED_ID);
    setState((s) => ({ ...s, cleared: true, notice: undefined }));
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
        document.querySelector<HTMLInputElement>('input[name="start"]:checked')?.value === 'blank';
      const stages = startingStages(journey, values.stages, blank);
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

  const mainLabel =
    step === 'start'
      ? 'Start your map'
      : step === 'build'
        ? 'Check your map'
        : 'Send your journey map';
  const intercept = (handler: () => void) =>
    ready
      ? (event: React.MouseEvent) => {
          event.preventDefault();
          handler();
        }
      : undefined;

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
          {typeof step !== 'string' ? (
            <div ref={top} tabIndex={-1} className="sg-step-start">
              <Confirmation survey={journey} receipt={step.done} />
            </div>
          ) : (
            <Form id="journey-form" method="post" action={action} noValidate>
              {/* Enter in a text box "clicks" the form's first submit button: this one, which
                  does what the main button does (never Back, Move or Remove). */}
              <button type="submit" name="action" value="continue" hidden tabIndex={-1}>
                {mainLabel}
              </button>
              {step === 'start' ? (
                <a href="/journeys/" className="govuk-back-link">
                  Back to journey mapping
                </a>
              ) : (
                <button
                  type="submit"
                  name="action"
                  value="back"
                  className="govuk-back-link sg-link-button"
                  onClick={intercept(() => goTo(step === 'check' ? 'build' : 'start'))}
                >
                  Back
                </button>
              )}
              <ErrorSummary items={summaryItems(state.errors)} focusKey={focusKey} />
              {state.notice && <div className="govuk-inset-text">{state.notice}</div>}
              {state.cleared && (
                <SuccessBanner id={CLEARED_ID}>
                  Your map has been cleared from this device.
                </SuccessBanner>
              )}
              {restored && (
                <div className="govuk-inset-text" role="status">
                  We kept the map you started on this device, so you can carry on where you stopped.
                </div>
              )}
              <div ref={top} tabIndex={-1} className="sg-step-start">
                <input type="hidden" name="step" value={step} />
                <input type="hidden" name="submissionId" value={values.submissionId ?? ''} />
                <input type="hidden" name="easyRead" value={state.easyRead ? '1' : ''} />
                {step !== 'start' &&
                  journey.consent.statements.map((s) =>
                    values.consent[s.id] ? (
                      <input type="hidden" name={`consent.${s.id}`} value="yes" key={s.id} />
                    ) : null,
                  )}
                {step !== 'build' && <HiddenStages stages={values.stages} role={values.role} />}
                {step === 'start' && (
                  <ActivityIntro kind="Journey map" activity={journey}>
                    <ConsentFields
                      activity={journey}
                      errors={state.errors}
                      easyRead={Boolean(state.easyRead)}
                    />
                    <StartChoice journey={journey} existing={values.stages.length} />
                  </ActivityIntro>
                )}
                {step === 'build' && (
                  <>
                    <span className="govuk-caption-l">{journey.title}</span>
                    <h1 className="govuk-heading-xl">Your journey map</h1>
                    <p className="govuk-body">
                      Each stage needs a name and how it felt. Everything else is optional, so leave
                      a box empty if you want to. Add, remove or move stages with the buttons.
                    </p>
                    {values.stages.map((_, index) => (
                      <Fragment key={index}>
                        {state.changed?.at === index && (
                          <SuccessBanner id={STAGE_CHANGE_ID}>{state.changed.text}</SuccessBanner>
                        )}
                        <StageFields
                          journey={journey}
                          index={index}
                          count={values.stages.length}
                          errors={state.errors}
                          formAction={`${action}#${STAGE_CHANGE_ID}`}
                          onMove={ready ? move : undefined}
                          onRemove={ready ? remove : undefined}
                        />
                      </Fragment>
                    ))}
                    {state.changed?.at === values.stages.length && (
                      <SuccessBanner id={STAGE_CHANGE_ID}>{state.changed.text}</SuccessBanner>
                    )}
                    <ErrorMessage id="add-stage-error" message={state.errors.stages} />
                    <button
                      type="submit"
                      id="add-stage"
                      name="action"
                      value="add"
                      formAction={`${action}#${STAGE_CHANGE_ID}`}
                      className="govuk-button govuk-button--secondary"
                      onClick={intercept(add)}
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
                      {ready ? state.announcement : null}
                    </div>
                  </>
                )}
                {step === 'check' && (
                  <CheckMap
                    journey={journey}
                    values={values}
                    action={action}
                    roleLabel={roleLabel}
                    onChange={ready ? (focusId) => goTo('build', undefined, focusId) : undefined}
                  />
                )}
                <div className="govuk-button-group">
                  <button
                    type="submit"
                    name="action"
                    value={step === 'check' ? 'submit' : 'continue'}
                    className="govuk-button"
                  >
                    {mainLabel}
                  </button>
                  {step === 'start' && hasEasyRead && (
                    <button
                      type="submit"
                      name="action"
                      value="easy-read"
                      className="govuk-button govuk-button--secondary"
                      onClick={intercept(() => setState((s) => ({ ...s, easyRead: !s.easyRead })))}
                    >
                      {state.easyRead ? 'Use standard wording' : 'Use easy read wording'}
                    </button>
                  )}
                </div>
                <div role="status" className="govuk-body">
                  {queued &&
                    'You seem to be offline. Your map is saved on this device and will be sent as soon as you are back online.'}
                </div>
              </div>
            </Form>
          )}
          {ready && typeof step === 'string' && (
            <DeviceDraftNote onClear={clearThisDevice}>
              Your map is saved on this device until you send it. If you share this computer or
              phone, clear it when you stop.
            </DeviceDraftNote>
          )}
        </>
      )}
    </Formik>
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
    else saveDraft(draftKey, { ...state, values, announcement: undefined, changed: undefined });
  }, [enabled, draftKey, state, values]);
  return null;
}

/** Where focus goes after a stage is added, moved or removed (a #fragment without JavaScript). */
const STAGE_CHANGE_ID = 'stage-change';
const CLEARED_ID = 'map-cleared';

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
