import { Form, Formik, useFormikContext, type FormikErrors, type FormikProps } from 'formik';
import { useEffect, useRef, useState } from 'react';
import type { Survey } from '../schemas/index.ts';
import { flowWords } from '../forms/flowWords.ts';
import { ActivityIntro } from '../components/views/ActivityIntro.tsx';
import { CheckAnswers } from '../components/survey/CheckAnswers.tsx';
import { ConsentFields } from '../components/survey/ConsentFields.tsx';
import { DeviceDraftNote } from '../components/survey/DeviceDraftNote.tsx';
import { ErrorSummary } from '../components/survey/ErrorSummary.tsx';
import { HiddenAnswers } from '../components/survey/HiddenAnswers.tsx';
import { fieldId, QuestionField } from '../components/survey/QuestionField.tsx';
import { Confirmation } from '../components/survey/Confirmation.tsx';
import {
  changeStep,
  decodeStep,
  encodeStep,
  nextStep,
  previousStep,
  progress,
  stepTitle,
  stepUrl,
  type Step,
} from '../forms/flow.ts';
import type { FlowState } from '../forms/flow.ts';
import { askedQuestions, questionText, surveyQuestions, type Answers } from '../forms/questions.ts';
import {
  answerErrors,
  consentErrors,
  type FieldErrors,
  type SurveyValues,
} from '../forms/validateSurvey.ts';
import { normaliseValues } from '../forms/values.ts';
import { dateErrorPart } from '../forms/answerSchemas.ts';
import type { DateParts } from '../forms/dates.ts';
import { clearDraft, loadDraft, saveDraft } from '../client/surveyDraft.ts';
import { deliver, flush, isQueued, type Delivery } from '../client/outbox.ts';
import { showThenFocus } from '../components/survey/showThenFocus.ts';

/** A survey opened at its start: nothing answered, standard wording. */
export function startState(): FlowState {
  return {
    step: { name: 'start' },
    values: { answers: {}, consent: {} },
    errors: {},
    easyRead: false,
    returnToCheck: false,
  };
}

/** What each history entry remembers, so the browser's Back and Forward restore the step. */
interface HistoryEntry {
  surveyStep: string;
  returnToCheck: boolean;
}

export interface SurveyFlowProps {
  survey: Survey;
  slug: string;
  siteName: string;
  initial: FlowState;
  /**
   * The editor's preview of a survey being written (admin/previews.tsx): every step, condition
   * and easy-read wording works, but nothing is kept on the device, sent, or added to the
   * browser's history (that page is the editor's), and the page title is left alone.
   */
  preview?: boolean;
}

type Status = 'idle' | 'sending' | 'queued';

/** What Send does in the editor's preview. */
export const PREVIEW_NOT_SENT =
  'This is the editor’s preview: answers are not sent. Participants see their receipt here.';

/**
 * A survey from consent to receipt. Rendered on the server for every step (so the whole survey
 * works as plain form posts without JavaScript) and, with JavaScript, run in the browser: Formik
 * validates on submit with the same rules the server uses, answers are kept on the device, and
 * a submission made offline waits on the device until it can be sent.
 */
export default function SurveyFlow({
  survey,
  slug,
  siteName,
  initial,
  preview = false,
}: SurveyFlowProps) {
  const [state, setState] = useState<FlowState>(initial);
  const [hydrated, setHydrated] = useState(false);
  const [status, setStatus] = useState<Status>('idle');
  const [restored, setRestored] = useState(false);
  // Drafts are saved only once any earlier draft has been read, so it is never overwritten.
  const [ready, setReady] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const formik = useRef<FormikProps<SurveyValues>>(null);
  const heading = useRef<HTMLDivElement>(null);
  const action = `/surveys/${slug}/form/`;
  const apiUrl = `/api/surveys/${slug}/responses`;
  const { step, easyRead } = state;
  const words = flowWords(easyRead);
  const hasEasyRead =
    survey.offersEasyRead ||
    surveyQuestions(survey).some((q) => q.easyRead) ||
    Boolean(survey.easyReadIntro);

  // After hydration: pick up a draft on this device, and anything still waiting to be sent.
  useEffect(() => {
    setHydrated(true);
    if (preview) return;
    const draft = loadDraft<FlowState>(slug);
    const resume = draft && initial.step.name === 'start' && draft.state.step.name !== 'done';
    if (resume) {
      setState({ ...draft.state, errors: {} });
      formik.current?.resetForm({ values: draft.state.values });
      setRestored(true);
    }
    const submissionId = resume ? draft.state.values.submissionId : initial.values.submissionId;
    if (!submissionId) formik.current?.setFieldValue('submissionId', crypto.randomUUID());
    else if (isQueued(submissionId)) setStatus('queued');
    setReady(true);
    // This page's own history entry is the step it opened on; each later step adds one.
    const opened = resume ? draft.state : initial;
    remember(opened.step, opened.returnToCheck, 'replace');
    const onPopState = (event: PopStateEvent) => {
      const entry = event.state as Partial<HistoryEntry> | null;
      if (typeof entry?.surveyStep !== 'string') return;
      show(decodeStep(entry.surveyStep), { returnToCheck: entry.returnToCheck === true });
    };
    window.addEventListener('popstate', onPopState);
    const retry = () =>
      flush((item, result) => {
        if (item.url === apiUrl) onDelivery(result);
      });
    void retry();
    window.addEventListener('online', retry);
    const timer = window.setInterval(retry, 30_000);
    return () => {
      window.removeEventListener('popstate', onPopState);
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, []);

  // Every step has its own page title, with "Error: " first when something needs fixing.
  useEffect(() => {
    if (!hydrated || preview) return;
    const hasErrors = Object.keys(state.errors).length > 0;
    document.title = `${hasErrors ? 'Error: ' : ''}${stepTitle(survey, step, easyRead, siteName)} – ${siteName}`;
  }, [state.errors, hydrated, preview, survey, step, easyRead, siteName]);

  /** A new step, as a new page: one history entry each, so Back returns to this one. */
  function goTo(next: Step, extra: Partial<FlowState> = {}, focusOn?: string) {
    show(next, extra, focusOn);
    if (!preview) remember(next, extra.returnToCheck ?? false, 'push');
  }

  function remember(next: Step, returnToCheck: boolean, how: 'push' | 'replace') {
    const entry: HistoryEntry = { surveyStep: encodeStep(next), returnToCheck };
    const merged = { ...(window.history.state as object | null), ...entry };
    if (how === 'push') window.history.pushState(merged, '');
    else window.history.replaceState(merged, '');
  }

  function show(next: Step, extra: Partial<FlowState> = {}, focusOn?: string) {
    // A new step is a new page to the participant: start reading from its heading, or from the
    // question they chose to change.
    showThenFocus(
      () => {
        setState((current) =>
          // Back after sending never brings the answers back onto the screen.
          current.step.name === 'done' && next.name !== 'start'
            ? current
            : {
                ...current,
                ...extra,
                step: next,
                errors: {},
                values: formik.current?.values ?? current.values,
              },
        );
        formik.current?.setErrors({});
      },
      () => {
        const field = focusOn ? document.getElementById(focusOn) : null;
        if (field) {
          field.focus();
          return;
        }
        window.scrollTo(0, 0);
        heading.current?.focus();
      },
    );
  }

  function showErrors(errors: FieldErrors, onStep: Step = step) {
    setState((current) => ({ ...current, step: onStep, errors }));
    setFocusKey((key) => key + 1);
  }

  function onDelivery(result: Delivery) {
    if (result.kind === 'waiting') return setStatus('queued');
    setStatus('idle');
    if (result.kind === 'delivered') {
      clearDraft(slug);
      return goTo({ name: 'done', receipt: result.receipt });
    }
    const body = result.body as { errors?: FieldErrors; error?: string };
    if (result.status === 422 && body.errors) {
      const first = askedQuestions(survey, formik.current?.values.answers ?? {}).find((q) =>
        Object.keys(body.errors!).some((key) => key === q.id || key.startsWith(`${q.id}-`)),
      );
      return showErrors(body.errors, first ? changeStep(survey, first.id) : { name: 'start' });
    }
    setState((current) => ({
      ...current,
      notice: body.error ?? words.notSent,
    }));
  }

  async function validate(values: SurveyValues): Promise<FormikErrors<SurveyValues>> {
    const clean = normaliseValues(values);
    let errors: FieldErrors = {};
    if (step.name === 'start') errors = consentErrors(survey, clean.consent, easyRead);
    if (step.name === 'questions' || step.name === 'check') {
      errors = await answerErrors(survey, clean.answers, { easyRead });
    }
    if (step.name === 'question')
      errors = await answerErrors(survey, clean.answers, { only: [step.id], easyRead });
    if (Object.keys(errors).length > 0) {
      const first = askedQuestions(survey, clean.answers).find(
        (q) => errors[q.id] || errors[`${q.id}-other`],
      );
      showErrors(errors, step.name === 'check' && first ? changeStep(survey, first.id) : step);
    }
    return nest(errors);
  }

  async function onSubmit(values: SurveyValues) {
    if (step.name !== 'check') {
      return goTo(nextStep(survey, step, normaliseValues(values).answers, state.returnToCheck), {
        returnToCheck: false,
      });
    }
    if (preview) {
      setState((current) => ({ ...current, notice: PREVIEW_NOT_SENT }));
      return;
    }
    setStatus('sending');
    const body = { ...normaliseValues(values), submissionId: values.submissionId! };
    onDelivery(await deliver({ url: apiUrl, body }));
  }

  function clearThisDevice() {
    clearDraft(slug);
    const empty = { answers: {}, consent: {}, submissionId: crypto.randomUUID() };
    formik.current?.resetForm({ values: empty });
    setRestored(false);
    goTo({ name: 'start' }, { values: empty, returnToCheck: false, notice: undefined });
  }

  const intercept = (handler: () => void) => (event: React.MouseEvent) => {
    event.preventDefault();
    handler();
  };

  return (
    <Formik<SurveyValues>
      innerRef={formik}
      initialValues={initial.values}
      initialErrors={nest(initial.errors)}
      validate={validate}
      validateOnBlur={false}
      validateOnChange={false}
      onSubmit={onSubmit}
    >
      {({ values }) => {
        const answers = values.answers as Answers;
        const asked = hydrated
          ? askedQuestions(survey, normaliseValues(answers))
          : surveyQuestions(survey);
        const shownIds =
          step.name === 'questions'
            ? asked.map((q) => q.id)
            : step.name === 'question'
              ? [step.id]
              : [];
        return (
          <>
            <AutoSave slug={slug} state={state} enabled={ready} />
            {step.name === 'start' ? (
              <a href="/surveys/" className="govuk-back-link">
                {words.backToAll}
              </a>
            ) : step.name !== 'done' ? (
              // A link, not a submit button: Enter in a text box must do what Continue does.
              <a
                href={
                  state.progress
                    ? stepUrl(
                        slug,
                        state.progress,
                        previousStep(survey, step, normaliseValues(answers)),
                      )
                    : `/surveys/${slug}/`
                }
                className="govuk-back-link"
                onClick={intercept(() =>
                  goTo(previousStep(survey, step, normaliseValues(answers))),
                )}
              >
                {words.back}
              </a>
            ) : null}
            <ErrorSummary
              items={summaryItems(survey, state.errors, answers)}
              focusKey={focusKey}
              title={words.problem}
            />
            {state.notice && (
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span> {state.notice}
                </strong>
              </div>
            )}
            {restored && step.name !== 'done' && (
              <div className="govuk-inset-text" role="status">
                {words.kept}
              </div>
            )}
            <div
              ref={heading}
              tabIndex={-1}
              className={`sg-step-start${easyRead ? ' sg-easy-read' : ''}`}
            >
              {step.name === 'done' ? (
                <Confirmation survey={survey} receipt={step.receipt} easyRead={easyRead} />
              ) : (
                <Form id="survey-form" method="post" action={action} noValidate>
                  <input type="hidden" name="step" value={encodeStep(step)} />
                  <input type="hidden" name="easyRead" value={easyRead ? '1' : ''} />
                  <input
                    type="hidden"
                    name="returnToCheck"
                    value={state.returnToCheck ? '1' : ''}
                  />
                  <input type="hidden" name="submissionId" value={values.submissionId ?? ''} />
                  {state.progress && <input type="hidden" name="progress" value={state.progress} />}
                  {step.name !== 'start' &&
                    survey.consent.statements.map((s) =>
                      values.consent[s.id] ? (
                        <input type="hidden" name={`consent.${s.id}`} value="yes" key={s.id} />
                      ) : null,
                    )}
                  <HiddenAnswers
                    answers={answers}
                    except={
                      step.name === 'questions'
                        ? surveyQuestions(survey).map((q) => q.id)
                        : shownIds
                    }
                  />
                  {step.name === 'start' && (
                    <ActivityIntro kind="Survey" activity={survey} easyRead={easyRead}>
                      <ConsentFields activity={survey} errors={state.errors} easyRead={easyRead} />
                    </ActivityIntro>
                  )}
                  {step.name === 'questions' && (
                    <>
                      <span className="govuk-caption-l">{survey.title}</span>
                      <h1 className="govuk-heading-xl">{words.yourAnswers}</h1>
                      {asked.map((question) => (
                        <QuestionField
                          key={question.id}
                          question={question}
                          errors={state.errors}
                          easyRead={easyRead}
                          conditionNote={!hydrated ? conditionNote(survey, question.id) : undefined}
                        />
                      ))}
                    </>
                  )}
                  {step.name === 'question' && (
                    <QuestionPage
                      survey={survey}
                      id={step.id}
                      answers={answers}
                      errors={state.errors}
                      easyRead={easyRead}
                    />
                  )}
                  {step.name === 'check' && (
                    <>
                      <span className="govuk-caption-l">{survey.title}</span>
                      <h1 className="govuk-heading-xl">{words.checkHeading}</h1>
                      <CheckAnswers
                        survey={survey}
                        answers={normaliseValues(answers)}
                        easyRead={easyRead}
                        onChange={
                          hydrated
                            ? (id) =>
                                goTo(changeStep(survey, id), { returnToCheck: true }, fieldId(id))
                            : undefined
                        }
                      />
                      <h2 className="govuk-heading-m">{words.sendHeading}</h2>
                      <p className="govuk-body">{words.sendText}</p>
                    </>
                  )}
                  <div className="govuk-button-group">
                    <button
                      type="submit"
                      name="action"
                      value={step.name === 'check' ? 'submit' : 'continue'}
                      className="govuk-button"
                    >
                      {step.name === 'check'
                        ? words.send
                        : step.name === 'start'
                          ? words.start
                          : words.continue}
                    </button>
                    {hasEasyRead && (
                      <button
                        type="submit"
                        name="action"
                        value="easy-read"
                        className="govuk-button govuk-button--secondary"
                        onClick={intercept(() =>
                          setState((s) => ({ ...s, easyRead: !s.easyRead })),
                        )}
                      >
                        {words.switchWording}
                      </button>
                    )}
                  </div>
                  <SendingStatus status={status} easyRead={easyRead} />
                </Form>
              )}
            </div>
            {hydrated && !preview && step.name !== 'done' && (
              <DeviceDraftNote onClear={clearThisDevice} clearLabel={words.clearDevice}>
                {words.deviceNote}
              </DeviceDraftNote>
            )}
          </>
        );
      }}
    </Formik>
  );
}

/** Saves the answers and the step on this device whenever either changes. */
function AutoSave({ slug, state, enabled }: { slug: string; state: FlowState; enabled: boolean }) {
  const { values } = useFormikContext<SurveyValues>();
  useEffect(() => {
    if (!enabled) return;
    const started =
      Object.values(values.consent).some(Boolean) ||
      Object.values(values.answers).some((v) => v !== undefined && v !== '');
    // Nothing entered yet (or just cleared): nothing to keep on the device.
    if (state.step.name === 'done' || (state.step.name === 'start' && !started)) clearDraft(slug);
    else saveDraft(slug, { ...state, values });
  }, [enabled, slug, state, values]);
  return null;
}

function QuestionPage({
  survey,
  id,
  answers,
  errors,
  easyRead,
}: {
  survey: Survey;
  id: string;
  answers: Answers;
  errors: FieldErrors;
  easyRead: boolean;
}) {
  const question = surveyQuestions(survey).find((q) => q.id === id);
  if (!question) return null;
  const { number, of, exact } = progress(survey, id, normaliseValues(answers));
  return (
    <>
      <span className="govuk-caption-l">
        Question {number} of {exact ? '' : 'up to '}
        {of}
      </span>
      <QuestionField question={question} errors={errors} easyRead={easyRead} asPageHeading />
    </>
  );
}

function SendingStatus({ status, easyRead }: { status: Status; easyRead: boolean }) {
  const words = flowWords(easyRead);
  return (
    <div role="status" className="govuk-body">
      {status === 'sending' && words.sending}
      {status === 'queued' && words.offline}
    </div>
  );
}

/** Without JavaScript every question is on the page; say when one only applies sometimes. */
function conditionNote(survey: Survey, id: string): string | undefined {
  const question = surveyQuestions(survey).find((q) => q.id === id);
  if (!question?.showIf) return undefined;
  const target = surveyQuestions(survey).find((q) => q.id === question.showIf!.question);
  if (!target) return undefined;
  const answer =
    target.type === 'yes-no'
      ? question.showIf.equals === 'yes'
        ? 'Yes'
        : 'No'
      : 'options' in target
        ? (target.options.find((o) => o.value === question.showIf!.equals)?.label ??
          question.showIf.equals)
        : question.showIf.equals;
  return `Only answer this if you answered ‘${answer}’ to ‘${questionText(target, false)}’.`;
}

/** Formik keeps errors in the shape of the values. */
function nest(errors: FieldErrors): FormikErrors<SurveyValues> {
  const nested: { answers: Record<string, string>; consent: Record<string, string> } = {
    answers: {},
    consent: {},
  };
  for (const [key, message] of Object.entries(errors)) {
    if (key.startsWith('consent.')) nested.consent[key.slice('consent.'.length)] = message;
    else nested.answers[key] = message;
  }
  return Object.keys(errors).length > 0 ? (nested as FormikErrors<SurveyValues>) : {};
}

/** Error summary links go to the field itself, or a date's first wrong part. */
function summaryItems(survey: Survey, errors: FieldErrors, answers: Answers) {
  const order = [
    ...survey.consent.statements.map((s) => `consent.${s.id}`),
    ...surveyQuestions(survey).flatMap((q) => [q.id, `${q.id}-other`]),
  ];
  return Object.entries(errors)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([key, text]) => {
      if (key.startsWith('consent.'))
        return { href: `consent-${key.slice('consent.'.length)}`, text };
      const question = surveyQuestions(survey).find((q) => q.id === key);
      if (question?.type === 'date') {
        const part = dateErrorPart(answers[key] as DateParts | undefined);
        return { href: part === 'day' ? fieldId(key) : `${fieldId(key)}-${part}`, text };
      }
      return {
        href: question ? fieldId(key) : `${fieldId(key.replace(/-other$/, ''))}-other`,
        text,
      };
    });
}
