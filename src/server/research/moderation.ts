import type { DatabaseSync } from 'node:sqlite';
import { LIMITS, REACTIONS, ROLES, type Reaction } from '../../forms/feedback.ts';
import { inWriteTransaction } from '../responseStore.ts';
import { FEEDBACK_KIND } from '../feedbackStore.ts';
import { raiseFlag } from './flags.ts';

/**
 * The researcher side of prototype feedback: the moderation queue, decisions (approve with
 * edits, reject with a reason, reply, flag), and summaries by feature and role.
 */

export type FeedbackStatus = 'private' | 'pending' | 'approved' | 'rejected';

export interface FeedbackItem {
  id: number;
  /** Its number within the prototype's feedback (comment 1, 2, 3), as researchers cite it. */
  number: number;
  slug: string;
  scopeVersion: string;
  receivedOn: string;
  usefulness: number | null;
  role: string;
  practitionerKind: string | null;
  displayName: string | null;
  /** What the person wrote. */
  comment: string;
  consentQuote: boolean;
  consentShow: boolean;
  status: FeedbackStatus;
  /** What the public sees once approved (the moderator's edit of `comment`). */
  publishedText: string | null;
  /** The name shown with it once approved (the moderator's edit of `displayName`). */
  publishedName: string | null;
  rejectReason: string | null;
  moderatedOn: string | null;
  reactions: { featureId: string; reaction: Reaction; why: string }[];
  replies: { id: number; text: string; repliedOn: string }[];
  flagIds: number[];
}

interface Row {
  id: number;
  number: number;
  prototype_slug: string;
  scope_version: string;
  received_on: string;
  usefulness: number | null;
  role: string;
  practitioner_kind: string | null;
  display_name: string | null;
  comment: string;
  consent_quote: number;
  consent_show: number;
  status: FeedbackStatus;
  published_text: string | null;
  published_name: string | null;
  reject_reason: string | null;
  moderated_on: string | null;
}

function toItem(db: DatabaseSync, row: Row): FeedbackItem {
  return {
    id: row.id,
    number: Number(row.number),
    slug: row.prototype_slug,
    scopeVersion: row.scope_version,
    receivedOn: row.received_on,
    usefulness: row.usefulness,
    role: row.role,
    practitionerKind: row.practitioner_kind,
    displayName: row.display_name,
    comment: row.comment,
    consentQuote: row.consent_quote === 1,
    consentShow: row.consent_show === 1,
    status: row.status,
    publishedText: row.published_text,
    publishedName: row.published_name,
    rejectReason: row.reject_reason,
    moderatedOn: row.moderated_on,
    reactions: db
      .prepare(
        `SELECT feature_id AS featureId, reaction, why FROM feedback_reactions
         WHERE feedback_id = ? ORDER BY rowid`,
      )
      .all(row.id) as FeedbackItem['reactions'],
    replies: db
      .prepare(
        `SELECT id, body AS text, replied_on AS repliedOn FROM feedback_replies
         WHERE feedback_id = ? ORDER BY id`,
      )
      .all(row.id) as FeedbackItem['replies'],
    flagIds: (
      db.prepare('SELECT id FROM flags WHERE feedback_id = ? ORDER BY id').all(row.id) as {
        id: number;
      }[]
    ).map((f) => f.id),
  };
}

export function getFeedback(db: DatabaseSync, slug: string, id: number): FeedbackItem | undefined {
  const row = db
    .prepare('SELECT * FROM feedback WHERE id = ? AND prototype_slug = ?')
    .get(id, slug) as Row | undefined;
  return row && toItem(db, row);
}

/** Comments of one status, oldest first for the queue (the longest waiting), else newest first. */
export function feedbackByStatus(
  db: DatabaseSync,
  slug: string,
  status: FeedbackStatus,
  limit = 200,
): FeedbackItem[] {
  const order = status === 'pending' ? 'ASC' : 'DESC';
  return (
    db
      .prepare(
        `SELECT * FROM feedback WHERE prototype_slug = ? AND status = ? ORDER BY id ${order} LIMIT ?`,
      )
      .all(slug, status, limit) as unknown as Row[]
  ).map((row) => toItem(db, row));
}

/** How many comments wait for a moderator, per scope. */
export function pendingCounts(db: DatabaseSync): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT prototype_slug AS slug, COUNT(*) AS n FROM feedback WHERE status = 'pending'
       GROUP BY prototype_slug`,
    )
    .all() as { slug: string; n: number }[];
  return new Map(rows.map((r) => [r.slug, Number(r.n)]));
}

/** How many comments wait for a moderator, all scopes together. */
export function pendingTotal(db: DatabaseSync): number {
  return [...pendingCounts(db).values()].reduce((sum, n) => sum + n, 0);
}

/** All feedback per scope (with or without a comment). */
export function feedbackCounts(db: DatabaseSync): Map<string, number> {
  const rows = db
    .prepare('SELECT prototype_slug AS slug, COUNT(*) AS n FROM feedback GROUP BY prototype_slug')
    .all() as { slug: string; n: number }[];
  return new Map(rows.map((r) => [r.slug, Number(r.n)]));
}

export type Decision =
  /** `name` is the display name to publish; absent keeps the person's own. */
  | { action: 'approve'; text: string; name?: string }
  | { action: 'reject'; reason: string }
  | { action: 'reply'; text: string }
  /** A published reply, reworded or withdrawn from the public page (issue 15, item 7). */
  | { action: 'edit-reply'; replyId: number; text: string }
  | { action: 'withdraw-reply'; replyId: number }
  | { action: 'flag' };

export type DecisionResult =
  | { ok: true; flagId?: number }
  /** `field` when the problem is not in the decision's main field (the name to publish). */
  | { ok: false; error: string; field?: string };

export const MODERATION_LIMITS = {
  text: 2000,
  reason: 500,
  reply: 2000,
  name: LIMITS.displayName,
} as const;

/** Why a reply's text cannot be published, or undefined when it can. */
function replyError(text: string, field?: string): DecisionResult | undefined {
  if (text === '') return { ok: false, error: 'Enter your reply', field };
  if (text.length > MODERATION_LIMITS.reply) {
    return { ok: false, error: 'The reply must be 2,000 characters or fewer', field };
  }
  return undefined;
}

/**
 * Applies a moderator's decision. Approving publishes `text` (the moderator's edit; the original
 * stays in `comment` for the audit trail). Only comments the person allowed us to show can be
 * approved. A reply is shown under an approved comment.
 */
export function decide(
  db: DatabaseSync,
  slug: string,
  id: number,
  decision: Decision,
  researcherId: number,
  today: string,
): DecisionResult {
  const item = getFeedback(db, slug, id);
  if (!item) return { ok: false, error: 'There is no such comment' };
  switch (decision.action) {
    case 'approve': {
      if (!item.consentShow || item.comment === '') {
        return { ok: false, error: 'This person did not agree to their comment being shown' };
      }
      const text = decision.text.trim();
      if (text === '') return { ok: false, error: 'Enter the text to publish' };
      if (text.length > MODERATION_LIMITS.text) {
        return { ok: false, error: 'The text to publish must be 2,000 characters or fewer' };
      }
      // A person who chose to be anonymous stays anonymous; a chosen name can be edited (to
      // initials, say) or removed (an empty name publishes as anonymous).
      const name =
        item.displayName === null ? null : (decision.name ?? item.displayName).trim() || null;
      if (name !== null && name.length > MODERATION_LIMITS.name) {
        return {
          ok: false,
          field: 'publish-name',
          error: `The name must be ${MODERATION_LIMITS.name} characters or fewer`,
        };
      }
      inWriteTransaction(db, () =>
        db
          .prepare(
            `UPDATE feedback SET status = 'approved', published_text = ?, published_name = ?,
               reject_reason = NULL, moderated_on = ?, moderated_by = ? WHERE id = ?`,
          )
          .run(text, name, today, researcherId, id),
      );
      return { ok: true };
    }
    case 'reject': {
      const reason = decision.reason.trim();
      if (reason === '') return { ok: false, error: 'Enter why the comment is not published' };
      if (reason.length > MODERATION_LIMITS.reason) {
        return { ok: false, error: 'The reason must be 500 characters or fewer' };
      }
      if (item.status === 'private') {
        return { ok: false, error: 'This comment is not for publishing, so it cannot be rejected' };
      }
      inWriteTransaction(db, () =>
        db
          .prepare(
            `UPDATE feedback SET status = 'rejected', published_text = NULL, published_name = NULL,
               reject_reason = ?,
               moderated_on = ?, moderated_by = ? WHERE id = ?`,
          )
          .run(reason, today, researcherId, id),
      );
      return { ok: true };
    }
    case 'reply': {
      const text = decision.text.trim();
      const invalid = replyError(text);
      if (invalid) return invalid;
      if (item.status !== 'approved') {
        return { ok: false, error: 'Approve the comment before replying: replies are public' };
      }
      inWriteTransaction(db, () =>
        db
          .prepare(
            'INSERT INTO feedback_replies (feedback_id, body, replied_on, researcher_id) VALUES (?, ?, ?, ?)',
          )
          .run(id, text, today, researcherId),
      );
      return { ok: true };
    }
    case 'edit-reply':
    case 'withdraw-reply': {
      // Only a reply under this very comment: a reply id from another comment changes nothing.
      if (!item.replies.some((r) => r.id === decision.replyId)) {
        return { ok: false, error: 'There is no such reply' };
      }
      if (decision.action === 'withdraw-reply') {
        inWriteTransaction(db, () =>
          db
            .prepare('DELETE FROM feedback_replies WHERE id = ? AND feedback_id = ?')
            .run(decision.replyId, id),
        );
        return { ok: true };
      }
      const text = decision.text.trim();
      const invalid = replyError(text, `reply-${decision.replyId}`);
      if (invalid) return invalid;
      inWriteTransaction(db, () =>
        db
          .prepare(
            'UPDATE feedback_replies SET body = ?, researcher_id = ? WHERE id = ? AND feedback_id = ?',
          )
          .run(text, researcherId, decision.replyId, id),
      );
      return { ok: true };
    }
    case 'flag': {
      const flagId = inWriteTransaction(db, () =>
        raiseFlag(db, {
          feedbackId: id,
          kind: FEEDBACK_KIND,
          slug,
          match: { phrases: ['(flagged by a moderator)'], questions: ['comment'] },
          raisedOn: today,
        }),
      );
      return { ok: true, flagId };
    }
  }
}

export interface FeatureSummary {
  featureId: string;
  counts: Record<Reaction, number>;
  total: number;
  /** The same counts for each role that reacted. */
  byRole: { role: string; counts: Record<Reaction, number>; total: number }[];
}

const zero = (): Record<Reaction, number> => ({ useful: 0, 'not-sure': 0, worried: 0 });

/** Reactions per feature, overall and per role (researchers see every count, however small). */
export function featureSummaries(
  db: DatabaseSync,
  slug: string,
  featureIds: readonly string[],
): FeatureSummary[] {
  const rows = db
    .prepare(
      `SELECT r.feature_id AS feature, f.role, r.reaction, COUNT(*) AS n
       FROM feedback_reactions r JOIN feedback f ON f.id = r.feedback_id
       WHERE f.prototype_slug = ? GROUP BY r.feature_id, f.role, r.reaction`,
    )
    .all(slug) as { feature: string; role: string; reaction: Reaction; n: number }[];
  return featureIds.map((featureId) => {
    const mine = rows.filter((r) => r.feature === featureId);
    const counts = zero();
    const byRole = new Map<string, Record<Reaction, number>>();
    for (const row of mine) {
      counts[row.reaction] += Number(row.n);
      const role = byRole.get(row.role) ?? zero();
      role[row.reaction] += Number(row.n);
      byRole.set(row.role, role);
    }
    const sum = (c: Record<Reaction, number>) => REACTIONS.reduce((s, r) => s + c[r.value], 0);
    return {
      featureId,
      counts,
      total: sum(counts),
      byRole: ROLES.filter((r) => byRole.has(r.value)).map((r) => ({
        role: r.value,
        counts: byRole.get(r.value)!,
        total: sum(byRole.get(r.value)!),
      })),
    };
  });
}

/** How useful people said the whole would be, per role: counts of 1–5 and the median. */
export function usefulnessByRole(
  db: DatabaseSync,
  slug: string,
): { role: string; counts: number[]; answered: number; median: number | null }[] {
  const rows = db
    .prepare(
      `SELECT role, usefulness AS u, COUNT(*) AS n FROM feedback
       WHERE prototype_slug = ? AND usefulness IS NOT NULL GROUP BY role, usefulness`,
    )
    .all(slug) as { role: string; u: number; n: number }[];
  return ROLES.filter((r) => rows.some((row) => row.role === r.value)).map((r) => {
    const counts = [0, 0, 0, 0, 0];
    for (const row of rows) if (row.role === r.value) counts[row.u - 1] += Number(row.n);
    const answered = counts.reduce((a, b) => a + b, 0);
    return { role: r.value, counts, answered, median: median(counts, answered) };
  });
}

function median(counts: number[], total: number): number | null {
  if (total === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen > k) return i + 1;
    }
    return counts.length;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/** Every piece of feedback for export, oldest first. */
export function* iterateFeedback(db: DatabaseSync, slug: string): Generator<FeedbackItem> {
  const rows = db
    .prepare('SELECT * FROM feedback WHERE prototype_slug = ? ORDER BY id')
    .iterate(slug) as Iterable<Row>;
  for (const row of rows) yield toItem(db, row);
}

/**
 * The comment a moderator should read next after deciding one: the longest-waiting comment of
 * this scope, else of any scope (issue 15, item 7). Undefined when nothing waits.
 */
export function nextPending(
  db: DatabaseSync,
  slug: string,
): { slug: string; number: number } | undefined {
  const row = db
    .prepare(
      `SELECT prototype_slug AS slug, number FROM feedback WHERE status = 'pending'
       ORDER BY prototype_slug <> ?, id LIMIT 1`,
    )
    .get(slug) as { slug: string; number: number } | undefined;
  return row && { slug: row.slug, number: Number(row.number) };
}

/** What a bulk decision did: the numbers decided, and those refused with why. */
export interface BulkResult {
  decided: number[];
  refused: { number: number; error: string }[];
}

/**
 * Approves or rejects several comments of one scope at once (issue 15, item 7), by their numbers
 * within the scope. Approving publishes each comment's own words and name (the moderator chose
 * them having read them highlighted on the queue); rejecting gives them all the same reason.
 * Only comments still waiting are decided, each as decide() would, so one that cannot be (already
 * decided, not for publishing, withdrawn) is refused on its own, with why, and the others still go through.
 */
export function decideMany(
  db: DatabaseSync,
  slug: string,
  numbers: number[],
  decision: { action: 'approve' } | { action: 'reject'; reason: string },
  researcherId: number,
  today: string,
): BulkResult {
  const result: BulkResult = { decided: [], refused: [] };
  for (const number of [...new Set(numbers)]) {
    const row = db
      .prepare('SELECT id, comment, status FROM feedback WHERE prototype_slug = ? AND number = ?')
      .get(slug, number) as { id: number; comment: string; status: FeedbackStatus } | undefined;
    // Only the queue: approving a published comment again would put back words a moderator
    // edited out.
    const outcome = !row
      ? ({ ok: false, error: 'There is no such comment' } as const)
      : row.status !== 'pending'
        ? ({ ok: false, error: 'It is no longer waiting for a decision' } as const)
        : decide(
            db,
            slug,
            Number(row.id),
            decision.action === 'approve' ? { action: 'approve', text: row.comment } : decision,
            researcherId,
            today,
          );
    if (outcome.ok) result.decided.push(number);
    else result.refused.push({ number, error: outcome.error });
  }
  return result;
}
