import * as yup from 'yup';
import { featureKey } from '../schemas/featureKey.ts';
import type { Prototype } from '../schemas/prototype.ts';
import { normaliseValues } from './values.ts';

/**
 * Feedback on a prototype scope: one definition of its fields, words and rules, used by the
 * browser (Formik), the no-JavaScript form post and the JSON API alike.
 */

export const USEFULNESS = [
  { value: 5, label: 'Very useful' },
  { value: 4, label: 'Quite useful' },
  { value: 3, label: 'Not sure' },
  { value: 2, label: 'Not very useful' },
  { value: 1, label: 'Not useful at all' },
] as const;

export const REACTIONS = [
  { value: 'useful', label: 'Useful', short: 'Useful' },
  { value: 'not-sure', label: 'Not sure', short: 'Not sure' },
  { value: 'worried', label: 'I am worried about it', short: 'Worried' },
] as const;
export type Reaction = (typeof REACTIONS)[number]['value'];

export const ROLES = [
  { value: 'practitioner', label: 'A practitioner (I work with children or families)' },
  { value: 'parent-carer', label: 'A parent or carer' },
  { value: 'young-person', label: 'A young person' },
  { value: 'ecdp-member', label: 'A member of Essex Coalition of Disabled People' },
  { value: 'other', label: 'Someone else' },
] as const;
export type Role = (typeof ROLES)[number]['value'];

export const PRACTITIONER_KINDS = [
  { value: 'social-worker', label: 'Social worker' },
  { value: 'teacher', label: 'Teacher or school staff' },
  { value: 'police', label: 'Police' },
  { value: 'health', label: 'Health (for example a GP, nurse or health visitor)' },
  { value: 'early-help', label: 'Early help or family support' },
  { value: 'manager', label: 'Manager or commissioner' },
  { value: 'other-practitioner', label: 'Another kind of practitioner' },
] as const;

/**
 * The feedback page's title, on the server and after each send in the page. The scope's own title
 * is in the caption, not here, so the title stays under about 70 characters with the site name.
 */
export const feedbackPageTitle = (sent: boolean, failed: boolean) =>
  sent ? 'Feedback sent' : `${failed ? 'Error: ' : ''}Tell us what you think`;

export const LIMITS = { comment: 2000, why: 1000, displayName: 60 } as const;

/** The honeypot: a field people never see or fill in; software filling every field does. */
export const HONEYPOT = 'website';

/** What the form holds. Empty fields are undefined after normalising (see normaliseValues). */
export interface FeedbackValues {
  submissionId: string;
  usefulness?: number | string;
  reactions: Record<string, string | undefined>;
  why: Record<string, string | undefined>;
  comment?: string;
  role?: string;
  practitionerKind?: string;
  nameChoice?: string;
  displayName?: string;
  consentQuote?: boolean;
  consentShow?: boolean;
}

/** Checked feedback, ready to store. */
export interface Feedback {
  submissionId: string;
  usefulness?: number;
  reactions: { featureId: string; reaction: Reaction; why: string }[];
  comment: string;
  role: Role;
  practitionerKind?: string;
  /** Undefined means anonymous. */
  displayName?: string;
  consentQuote: boolean;
  consentShow: boolean;
}

export type FeedbackErrors = Record<string, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
const values = <V>(list: readonly { value: V }[]): V[] => list.map((o) => o.value);

/** The feature ids a scope's feedback is counted under, in page order. */
export const featureIds = (prototype: Pick<Prototype, 'features'>) =>
  prototype.features.map(featureKey);

/** The HTML id of a field, for error summary links. `reactions.x` → `reaction-x`. */
export function feedbackFieldId(path: string): string {
  const [head, feature] = path.split('.');
  if (head === 'reactions') return `reaction-${feature}`;
  if (head === 'why') return `why-${feature}`;
  return (
    {
      usefulness: 'usefulness',
      comment: 'comment',
      role: 'role',
      practitionerKind: 'practitionerKind',
      nameChoice: 'nameChoice',
      displayName: 'displayName',
    }[head] ?? head
  );
}

/** The Yup schema for one scope's feedback (its features decide which keys are allowed). */
export function feedbackSchema(prototype: Pick<Prototype, 'features'>) {
  const ids = featureIds(prototype);
  const perFeature = <S extends yup.Schema>(schema: S) =>
    yup
      .object(Object.fromEntries(ids.map((id) => [id, schema])))
      .noUnknown('Only the features of this scope can be given a reaction')
      .default({});
  // Yup's own type message quotes the value sent; ours never echo input back.
  const text = (what: string) => yup.string().typeError(`${what} must be text`);
  return yup
    .object({
      submissionId: text('submissionId')
        .required('Send a submissionId that is a UUID')
        .matches(UUID, 'Send a submissionId that is a UUID'),
      usefulness: yup
        .number()
        .typeError('Choose how useful it would be')
        .oneOf([...values(USEFULNESS), undefined], 'Choose how useful it would be'),
      reactions: perFeature(
        text('A reaction').oneOf(
          [...values(REACTIONS), undefined],
          'Choose useful, not sure or worried for this feature',
        ),
      ),
      why: perFeature(
        text('Why').max(
          LIMITS.why,
          `Why, for this feature, must be ${LIMITS.why.toLocaleString('en-GB')} characters or fewer`,
        ),
      ),
      comment: text('Your comment').max(
        LIMITS.comment,
        `Your comment must be ${LIMITS.comment.toLocaleString('en-GB')} characters or fewer`,
      ),
      role: text('Who you are')
        .required('Select who you are')
        .oneOf(values(ROLES), 'Select who you are'),
      practitionerKind: text('The kind of practitioner').when('role', {
        is: 'practitioner',
        then: (s) =>
          s
            .required('Select what kind of practitioner you are')
            .oneOf(values(PRACTITIONER_KINDS), 'Select what kind of practitioner you are'),
        otherwise: (s) => s,
      }),
      nameChoice: text('How to show your comment')
        .oneOf(['name', 'anonymous', undefined], 'Choose how to show your comment')
        .when(['comment', 'consentShow'], {
          is: (comment: unknown, show: unknown) => !blank(comment) && show === true,
          then: (s) => s.required('Choose whether to show your comment with a name or anonymously'),
        }),
      displayName: text('The name to show')
        .max(LIMITS.displayName, `The name must be ${LIMITS.displayName} characters or fewer`)
        .when('nameChoice', {
          is: 'name',
          then: (s) =>
            s.test('present', 'Enter the name to show, or choose anonymous', (v) => !blank(v)),
        }),
      consentQuote: yup.boolean().typeError('consentQuote must be true or false'),
      consentShow: yup.boolean().typeError('consentShow must be true or false'),
    })
    .noUnknown('Send only the fields of the feedback form')
    .test('something', (value, context) => {
      const said =
        value.usefulness !== undefined ||
        Object.values(value.reactions ?? {}).some((r) => r !== undefined) ||
        !blank(value.comment);
      return (
        said ||
        context.createError({
          path: 'usefulness',
          message: 'Answer at least one question: how useful it would be, a feature, or a comment',
        })
      );
    });
}

/** Validates in the browser (Formik's `validate`): errors by field path, empty when fine. */
export async function feedbackErrors(
  prototype: Pick<Prototype, 'features'>,
  input: unknown,
): Promise<FeedbackErrors> {
  const values = input as FeedbackValues;
  const result = await checkFeedback(prototype, {
    ...values,
    usefulness: usefulnessNumber(values.usefulness),
  });
  return result.ok ? {} : result.errors;
}

/**
 * Checks feedback as the server receives it (JSON, or a form post turned into the same shape)
 * and returns it in the shape the store keeps. Whitespace-only text counts as empty; other text
 * is kept exactly as written.
 */
export async function checkFeedback(
  prototype: Pick<Prototype, 'features'>,
  input: unknown,
): Promise<{ ok: true; value: Feedback } | { ok: false; errors: FeedbackErrors }> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: { body: 'Send a JSON object with the feedback fields' } };
  }
  // Yup's noUnknown only strips unknown keys when casting; the API must refuse them instead, so
  // a misspelt field is never silently dropped.
  const unknown = unknownKeys(prototype, input as Record<string, unknown>);
  if (unknown) return { ok: false, errors: unknown };
  let checked: yup.InferType<ReturnType<typeof feedbackSchema>>;
  try {
    // Strict: the API takes JSON types as they are ("5" is not a number, 1 is not text); the
    // browser and the form post convert their strings first (usefulnessNumber, formToFeedback).
    checked = await feedbackSchema(prototype).validate(normaliseValues(input), {
      abortEarly: false,
      strict: true,
    });
  } catch (error) {
    if (!(error instanceof yup.ValidationError)) throw error;
    const errors: FeedbackErrors = {};
    for (const inner of error.inner.length > 0 ? error.inner : [error]) {
      const path = inner.path || 'body';
      errors[path] ??= inner.message;
    }
    return { ok: false, errors: nameTheFeatures(prototype, errors) };
  }
  const reactions = featureIds(prototype).flatMap((featureId) => {
    const reaction = checked.reactions?.[featureId] as Reaction | undefined;
    const why = checked.why?.[featureId];
    return reaction ? [{ featureId, reaction, why: blank(why) ? '' : why! }] : [];
  });
  const comment = blank(checked.comment) ? '' : checked.comment!;
  const showName = comment !== '' && checked.consentShow === true && checked.nameChoice === 'name';
  return {
    ok: true,
    value: {
      submissionId: checked.submissionId,
      usefulness: checked.usefulness,
      reactions,
      comment,
      role: checked.role as Role,
      practitionerKind: checked.role === 'practitioner' ? checked.practitionerKind : undefined,
      displayName: showName ? checked.displayName!.trim() : undefined,
      consentQuote: checked.consentQuote === true,
      consentShow: checked.consentShow === true,
    },
  };
}

/**
 * "this feature" becomes the feature's name, so no two links in the error summary read the same
 * (WCAG 2.4.4): one "Choose useful, not sure or worried" per feature says nothing about where.
 */
function nameTheFeatures(
  prototype: Pick<Prototype, 'features'>,
  errors: FeedbackErrors,
): FeedbackErrors {
  for (const feature of prototype.features) {
    for (const group of ['reactions', 'why']) {
      const key = `${group}.${featureKey(feature)}`;
      if (errors[key]) errors[key] = errors[key].replace('this feature', `“${feature.name}”`);
    }
  }
  return errors;
}

/** The feedback fields in the order the form shows them. */
const FIELD_ORDER = [
  'submissionId',
  'usefulness',
  'reactions',
  'why',
  'comment',
  'role',
  'practitionerKind',
  'nameChoice',
  'displayName',
  'consentQuote',
  'consentShow',
] as const;
const FIELDS = new Set<string>(FIELD_ORDER);

/** Errors by flat path (`reactions.x`), in the order the fields appear on the page. */
export function orderedErrors(
  prototype: Pick<Prototype, 'features'>,
  errors: FeedbackErrors,
): [string, string][] {
  const order = [
    'body',
    ...FIELD_ORDER.flatMap((field) =>
      field === 'reactions' || field === 'why'
        ? [...prototype.features.map((f) => `${field}.${featureKey(f)}`), field]
        : [field],
    ),
  ];
  const rank = (path: string) => (order.includes(path) ? order.indexOf(path) : order.length);
  return Object.entries(flattenErrors(errors)).sort(([a], [b]) => rank(a) - rank(b));
}

/** Formik nests errors for `reactions.x` as { reactions: { x } }; the server sends flat paths. */
export function flattenErrors(errors: unknown, prefix = ''): Record<string, string> {
  if (typeof errors === 'string') return { [prefix]: errors };
  if (!errors || typeof errors !== 'object') return {};
  return Object.assign(
    {},
    ...Object.entries(errors).map(([key, inner]) =>
      flattenErrors(inner, prefix ? `${prefix}.${key}` : key),
    ),
  );
}

function unknownKeys(
  prototype: Pick<Prototype, 'features'>,
  input: Record<string, unknown>,
): FeedbackErrors | undefined {
  const extra = Object.keys(input).filter((key) => !FIELDS.has(key));
  if (extra.length > 0) return { body: 'Send only the fields of the feedback form' };
  const ids = new Set(featureIds(prototype));
  for (const group of ['reactions', 'why'] as const) {
    const value = input[group];
    if (value === undefined) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { [group]: `${group} must be an object with a value for each feature` };
    }
    if (Object.keys(value).some((key) => !ids.has(key))) {
      return { [group]: 'Only the features of this scope can be given a reaction' };
    }
  }
  return undefined;
}

/** Radio buttons hold "1" to "5"; the API takes the number. Anything else is left to fail. */
export function usefulnessNumber(value: number | string | undefined): number | string | undefined {
  return typeof value === 'string' && /^[1-5]$/.test(value) ? Number(value) : value || undefined;
}

/** A form post in the shape the JSON API takes: `reaction.<feature>`, `why.<feature>`, ticks. */
export function formToFeedback(
  prototype: Pick<Prototype, 'features'>,
  form: URLSearchParams,
): FeedbackValues {
  const reactions: Record<string, string | undefined> = {};
  const why: Record<string, string | undefined> = {};
  for (const id of featureIds(prototype)) {
    reactions[id] = form.get(`reactions.${id}`) ?? undefined;
    why[id] = form.get(`why.${id}`) ?? undefined;
  }
  const usefulness = form.get('usefulness');
  return {
    submissionId: form.get('submissionId') ?? '',
    usefulness:
      usefulness && /^[1-5]$/.test(usefulness) ? Number(usefulness) : usefulness || undefined,
    reactions,
    why,
    comment: form.get('comment') ?? undefined,
    role: form.get('role') ?? undefined,
    practitionerKind: form.get('practitionerKind') ?? undefined,
    nameChoice: form.get('nameChoice') ?? undefined,
    displayName: form.get('displayName') ?? undefined,
    consentQuote: form.get('consentQuote') === 'yes' || undefined,
    consentShow: form.get('consentShow') === 'yes' || undefined,
  };
}

export const roleLabel = (role: string, kind?: string | null) =>
  (kind && PRACTITIONER_KINDS.find((k) => k.value === kind)?.label) ||
  ROLES.find((r) => r.value === role)?.label ||
  role;

/** Short role words for public comments ("Social worker", "Parent or carer"). */
export const PUBLIC_ROLE: Record<Role, string> = {
  practitioner: 'Practitioner',
  'parent-carer': 'Parent or carer',
  'young-person': 'Young person',
  'ecdp-member': 'ECDP member',
  other: 'Someone else',
};

export interface FeedbackState {
  values: FeedbackValues;
  errors: FeedbackErrors;
  receipt?: string;
  /** A message that is not about one field (closed, too many, could not send). */
  notice?: string;
}
