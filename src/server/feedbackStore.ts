import type { DatabaseSync } from 'node:sqlite';
import type { Feedback } from '../forms/feedback.ts';
import { canonicalJson, sha256Hex } from './canonicalJson.ts';
import { deriveReceipt, hashReceipt } from './receipts.ts';
import { inWriteTransaction, loadReceiptSecret } from './responseStore.ts';
import { raiseFlag, type RiskMatch } from './research/flags.ts';

export const FEEDBACK_KIND = 'prototype';

export interface NewFeedback {
  slug: string;
  scopeVersion: string;
  definitionHash: string;
  feedback: Feedback;
  receivedOn: string;
  riskMatch?: RiskMatch;
}

export type SaveFeedbackResult =
  | { status: 'created' | 'replayed'; receipt: string; id: number }
  | { status: 'conflict' }
  /** `allow` said no (the client is over its limit); nothing was stored. */
  | { status: 'refused' };

const secrets = new WeakMap<DatabaseSync, Buffer>();
/** The instance secret (loaded once per connection), for receipts and public comment ids. */
export const secretFor = (db: DatabaseSync) => {
  let secret = secrets.get(db);
  if (!secret) secrets.set(db, (secret = loadReceiptSecret(db)));
  return secret;
};

/**
 * Stores one piece of feedback, its reactions and any safeguarding flag in one transaction, and
 * returns only after COMMIT. A repeat of the same submission returns the same receipt and stores
 * nothing; `allow` is asked only for new feedback, so a retry is never refused by a rate limit.
 */
export function saveFeedback(
  db: DatabaseSync,
  input: NewFeedback,
  allow: () => boolean = () => true,
): SaveFeedbackResult {
  const { feedback } = input;
  const receipt = deriveReceipt(secretFor(db), FEEDBACK_KIND, input.slug, feedback.submissionId);
  const receiptHash = hashReceipt(receipt);
  const payloadHash = sha256Hex(canonicalJson(feedback));
  return inWriteTransaction(db, (): SaveFeedbackResult => {
    const existing = db
      .prepare(
        `SELECT id, prototype_slug AS slug, payload_hash AS payloadHash FROM feedback
         WHERE submission_id = ?`,
      )
      .get(feedback.submissionId) as { id: number; slug: string; payloadHash: string } | undefined;
    if (existing) {
      if (existing.slug !== input.slug || existing.payloadHash !== payloadHash) {
        return { status: 'conflict' };
      }
      return { status: 'replayed', receipt, id: existing.id };
    }
    if (!allow()) return { status: 'refused' };
    const showable = feedback.comment !== '' && feedback.consentShow;
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO feedback (prototype_slug, scope_version, definition_hash, submission_id,
           payload_hash, receipt_hash, received_on, usefulness, role, practitioner_kind,
           display_name, comment, consent_quote, consent_show, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.slug,
        input.scopeVersion,
        input.definitionHash,
        feedback.submissionId,
        payloadHash,
        receiptHash,
        input.receivedOn,
        feedback.usefulness ?? null,
        feedback.role,
        feedback.practitionerKind ?? null,
        feedback.displayName ?? null,
        feedback.comment,
        feedback.consentQuote ? 1 : 0,
        feedback.consentShow ? 1 : 0,
        showable ? 'pending' : 'private',
      );
    const id = Number(lastInsertRowid);
    const addReaction = db.prepare(
      'INSERT INTO feedback_reactions (feedback_id, feature_id, reaction, why) VALUES (?, ?, ?, ?)',
    );
    for (const r of feedback.reactions) addReaction.run(id, r.featureId, r.reaction, r.why);
    // In the same transaction: flagged words are never stored without their flag.
    if (input.riskMatch) {
      raiseFlag(db, {
        feedbackId: id,
        kind: FEEDBACK_KIND,
        slug: input.slug,
        match: input.riskMatch,
        raisedOn: input.receivedOn,
      });
    }
    return { status: 'created', receipt, id };
  });
}

/** Deletes the feedback with this receipt hash (its reactions and replies go with it). */
export function deleteFeedbackByReceiptHash(db: DatabaseSync, receiptHash: string): number {
  return Number(db.prepare('DELETE FROM feedback WHERE receipt_hash = ?').run(receiptHash).changes);
}

/** The free text of a piece of feedback, by where it was written, for risk-phrase matching. */
export function feedbackTexts(feedback: Feedback): Record<string, string> {
  const texts: Record<string, string> = {};
  if (feedback.comment) texts.comment = feedback.comment;
  for (const r of feedback.reactions) if (r.why) texts[`why.${r.featureId}`] = r.why;
  if (feedback.displayName) texts.displayName = feedback.displayName;
  return texts;
}
