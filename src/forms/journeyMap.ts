import * as yup from 'yup';
import type { Journey } from '../schemas/index.ts';
import { normaliseValues } from './values.ts';
import { consentErrors, type FieldErrors } from './validateSurvey.ts';

export const MAX_STAGES = 30;
export const SOMEONE_ELSE = 'someone-else';

/** The five points of "how it felt", each with words and a face (the words carry the meaning). */
export const FEELINGS = [
  { value: '1', label: 'Very bad', face: '😞' },
  { value: '2', label: 'Bad', face: '🙁' },
  { value: '3', label: 'Neither good nor bad', face: '😐' },
  { value: '4', label: 'Good', face: '🙂' },
  { value: '5', label: 'Very good', face: '😀' },
] as const;

export const feelingLabel = (value: string | undefined) =>
  FEELINGS.find((f) => f.value === value)?.label ?? 'Not given';

export interface StageValues {
  name?: string;
  happened?: string;
  who?: string[];
  feeling?: string;
  helped?: string;
  wouldHaveHelped?: string;
}

export interface JourneyValues {
  stages: StageValues[];
  role?: string;
  consent: Record<string, boolean | undefined>;
  submissionId?: string;
}

export function emptyStage(name = ''): StageValues {
  return { name, happened: '', who: [], feeling: undefined, helped: '', wouldHaveHelped: '' };
}

/** The Yup schema for a map, generated from the activity: its roles and its text limit. */
export function journeySchema(journey: Journey) {
  const text = (what: string) =>
    yup
      .string()
      .strict()
      .typeError(`${what} must be text`)
      .nonNullable(`${what} must be text`)
      .max(
        journey.textMaxLength,
        `${what} in this stage must be ${journey.textMaxLength} characters or fewer`,
      );
  const roles = [...journey.involvedRoles.map((r) => r.value), SOMEONE_ELSE];
  return yup.object({
    stages: yup
      .array()
      .typeError('Add at least one stage')
      .of(
        yup.object({
          name: yup
            .string()
            .strict()
            .typeError('Enter a name for this stage')
            .max(80, 'The name of this stage must be 80 characters or fewer')
            .required('Enter a name for this stage'),
          happened: text('What happened'),
          who: yup
            .array()
            .typeError('Select only the people listed for this stage')
            .nonNullable('Select only the people listed for this stage')
            .of(
              yup
                .string()
                .strict()
                .typeError('Select only the people listed for this stage')
                .nonNullable('Select only the people listed for this stage')
                .oneOf(roles, 'Select only the people listed for this stage'),
            ),
          feeling: yup
            .string()
            .strict()
            .typeError('Select how this stage felt')
            .oneOf(
              FEELINGS.map((f) => f.value),
              'Select how this stage felt',
            )
            .required('Select how this stage felt'),
          helped: text('What helped'),
          wouldHaveHelped: text('What would have helped'),
        }),
      )
      .min(1, 'Add at least one stage')
      .max(MAX_STAGES, `A map can have at most ${MAX_STAGES} stages`)
      .required('Add at least one stage'),
    role: yup
      .string()
      .strict()
      .typeError('Select the role that best describes you')
      .oneOf(
        journey.participantRoles.map((r) => r.value),
        'Select the role that best describes you',
      )
      .required('Select the role that best describes you'),
  });
}

/** Errors by field: "stages.2.name", "role", "stages", "consent.<id>". */
export async function journeyErrors(journey: Journey, values: JourneyValues): Promise<FieldErrors> {
  const clean = normaliseValues(values);
  try {
    // Strict for the whole tree: a field's own `.strict()` does not stop its array or object
    // casting it, and casting calls `toString` on whatever was sent (a 500 for `{"toString":1}`).
    await journeySchema(journey).validate(
      { stages: clean.stages, role: clean.role },
      { abortEarly: false, strict: true },
    );
    return {};
  } catch (error) {
    if (!(error instanceof yup.ValidationError)) throw error;
    const errors: FieldErrors = {};
    for (const inner of error.inner.length ? error.inner : [error]) {
      // "stages[0].who[1]" becomes "stages.0.who": one message for the group of ticks.
      const key = (inner.path ?? 'stages')
        .replace(/\[(\d+)\]/g, '.$1')
        .replace(/^(stages\.\d+\.who)\.\d+$/, '$1');
      errors[key] ??= inner.message;
    }
    return nameTheStages(errors, clean.stages);
  }
}

/**
 * "this stage" becomes "stage 3 (Assessment)", so each link in the error summary says which
 * stage it is about: seven identical "Select how this stage felt" tell nobody where to go.
 */
function nameTheStages(errors: FieldErrors, stages: StageValues[]): FieldErrors {
  for (const [key, message] of Object.entries(errors)) {
    const match = /^stages\.(\d+)\.(\w+)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const name = stages[index]?.name;
    const named =
      typeof name === 'string' && name.trim() && name.length <= 80 && match[2] !== 'name'
        ? `stage ${index + 1} (${name.trim()})`
        : `stage ${index + 1}`;
    errors[key] = message.replace('this stage', named);
  }
  return errors;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const STAGE_KEYS = ['name', 'happened', 'who', 'feeling', 'helped', 'wouldHaveHelped'];

export type JourneySubmission =
  | {
      ok: true;
      value: {
        answers: Record<string, unknown>;
        consent: Record<string, true>;
        submissionId: string;
      };
    }
  | { ok: false; errors: FieldErrors };

/** The server's check of a whole map (JSON, or a form post in the same shape). */
export async function validateJourneySubmission(
  journey: Journey,
  body: unknown,
): Promise<JourneySubmission> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: { body: 'Send a JSON object with stages, role and consent' } };
  }
  const values = body as Record<string, unknown>;
  // No prototype, so an error keyed `__proto__` (an unknown field of that name) is kept.
  const errors: FieldErrors = Object.create(null);
  for (const key of Object.keys(values)) {
    if (!['stages', 'role', 'consent', 'submissionId'].includes(key))
      errors[key] = 'This is not part of a journey map';
  }
  // Tens of thousands of stages or ticks fit in 64 KiB, and checking each one took seconds of the
  // server's only thread (docs/reliability.md A14): refuse the count before looking at the items.
  const tooManyStages = Array.isArray(values.stages) && values.stages.length > MAX_STAGES;
  const tooManyTicks = (stage: unknown) =>
    Array.isArray((stage as StageValues | null)?.who) &&
    (stage as { who: unknown[] }).who.length > journey.involvedRoles.length + 1;
  if (Array.isArray(values.stages) && !tooManyStages) {
    values.stages.forEach((stage, i) => {
      if (typeof stage !== 'object' || stage === null || Array.isArray(stage)) {
        errors[`stages.${i}`] = 'Send each stage as an object with a name and a feeling';
        return;
      }
      for (const key of Object.keys(stage)) {
        if (!STAGE_KEYS.includes(key)) errors[`stages.${i}.${key}`] = 'This is not part of a stage';
      }
    });
  }
  if (typeof values.submissionId !== 'string' || !UUID.test(values.submissionId)) {
    errors.submissionId = 'Send a submissionId that is a UUID';
  }
  const stages = Array.isArray(values.stages)
    ? tooManyStages
      ? []
      : values.stages.map((stage) => ({
          ...stageFields(stage),
          ...(tooManyTicks(stage) ? { who: [] } : {}),
        }))
    : (values.stages as StageValues[]);
  const consent = (
    typeof values.consent === 'object' && values.consent ? values.consent : {}
  ) as Record<string, boolean>;
  Object.assign(
    errors,
    consentErrors(journey, consent),
    await journeyErrors(journey, { stages, role: values.role as string, consent }),
  );
  if (tooManyStages) errors.stages = `A map can have at most ${MAX_STAGES} stages`;
  else if (Array.isArray(values.stages)) {
    values.stages.forEach((stage, i) => {
      if (tooManyTicks(stage))
        errors[`stages.${i}.who`] = 'Select only the people listed for this stage';
    });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors: nameTheStages(errors, stages) };
  const clean = normaliseValues({ stages, role: values.role as string });
  return {
    ok: true,
    value: {
      answers: {
        role: clean.role,
        stages: clean.stages.map((s) => ({
          name: s.name,
          happened: s.happened ?? '',
          who: s.who ?? [],
          feeling: Number(s.feeling),
          helped: s.helped ?? '',
          wouldHaveHelped: s.wouldHaveHelped ?? '',
        })),
      },
      consent: Object.fromEntries(journey.consent.statements.map((s) => [s.id, true as const])),
      submissionId: values.submissionId as string,
    },
  };
}

/**
 * Only a stage's own fields go on to Yup: an extra key such as `toString` would otherwise be
 * looked up among the schema's fields, find Object.prototype's method and throw (a 500).
 */
function stageFields(stage: unknown): StageValues {
  if (typeof stage !== 'object' || stage === null || Array.isArray(stage)) return {};
  const given = stage as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of STAGE_KEYS) if (Object.hasOwn(given, key)) picked[key] = given[key];
  // JSON clients may send the feeling as a number.
  if (typeof picked.feeling === 'number') picked.feeling = String(picked.feeling);
  return picked as StageValues;
}

/** A form post turned into the map's shape: stages.<i>.<field>, role, consent.<id>, submissionId. */
export function formToJourney(form: URLSearchParams): JourneyValues {
  const stages: StageValues[] = [];
  const consent: Record<string, boolean> = {};
  let role: string | undefined;
  for (const [name, value] of form) {
    const [scope, a, b] = name.split('.');
    if (scope === 'consent' && a) consent[a] = value === 'yes';
    if (scope === 'role') role = value;
    if (scope !== 'stages' || !/^\d+$/.test(a ?? '') || !b || !STAGE_KEYS.includes(b)) continue;
    const i = Number(a);
    if (i >= MAX_STAGES * 2) continue;
    stages[i] ??= emptyStage();
    if (b === 'who') stages[i].who = [...(stages[i].who ?? []), value];
    else (stages[i] as Record<string, unknown>)[b] = value;
  }
  return {
    stages: stages.filter(Boolean),
    role,
    consent,
    submissionId: form.get('submissionId') ?? undefined,
  };
}
