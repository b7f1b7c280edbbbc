import { accountLinks } from './migrations/accountLinks.ts';
import { activityNumbers } from './migrations/activityNumbers.ts';
import { auditSource } from './migrations/auditSource.ts';
import { feedbackSourceGroups } from './migrations/feedbackSources.ts';
import { journeyStageGroups } from './migrations/journeyGroups.ts';
import { publishedName } from './migrations/publishedName.ts';
import { prototypeFeedback } from './migrations/prototypeFeedback.ts';
import { recoveryCodes } from './migrations/recoveryCodes.ts';
import { researcherAccounts } from './migrations/researcherAccounts.ts';
import { researchDataMigration } from './migrations/researchData.ts';
import { safeguardingFlags } from './migrations/safeguardingFlags.ts';
import { sharedCodebook } from './migrations/sharedCodebook.ts';

/**
 * Versioned schema changes, applied in order at start. Never edit a migration that has shipped:
 * add a new one. Each runs in its own transaction with its version recorded.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'instance metadata',
    sql: `
      CREATE TABLE instance (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
      INSERT INTO instance (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
    `,
  },
  {
    version: 2,
    name: 'responses',
    // One row per submitted activity. Deliberately absent: IP address, user agent, cookies and
    // time of day (received_on is a date only), so a row cannot be matched to server logs.
    // definition_hash pins the wording the person answered; a later edit to the survey does not
    // change what an old answer means. payload_hash tells a retry of the same body (same receipt)
    // from a different body sent with the same submission id (refused). Only a hash of the
    // receipt is kept, so a copy or export of this table carries no working codes. consent holds
    // the statement ids agreed to, with consent_version and definition_hash naming their wording.
    sql: `
      CREATE TABLE responses (
        id INTEGER PRIMARY KEY,
        activity_kind TEXT NOT NULL CHECK (activity_kind IN ('survey', 'journey')),
        activity_slug TEXT NOT NULL,
        definition_hash TEXT NOT NULL,
        consent_version TEXT NOT NULL,
        consent TEXT NOT NULL CHECK (json_valid(consent)),
        answers TEXT NOT NULL CHECK (json_valid(answers)),
        submission_id TEXT NOT NULL UNIQUE,
        payload_hash TEXT NOT NULL,
        receipt_hash TEXT NOT NULL UNIQUE,
        received_on TEXT NOT NULL
          CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
      ) STRICT;
      CREATE INDEX responses_by_activity ON responses (activity_kind, activity_slug);
    `,
  },
  researcherAccounts,
  researchDataMigration,
  safeguardingFlags,
  journeyStageGroups,
  prototypeFeedback,
  recoveryCodes,
  auditSource,
  publishedName,
  feedbackSourceGroups,
  accountLinks,
  activityNumbers,
  sharedCodebook,
];
