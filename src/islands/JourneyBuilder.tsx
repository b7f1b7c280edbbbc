import { Form, Formik, useFormikContext, type FormikProps } from 'formik';
import { useEffect, useRef, useState } from 'react';
import type { Journey } from '../schemas/index.ts';
import { ActivityIntro } from '../components/views/ActivityIntro.tsx';
import { ConsentFields } from '../components/survey/ConsentFields.tsx';
import { DeviceDraftNote } from '../components/survey/DeviceDraftNote.tsx';
import { ErrorSummary } from '../components/survey/ErrorSummary.tsx';
import { Confirmation } from '../components/survey/Confirmation.tsx';
import { StageFields, stageFieldId } from '../components/journey/StageFields.tsx';
import { HiddenStages, RoleField, StartChoice } from '../components/journey/BuilderParts.tsx';
import {
  changeStageId,
  StagesSummary,
  STAGE_CHANGE_ID,
} from '../components/journey/StagesSummary.tsx';
import { CheckMap } from '../components/journey/CheckMap.tsx';
import { SuccessBanner } from '../components/journey/SuccessBanner.tsx';
import { showThenFocus } from '../components/survey/showThenFocus.ts';
import { SOMEONE_ELSE, type JourneyValues } from '../forms/journeyMap.ts';
import {
  decodeJourneyStep,
  encodeJourneyStep,
  firstStageWithErrors,
  journeyStepUrl,
  nextJourneyStep,
  stepBefore,
  type JourneyMove,
  type JourneyStep,
  type ReturnTo,
} from '../forms/journeyFlow.ts';
import { journeyPageTitle } from '../forms/journeyTitles.ts';
import { easyReadErrors, journeyWords } from '../forms/journeyWords.ts';
import type { FieldErrors } from '../forms/validateSurvey.ts';
import { normaliseValues } from '../forms/values.ts';
import { clearDraft, loadDraft, saveDraft } from '../client/surveyDraft.ts';
import { deliver, flush, type Delivery } from '../client/outbox.ts';

export type { JourneyStep };
import type { JourneyState } from '../forms/journeyFlow.ts';

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
  const { step, from } = state;
  const easyRead = Boolean(state.easyRead);
  const words = journeyWords(easyRead);
  const hasEasyRead = journey.offersEasyRead || journey.consent.statements.some((s) => s.easyRead);
  const errors = easyRead ? easyReadErrors(state.errors, journey) : state.errors;
  const roleLabel = (value: string) => {
    const role = journey.involvedRoles.find((r) => r.value === value);
    if (value === SOMEONE_ELSE) return words.someoneElse;
    return (easyRead ? (role?.easyRead ?? role?.label) : role?.label) ?? value;
  };

  useEffect(() => {
    const draft = loadDraft<JourneyState>(draftKey);
    const resume =
      draft &&
      initial.step === 'start' &&
      !(typeof draft.state.step === 'object' && 'done' in draft.state.step);
    if (resume) {
      setState({ ...draft.state, errors: {}, changed: undefined });
      formik.current?.resetForm({ values: draft.state.values });
      setRestored(true);
    } else if (!initial.values.submissionId) {
      formik.current?.setFieldValue('submissionId', crypto.randomUUID());
    }
    setReady(true);
    // This page's own history entry is the step it opened on; each later step adds one.
    const opened = resume ? draft.state : initial;
    remember(opened.step, opened.from, 'replace');
    const onPopState = (event: PopStateEvent) => {
      const entry = event.state as Partial<HistoryEntry> | null;
      if (typeof entry?.journeyStep !== 'string') return;
      const stages = formik.current?.values.stages.length ?? 0;
      show(decodeJourneyStep(entry.journeyStep, stages), { from: entry.from });
    };
    window.addEventListener('popstate', onPopState);
    const retry = () =>
      flush((item, result) => {
        if (item.url === apiUrl) onDelivery(result);
      });
    void retry();
    window.addEventListener('online', retry);
    return () => {
      window.removeEventListener('popstate', onPopState);
      window.removeEventListener('online', retry);
    };
  }, []);

  useEffect(() => {
    if (!ready) return;
    document.title = journeyPageTitle(
      journey.title,
      step,
      state.errors,
      siteName,
      state.values.stages.length,
      easyRead,
    );
  }, [ready, step, state.errors, state.values.stages.length, journey.title, siteName, easyRead]);

  function remember(next: JourneyStep, returnTo: ReturnTo, how: 'push' | 'replace') {
    const entry: HistoryEntry = { journeyStep: encodeJourneyStep(next), from: returnTo };
    const merged = { ...(window.history.state as object | null), ...entry };
    if (how === 'push') window.history.pushState(merged, '');
    else window.history.replaceState(merged, '');
  }

  /** A new step, as a new page: one history entry each, so the browser's Back returns here. */
  function goTo(next: JourneyStep, extra: Partial<JourneyState> = {}, focusId?: string) {
    show(next, extra, focusId);
    remember(next, extra.from, 'push');
  }

  function show(next: JourneyStep, extra: Partial<JourneyState> = {}, focusId?: string) {
    const values = extra.values ?? formik.current?.values;
    showThenFocus(
      () => {
        if (values) formik.current?.setValues(values);
        setState((s) =>
          // Back after sending never brings the map back onto the screen.
          typeof s.step === 'object' && 'done' in s.step
            ? s
            : {
                ...s,
                from: undefined,
                changed: undefined,
                cleared: false,
                notice: undefined,
                ...extra,
                step: next,
                errors: extra.errors ?? {},
                values: values ?? s.values,
              },
        );
      },
      () => {
        const target = focusId && document.getElementById(focusId);
        if (target) {
          target.scrollIntoView();
          target.focus();
          return;
        }
        window.scrollTo(0, 0);
        top.current?.focus();
      },
    );
  }

  function showErrors(errors: FieldErrors, onStep: JourneyStep = step) {
    setState((s) => ({ ...s, step: onStep, errors, changed: undefined }));
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
    if (body.errors) {
      const stage = firstStageWithErrors(body.errors);
      return showErrors(body.errors, stage !== undefined ? { stage } : 'role');
    }
    setState((s) => ({
      ...s,
      notice: body.error ?? words.notSent,
    }));
  }

  function apply(move: JourneyMove) {
    if (move.errors) return showErrors(move.errors);
    if (move.changed) {
      const { values, changed } = move;
      return showThenFocus(
        () => {
          formik.current?.setFieldValue('stages', values!.stages);
          setState((s) => ({ ...s, values: values!, changed, errors: {} }));
        },
        () => document.getElementById(STAGE_CHANGE_ID)?.focus(),
      );
    }
    goTo(move.step, { values: move.values, from: move.from });
  }

  async function press(pressed: string) {
    const values = formik.current!.values;
    const another = document.querySelector<HTMLInputElement>('input[name="another"]:checked');
    const blank = document.querySelector<HTMLInputElement>('input[name="start"]:checked');
    const next = await nextJourneyStep(journey, { step, values, from }, pressed, {
      another: another?.value,
      blank: blank?.value === 'blank',
      easyRead,
    });
    if (next !== 'send') return apply(next);
    const clean = normaliseValues(values);
    onDelivery(
      await deliver({
        url: apiUrl,
        body: { ...clean, stages: clean.stages, submissionId: values.submissionId! },
      }),
    );
  }

  function clearThisDevice() {
    clearDraft(draftKey);
    const empty = { stages: [], consent: {}, submissionId: crypto.randomUUID() };
    formik.current?.resetForm({ values: empty });
    setRestored(false);
    goTo('start', { values: empty, cleared: true }, CLEARED_ID);
  }

  const stepUrl = (to: JourneyStep, returnTo?: ReturnTo, focusId?: string) =>
    state.progress
      ? `${journeyStepUrl(slug, state.progress, to, returnTo)}${focusId ? `#${focusId}` : ''}`
      : `/journeys/${slug}/`;
  /** A link to another step: an address without JavaScript, a new step in the page with it. */
  const stepLink = (to: JourneyStep, returnTo?: ReturnTo, focusId?: string) => ({
    href: stepUrl(to, returnTo, focusId),
    onClick: ready
      ? (event: React.MouseEvent) => {
          event.preventDefault();
          goTo(to, { from: returnTo }, focusId);
        }
      : undefined,
  });
  const stageIndex = typeof step === 'object' && 'stage' in step ? step.stage : undefined;
  const mainLabel =
    step === 'start'
      ? words.start
      : step === 'check'
        ? words.send
        : stageIndex !== undefined && !from
          ? words.saveAndContinue
          : words.continue;
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
      onSubmit={() => press(step === 'check' ? 'submit' : 'continue')}
    >
      {({ values }) => (
        <>
          <AutoSave draftKey={draftKey} state={state} enabled={ready} />
          {typeof step === 'object' && 'done' in step ? (
            <div
              ref={top}
              tabIndex={-1}
              className={`sg-step-start${easyRead ? ' sg-easy-read' : ''}`}
            >
              <Confirmation
                survey={journey}
                receipt={step.done}
                easyRead={Boolean(state.easyRead)}
              />
            </div>
          ) : (
            <Form id="journey-form" method="post" action={action} noValidate>
              {/* Enter in a text box "clicks" the form's first submit button: this one, which
                  does what the main button does (never Remove). */}
              <button
                type="submit"
                name="action"
                value={step === 'check' ? 'submit' : 'continue'}
                hidden
                tabIndex={-1}
              >
                {mainLabel}
              </button>
              {step === 'start' ? (
                <a href="/journeys/" className="govuk-back-link">
                  {words.backToAll}
                </a>
              ) : (
                <a
                  className="govuk-back-link"
                  {...stepLink(stepBefore(step, values.stages.length, from))}
                >
                  {words.back}
                </a>
              )}
              <ErrorSummary items={summaryItems(errors, step)} focusKey={focusKey} />
              {state.notice && <div className="govuk-inset-text">{state.notice}</div>}
              {state.cleared && <SuccessBanner id={CLEARED_ID}>{words.cleared}</SuccessBanner>}
              {restored && (
                <div className="govuk-inset-text" role="status">
                  {words.restored}
                </div>
              )}
              <div
                ref={top}
                tabIndex={-1}
                className={`sg-step-start${easyRead ? ' sg-easy-read' : ''}`}
              >
                <input type="hidden" name="step" value={encodeJourneyStep(step)} />
                {from && <input type="hidden" name="from" value={from} />}
                {state.progress && <input type="hidden" name="progress" value={state.progress} />}
                <input type="hidden" name="submissionId" value={values.submissionId ?? ''} />
                <input type="hidden" name="easyRead" value={state.easyRead ? '1' : ''} />
                {step !== 'start' &&
                  journey.consent.statements.map((s) =>
                    values.consent[s.id] ? (
                      <input type="hidden" name={`consent.${s.id}`} value="yes" key={s.id} />
                    ) : null,
                  )}
                <HiddenStages
                  stages={values.stages}
                  role={step === 'role' ? undefined : values.role}
                  except={stageIndex}
                />
                {step === 'start' && (
                  <ActivityIntro
                    kind="Journey map"
                    activity={journey}
                    easyRead={Boolean(state.easyRead)}
                  >
                    <ConsentFields activity={journey} errors={errors} easyRead={easyRead} />
                    <StartChoice
                      journey={journey}
                      existing={values.stages.length}
                      easyRead={easyRead}
                    />
                  </ActivityIntro>
                )}
                {stageIndex !== undefined && (
                  <>
                    <span className="govuk-caption-l">{journey.title}</span>
                    <StageFields
                      journey={journey}
                      index={stageIndex}
                      count={values.stages.length}
                      errors={errors}
                      easyRead={easyRead}
                    />
                  </>
                )}
                {step === 'stages' && (
                  <StagesSummary
                    action={action}
                    stages={values.stages}
                    errors={errors}
                    easyRead={easyRead}
                    changed={state.changed}
                    roleLabel={roleLabel}
                    changeLink={(i) => stepLink({ stage: i }, 'stages', stageFieldId(i, 'name'))}
                    onRemove={ready ? (i) => void press(`remove:${i}`) : undefined}
                  />
                )}
                {step === 'role' && (
                  <>
                    <span className="govuk-caption-l">{journey.title}</span>
                    <RoleField journey={journey} error={errors.role} easyRead={easyRead} />
                  </>
                )}
                {step === 'check' && (
                  <CheckMap
                    journey={journey}
                    values={values}
                    roleLabel={roleLabel}
                    easyRead={easyRead}
                    changeLink={(to, focusId) => stepLink(to, 'check', focusId)}
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
                      {words.switchWording}
                    </button>
                  )}
                </div>
                <div role="status" className="govuk-body">
                  {queued && words.offline}
                </div>
              </div>
            </Form>
          )}
          {ready && !(typeof step === 'object' && 'done' in step) && (
            <DeviceDraftNote onClear={clearThisDevice} clearLabel={words.clearDevice}>
              {words.deviceNote}
            </DeviceDraftNote>
          )}
        </>
      )}
    </Formik>
  );
}

/** What each history entry remembers, so the browser's Back and Forward restore the step. */
interface HistoryEntry {
  journeyStep: string;
  from: ReturnTo;
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
      (typeof state.step === 'object' && 'done' in state.step) ||
      (state.step === 'start' && !Object.values(values.consent).some(Boolean))
    )
      clearDraft(draftKey);
    else saveDraft(draftKey, { ...state, values, changed: undefined });
  }, [enabled, draftKey, state, values]);
  return null;
}

const CLEARED_ID = 'map-cleared';

function summaryItems(errors: FieldErrors, step: JourneyStep) {
  return Object.entries(errors).map(([key, text]) => {
    const stage = /^stages\.(\d+)\.(\w+)$/.exec(key);
    // In the list of stages, a stage to fix is reached by its Change link.
    if (stage && step === 'stages') return { href: changeStageId(Number(stage[1])), text };
    if (stage) return { href: stageFieldId(Number(stage[1]), stage[2]), text };
    if (key.startsWith('consent.'))
      return { href: `consent-${key.slice('consent.'.length)}`, text };
    if (key === 'stages' || key === 'another') return { href: 'another', text };
    return { href: key, text };
  });
}
