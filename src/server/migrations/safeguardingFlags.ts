import type { Migration } from '../migrations.ts';

/**
 * Safeguarding flags. A flag keeps which phrases matched and in which questions, never the
 * answer text itself, so its history can outlive the response: if a participant withdraws a
 * flagged response, the record of what the team did stays (response_id becomes NULL).
 */
export const safeguardingFlags: Migration = {
  version: 5,
  name: 'safeguarding flags',
  sql: `
    CREATE TABLE flags (
      id INTEGER PRIMARY KEY,
      response_id INTEGER REFERENCES responses (id) ON DELETE SET NULL,
      activity_kind TEXT NOT NULL,
      activity_slug TEXT NOT NULL,
      phrases TEXT NOT NULL,
      questions TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      raised_on TEXT NOT NULL
    ) STRICT;
    CREATE INDEX flags_by_status ON flags (status, id);
    CREATE INDEX flags_by_response ON flags (response_id);
    CREATE TABLE flag_actions (
      id INTEGER PRIMARY KEY,
      flag_id INTEGER NOT NULL REFERENCES flags (id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      researcher_id INTEGER,
      note TEXT NOT NULL,
      closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))
    ) STRICT;
  `,
};
