import type { Migration } from '../migrations.ts';

/**
 * Feedback on prototype scopes. Kept apart from `responses` because it has a life of its own:
 * a comment waits for a moderator, may be published (in the moderator's edited words), and may
 * get replies from the team.
 *
 * - `comment` is what the person wrote; `published_text` is what the public sees once a
 *   moderator has approved it (personal details edited out). The original stays for the audit
 *   trail and is shown only to researchers.
 * - `status`: `private` (no comment, or no permission to show it: never published, never
 *   queued), `pending` (waiting for a moderator), `approved`, `rejected` (with an internal
 *   reason).
 * - No IP address, user agent or time of day, as for responses; only a hash of the receipt.
 * - Reactions and replies go with their feedback (withdrawal deletes all of it); a flag raised on
 *   a comment keeps its record with feedback_id set to NULL, as for responses.
 */
export const prototypeFeedback: Migration = {
  version: 7,
  name: 'prototype feedback and moderation',
  sql: `
    CREATE TABLE feedback (
      id INTEGER PRIMARY KEY,
      prototype_slug TEXT NOT NULL,
      scope_version TEXT NOT NULL,
      definition_hash TEXT NOT NULL,
      submission_id TEXT NOT NULL UNIQUE,
      payload_hash TEXT NOT NULL,
      receipt_hash TEXT NOT NULL UNIQUE,
      received_on TEXT NOT NULL
        CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      usefulness INTEGER CHECK (usefulness BETWEEN 1 AND 5),
      role TEXT NOT NULL,
      practitioner_kind TEXT,
      display_name TEXT,
      comment TEXT NOT NULL DEFAULT '',
      consent_quote INTEGER NOT NULL CHECK (consent_quote IN (0, 1)),
      consent_show INTEGER NOT NULL CHECK (consent_show IN (0, 1)),
      status TEXT NOT NULL CHECK (status IN ('private', 'pending', 'approved', 'rejected')),
      published_text TEXT,
      reject_reason TEXT,
      moderated_on TEXT,
      moderated_by INTEGER
    ) STRICT;
    CREATE INDEX feedback_by_prototype ON feedback (prototype_slug, status, id);
    CREATE TABLE feedback_reactions (
      feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
      feature_id TEXT NOT NULL,
      reaction TEXT NOT NULL CHECK (reaction IN ('useful', 'not-sure', 'worried')),
      why TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (feedback_id, feature_id)
    ) STRICT;
    CREATE TABLE feedback_replies (
      id INTEGER PRIMARY KEY,
      feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
      body TEXT NOT NULL CHECK (length(trim(body)) BETWEEN 1 AND 2000),
      replied_on TEXT NOT NULL,
      researcher_id INTEGER
    ) STRICT;
    CREATE INDEX feedback_replies_by_feedback ON feedback_replies (feedback_id);
    ALTER TABLE flags ADD COLUMN feedback_id INTEGER REFERENCES feedback (id) ON DELETE SET NULL;
    CREATE INDEX flags_by_feedback ON flags (feedback_id);
  `,
};
