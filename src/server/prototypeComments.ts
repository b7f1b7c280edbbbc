import { createHmac } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { PUBLIC_ROLE, type Reaction, type Role } from '../forms/feedback.ts';
import { secretFor } from './feedbackStore.ts';

/**
 * What the public may see of feedback on a prototype scope: approved comments in the
 * moderator's words, the team's replies, and reaction counts only where enough people reacted.
 */

/** Below this many reactions to a feature, no numbers are shown: a small group is identifiable. */
export const SMALL_GROUP = 5;
export const COMMENTS_PER_PAGE = 10;

/**
 * Exactly what SECURITY.md says the public sees of a comment. Not the feedback's own id (it
 * counts private feedback too, so it would tell how much there is and in what order) and not
 * the day it was sent (with the role, that can point at one person).
 */
export interface PublicComment {
  /** Opaque and stable: an HMAC of the feedback id under the instance secret. */
  id: string;
  /** The name a moderator approved for showing, or null for anonymous. */
  name: string | null;
  role: string;
  text: string;
  replies: { text: string; repliedOn: string }[];
}

/** The public id of a piece of feedback: reveals neither its number nor how many there are. */
export function publicCommentId(db: DatabaseSync, feedbackId: number): string {
  return createHmac('sha256', secretFor(db))
    .update(`public-comment:${feedbackId}`)
    .digest('base64url')
    .slice(0, 16);
}

export interface CommentPage {
  comments: PublicComment[];
  page: number;
  pages: number;
  total: number;
}

/** Approved comments, newest first, one page at a time (pages count from 1). */
export function approvedComments(
  db: DatabaseSync,
  slug: string,
  page = 1,
  perPage = COMMENTS_PER_PAGE,
): CommentPage {
  const total = Number(
    (
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM feedback WHERE prototype_slug = ? AND status = 'approved'`,
        )
        .get(slug) as { n: number }
    ).n,
  );
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const rows = db
    .prepare(
      `SELECT id, published_name AS name, role, published_text AS text
       FROM feedback WHERE prototype_slug = ? AND status = 'approved'
       ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(slug, perPage, (current - 1) * perPage) as {
    id: number;
    name: string | null;
    role: Role;
    text: string;
  }[];
  const replies = db.prepare(
    `SELECT body AS text, replied_on AS repliedOn FROM feedback_replies
     WHERE feedback_id = ? ORDER BY id`,
  );
  return {
    comments: rows.map((row) => ({
      id: publicCommentId(db, row.id),
      name: row.name,
      role: PUBLIC_ROLE[row.role] ?? 'Someone else',
      text: row.text,
      replies: replies.all(row.id) as { text: string; repliedOn: string }[],
    })),
    page: current,
    pages,
    total,
  };
}

export type ReactionCounts = Record<Reaction, number>;

/** Every feature's reaction counts, from all feedback (whether or not it has a comment). */
export function reactionCounts(db: DatabaseSync, slug: string): Map<string, ReactionCounts> {
  const rows = db
    .prepare(
      `SELECT r.feature_id AS feature, r.reaction, COUNT(*) AS n
       FROM feedback_reactions r JOIN feedback f ON f.id = r.feedback_id
       WHERE f.prototype_slug = ? GROUP BY r.feature_id, r.reaction`,
    )
    .all(slug) as { feature: string; reaction: Reaction; n: number }[];
  const counts = new Map<string, ReactionCounts>();
  for (const row of rows) {
    const entry = counts.get(row.feature) ?? { useful: 0, 'not-sure': 0, worried: 0 };
    entry[row.reaction] = Number(row.n);
    counts.set(row.feature, entry);
  }
  return counts;
}

export type PublicCounts =
  | { featureId: string; shown: true; total: number; counts: ReactionCounts }
  | { featureId: string; shown: false };

/**
 * The counts the public page may show: a feature's numbers only once it has SMALL_GROUP
 * reactions or more. Below that nothing is said about how many, not even "fewer than five".
 */
export function publicCounts(
  db: DatabaseSync,
  slug: string,
  featureIds: readonly string[],
): PublicCounts[] {
  const all = reactionCounts(db, slug);
  return featureIds.map((featureId) => {
    const counts = all.get(featureId);
    const total = counts ? counts.useful + counts['not-sure'] + counts.worried : 0;
    return total >= SMALL_GROUP && counts
      ? { featureId, shown: true, total, counts }
      : { featureId, shown: false };
  });
}
