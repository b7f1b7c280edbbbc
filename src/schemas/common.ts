import { z } from 'astro/zod';
import { AUDIENCES } from './audiences.ts';
import { easyReadPictureSchema } from './easyRead.ts';

/** Identifiers that end up in URLs, HTML ids and database rows: lower case, digits and hyphens. */
export const slugId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*$/,
    'must be lower case letters, digits and hyphens, starting with a letter',
  );

/** Text a person reads: never empty, and trimmed so that "  " does not count as content. */
export const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`);

export { AUDIENCE_LABELS, AUDIENCES } from './audiences.ts';
export const audience = z.array(z.enum(AUDIENCES)).min(1, 'must name at least one audience');

/** Whether an activity accepts answers. Drafts are built but never listed. */
export const ACTIVITY_STATUSES = ['draft', 'open', 'closed'] as const;

/**
 * Consent is versioned: the version is stored with every response, so a changed statement
 * never silently applies to people who agreed to an earlier wording.
 */
export const consentSchema = z.object({
  version: z.string().regex(/^\d+\.\d+$/, 'must look like 1.0'),
  statements: z
    .array(
      z.object({
        id: slugId,
        text: text(400),
        easyRead: text(300).optional(),
        /** The picture beside the statement in easy read. */
        picture: optionalGroup(easyReadPictureSchema),
      }),
    )
    .min(1, 'must have at least one statement'),
});

/** Open and close dates, status and retention shared by surveys and journey activities. */
export const activityFields = {
  title: text(120, 5),
  summary: text(300, 20),
  audience,
  status: z.enum(ACTIVITY_STATUSES),
  opens: z.coerce.date(),
  closes: z.coerce.date(),
  /** Responses are deleted this many months after the activity closes. */
  retentionMonths: z.number().int().min(1).max(84),
  estimatedMinutes: z.number().int().min(1).max(120),
  intro: text(3000),
  /**
   * The activity is offered in easy read: then every participant-facing string needs its
   * easy-read version and every point its picture, or the build stops (easyRead.ts).
   */
  offersEasyRead: z.boolean().default(false),
  easyReadIntro: text(2000).optional(),
  consent: consentSchema,
};

export function closesAfterOpens(value: { opens: Date; closes: Date }, ctx: z.RefinementCtx) {
  if (value.closes <= value.opens) {
    ctx.addIssue({ code: 'custom', path: ['closes'], message: 'must be after the opening date' });
  }
}

/** An image always travels with its alternative text; empty alt text is refused. */
export const imageSchema = z.object({
  src: z.string().regex(/^\/uploads\/[^\s]+$/, 'must be a file in /uploads/'),
  alt: text(250),
});

/**
 * An optional group of fields that the CMS may write as an empty object (`{}` or empty strings)
 * when an editor opens it and leaves it blank. Blank counts as "not given".
 */
export function optionalGroup<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (isBlank(value) ? undefined : value), schema.optional());
}

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.every(isBlank);
  if (typeof value !== 'object') return false;
  return Object.values(value).every(isBlank);
}
