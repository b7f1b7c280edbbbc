import type { Journey } from '../schemas/index.ts';
import { journeyErrors, MAX_STAGES, type JourneyValues } from './journeyMap.ts';
import { addStage, removeStage, startingStages, type StageChange } from './journeyStages.ts';
import { consentErrors, type FieldErrors } from './validateSurvey.ts';

/**
 * The steps of a journey map, one stage a page (GOV.UK "Add another thing"): the start with
 * consent, each stage, the list of stages with "Add another stage?", who you are, the check
 * page with the whole map, then the receipt. One definition for the builder in the page and for
 * the form posts the server answers without JavaScript.
 */
export type JourneyStep =
  'start' | { stage: number } | 'stages' | 'role' | 'check' | { done: string };

/** Where a step was opened from with "Change", so its main button returns there. */
export type ReturnTo = 'stages' | 'check' | undefined;

/** A step as it is written in an address and a form field: "start", "stage-2", "stages"… */
export function encodeJourneyStep(step: JourneyStep): string {
  if (typeof step === 'string') return step;
  return 'stage' in step ? `stage-${step.stage}` : 'done';
}

/** Anything unknown is the start: a made-up step never reaches a page it should not. */
export function decodeJourneyStep(
  text: string | null | undefined,
  stageCount: number,
): JourneyStep {
  if (text === 'stages' || text === 'role' || text === 'check') return text;
  const stage = /^stage-(\d{1,2})$/.exec(text ?? '');
  if (stage && Number(stage[1]) < stageCount) return { stage: Number(stage[1]) };
  return 'start';
}

export const decodeReturnTo = (text: string | null | undefined): ReturnTo =>
  text === 'stages' || text === 'check' ? text : undefined;

/** The step after a stage is saved: the next suggested stage, or back where Change came from. */
export function afterStage(index: number, stageCount: number, from: ReturnTo): JourneyStep {
  if (from) return from;
  return index + 1 < stageCount ? { stage: index + 1 } : 'stages';
}

/** Where the Back link goes: where Change came from, else the step before in the walk. */
export function stepBefore(step: JourneyStep, stageCount: number, from: ReturnTo): JourneyStep {
  if (from) return from;
  if (step === 'check') return 'role';
  if (step === 'role') return 'stages';
  if (step === 'stages') return stageCount > 0 ? { stage: stageCount - 1 } : 'start';
  if (typeof step === 'object' && 'stage' in step && step.stage > 0)
    return { stage: step.stage - 1 };
  return 'start';
}

/** A stage page's own errors: the rest of the map is checked on its own pages. */
export function stageErrors(errors: FieldErrors, index: number): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).filter(([key]) => key.startsWith(`stages.${index}.`)),
  );
}

/** The first stage with something to fix, for a map refused when it is sent. */
export function firstStageWithErrors(errors: FieldErrors): number | undefined {
  const indexes = Object.keys(errors)
    .map((key) => /^stages\.(\d+)\./.exec(key)?.[1])
    .filter((i): i is string => i !== undefined)
    .map(Number);
  return indexes.length ? Math.min(...indexes) : undefined;
}

/** A step's page without JavaScript: the code for the map so far, the step and where from. */
export function journeyStepUrl(slug: string, token: string, step: JourneyStep, from: ReturnTo) {
  const query = new URLSearchParams({ p: token, step: encodeJourneyStep(step) });
  if (from) query.set('from', from);
  return `/journeys/${slug}/form/?${query}`;
}

/** What a step's main button (or Remove) leads to: a step to show, or "send" the map. */
export interface JourneyMove {
  step: JourneyStep;
  values?: JourneyValues;
  errors?: FieldErrors;
  changed?: StageChange;
  from?: ReturnTo;
}

/**
 * The step after a button press, checking only what this step asks. One decision for the
 * builder in the page and the server without JavaScript, so both walk the same way.
 */
export async function nextJourneyStep(
  journey: Journey,
  at: { step: JourneyStep; values: JourneyValues; from: ReturnTo },
  action: string,
  choice: { another?: string | null; blank?: boolean; easyRead?: boolean },
): Promise<JourneyMove | 'send'> {
  const { step, values, from } = at;
  const stay = (errors: FieldErrors): JourneyMove => ({ step, from, errors });
  const removed = action.startsWith('remove:') ? Number(action.slice('remove:'.length)) : NaN;
  if (step === 'stages' && Number.isInteger(removed) && values.stages[removed]) {
    const changed = removeStage(values.stages, removed);
    return { step, from, values: { ...values, stages: changed.stages }, changed };
  }
  if (step === 'start') {
    const errors = consentErrors(journey, values.consent);
    if (Object.keys(errors).length > 0) return stay(errors);
    // A map already started is kept: starting again never replaces its stages.
    const stages = startingStages(journey, values.stages, choice.blank === true, choice.easyRead);
    return {
      step: values.stages.length > 0 ? 'stages' : { stage: 0 },
      values: { ...values, stages },
    };
  }
  if (typeof step === 'object' && 'stage' in step) {
    const errors = stageErrors(await journeyErrors(journey, values), step.stage);
    if (Object.keys(errors).length > 0) return stay(errors);
    return { step: afterStage(step.stage, values.stages.length, from) };
  }
  if (step === 'stages') {
    const room = values.stages.length < MAX_STAGES;
    if (choice.another === 'yes' && room) {
      const changed = addStage(values.stages)!;
      return { step: { stage: changed.at }, values: { ...values, stages: changed.stages } };
    }
    // Who you are is asked on the next page; here only the stages are checked.
    const { role: _role, ...errors } = await journeyErrors(journey, values);
    if (Object.keys(errors).length > 0) return stay(errors);
    if (choice.another !== 'no' && room)
      return stay({ another: 'Select yes if you want to add another stage' });
    return { step: from === 'check' ? 'check' : 'role' };
  }
  if (step === 'role') {
    const { role } = await journeyErrors(journey, values);
    return role ? stay({ role }) : { step: 'check' };
  }
  return 'send';
}

export interface JourneyState {
  step: JourneyStep;
  values: JourneyValues;
  errors: FieldErrors;
  /** Where "Change" opened this step from: its main button and Back return there. */
  from?: ReturnTo;
  /** The stage just removed: the message shown in the list, where focus goes. */
  changed?: { at: number; text: string };
  /** Without JavaScript, the code for the map kept between a step's post and its page. */
  progress?: string;
  /** The map was just cleared from this device: say so. */
  cleared?: boolean;
  notice?: string;
  /** Consent statements in their easy-read wording, where the activity provides it. */
  easyRead?: boolean;
}
