import type { Migration } from '../migrations.ts';

/**
 * Thematic coding of free-text answers. A code belongs to one activity (its name is unique
 * there); answer_codes tags one answer (a response and a question id) with a code. Both cascade:
 * deleting a response (withdrawal, purge, a researcher's deletion) removes its tags, and
 * deleting a code removes its uses. Codes hold researchers' words, never participants'.
 */
export const researchDataMigration: Migration = {
  version: 4,
  name: 'thematic coding',
  sql: `
    CREATE TABLE codes (
      id INTEGER PRIMARY KEY,
      activity_kind TEXT NOT NULL CHECK (activity_kind IN ('survey', 'journey')),
      activity_slug TEXT NOT NULL,
      name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
      description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 500),
      UNIQUE (activity_kind, activity_slug, name)
    ) STRICT;
    CREATE TABLE answer_codes (
      response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
      question_id TEXT NOT NULL,
      code_id INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
      PRIMARY KEY (response_id, question_id, code_id)
    ) STRICT;
    CREATE INDEX answer_codes_by_code ON answer_codes (code_id);
  `,
};
