import { OPEN_FLAG_RESPONSES_SQL } from './flags.ts';
import type { DatabaseSync } from 'node:sqlite';
import type { Survey } from '../../schemas/index.ts';
import { contentDay, ukDay } from '../activityDates.ts';
import { flushWal, inWriteTransaction } from '../responseStore.ts';
import type { ActivityKind } from '../store.ts';

export interface SurveyEntry {
  slug: string;
  survey: Pick<Survey, 'closes' | 'retentionMonths' | 'title'>;
  /** Surveys by default; journey-mapping activities keep their maps by the same rules. */
  kind?: ActivityKind;
}

/**
 * The last day a survey's answers may be kept: its close date plus retentionMonths calendar
 * months (a day that does not exist in the target month becomes that month's last day, so
 * 31 October + 4 months is 28 February).
 */
export function keepUntil(survey: SurveyEntry['survey']): string {
  const [year, month, day] = contentDay(survey.closes).split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + survey.retentionMonths, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The surveys whose answers are past keeping on `now`'s UK day: the day after keepUntil. */
export function dueForDeletion<T extends SurveyEntry>(surveys: T[], now: Date): T[] {
  const today = ukDay(now);
  return surveys.filter((entry) => today > keepUntil(entry.survey));
}

/** How many stored responses each due survey still has (for the researcher overview). */
export function countDue(db: DatabaseSync, surveys: SurveyEntry[], now: Date): number {
  const count = db.prepare(
    `SELECT COUNT(*) AS n FROM responses WHERE activity_kind = ? AND activity_slug = ?
       AND id NOT IN (${OPEN_FLAG_RESPONSES_SQL})`,
  );
  return dueForDeletion(surveys, now).reduce(
    (sum, { slug, kind = 'survey' }) => sum + Number((count.get(kind, slug) as { n: number }).n),
    0,
  );
}

export interface PurgeReport {
  slug: string;
  keepUntil: string;
  deleted: number;
}

/**
 * Deletes the responses of every survey past its retention (their codes go by cascade), one
 * transaction per survey, then flushes the WAL so the words leave the files (docs/reliability.md G21,
 * G22). Responses of activities with no definition are never touched: their retention is unknown.
 * Nor are responses whose safeguarding flag is still open.
 */
export function purgeExpired(db: DatabaseSync, surveys: SurveyEntry[], now: Date): PurgeReport[] {
  // A response with an open safeguarding flag is kept until the flag is closed.
  const remove = db.prepare(
    `DELETE FROM responses WHERE activity_kind = ? AND activity_slug = ?
       AND id NOT IN (${OPEN_FLAG_RESPONSES_SQL})`,
  );
  const report = dueForDeletion(surveys, now).map(({ slug, survey, kind = 'survey' }) => ({
    slug,
    keepUntil: keepUntil(survey),
    deleted: Number(inWriteTransaction(db, () => remove.run(kind, slug).changes)),
  }));
  if (report.some((r) => r.deleted > 0)) flushWal(db);
  return report;
}

/** One line for a log: counts and slugs only, never answers (G24). */
export function describePurge(report: PurgeReport[]): string {
  const total = report.reduce((sum, r) => sum + r.deleted, 0);
  if (report.length === 0) return 'Retention: no survey is past its retention period.';
  return `Retention: deleted ${total} response${total === 1 ? '' : 's'} (${report
    .map((r) => `${r.slug}: ${r.deleted}, kept until ${r.keepUntil}`)
    .join('; ')}).`;
}

/** The first day whose feedback is still kept: `months` calendar months before today. */
export function feedbackKeptFrom(today: string, months: number): string {
  const [year, month, day] = today.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Deletes feedback on prototype scopes sent more than the scope's retentionMonths ago (its
 * reactions and replies go with it; a published comment leaves the page), except feedback with
 * an open safeguarding flag. Feedback on a scope with no file is never touched.
 */
export function purgeExpiredFeedback(
  db: DatabaseSync,
  prototypes: { slug: string; prototype: { retentionMonths: number } }[],
  now: Date,
): PurgeReport[] {
  const today = ukDay(now);
  const remove = db.prepare(
    `DELETE FROM feedback WHERE prototype_slug = ? AND received_on < ?
       AND id NOT IN (SELECT feedback_id FROM flags WHERE status = 'open' AND feedback_id IS NOT NULL)`,
  );
  const report = prototypes.map(({ slug, prototype }) => {
    const keptFrom = feedbackKeptFrom(today, prototype.retentionMonths);
    return {
      slug,
      keepUntil: `sent on or after ${keptFrom}`,
      deleted: Number(inWriteTransaction(db, () => remove.run(slug, keptFrom).changes)),
    };
  });
  if (report.some((r) => r.deleted > 0)) flushWal(db);
  return report.filter((r) => r.deleted > 0);
}

/** One line for a log about feedback: counts and slugs only. */
export function describeFeedbackPurge(report: PurgeReport[]): string {
  const total = report.reduce((sum, r) => sum + r.deleted, 0);
  return total === 0
    ? 'Retention: no feedback on prototype scopes is past its retention period.'
    : `Retention: deleted ${total} piece${total === 1 ? '' : 's'} of feedback (${report
        .map((r) => `${r.slug}: ${r.deleted}, keeping feedback ${r.keepUntil}`)
        .join('; ')}).`;
}
