import type { Migration } from '../migrations.ts';

/**
 * One codebook for the whole project (issue 15, item 4): a code no longer belongs to one survey
 * or journey, so "Time pressure" found in the practitioners survey and in a journey map is one
 * theme. Codes may have a parent (one level: a child's parent has no parent, checked by
 * src/server/research/coding.ts). excerpts keeps a coded passage of one answer: the answer's
 * field, the span (start and end offsets in UTF-16 code units, as JavaScript counts) and the
 * quoted words, so a finding can cite exactly what was said.
 *
 * Today's per-activity codes move across without losing an application: codes whose names are
 * the same apart from case and surrounding spaces (in any survey or journey) become one code, the
 * oldest, and every answer tagged with any of them is tagged with that one. The old tables are
 * dropped after their rows are copied (answer_codes first, so no cascade fires on them), and the
 * new ones take their names, so other queries keep working.
 *
 * Both tables cascade from responses: a withdrawn or deleted response takes its coded passages
 * (participants' words) with it (docs/reliability.md G21, G22).
 */
export const sharedCodebook: Migration = {
  version: 14,
  name: 'one codebook for the project, with coded passages',
  sql: `
    CREATE TABLE codebook (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 80),
      description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 500),
      parent_id INTEGER REFERENCES codebook (id) ON DELETE SET NULL
    ) STRICT;

    CREATE TEMP TABLE code_moves AS
      SELECT c.id AS old_id, (
        SELECT min(k.id) FROM codes k WHERE lower(trim(k.name)) = lower(trim(c.name))
      ) AS new_id FROM codes c;
    INSERT INTO codebook (id, name, description)
      SELECT c.id, trim(c.name), c.description FROM codes c
      WHERE c.id IN (SELECT new_id FROM code_moves);
    -- A merged code keeps the first description written, if the kept one has none.
    UPDATE codebook SET description = coalesce((
      SELECT c.description FROM codes c JOIN code_moves m ON m.old_id = c.id
      WHERE m.new_id = codebook.id AND c.description <> '' ORDER BY c.id LIMIT 1
    ), '') WHERE description = '';

    CREATE TABLE answer_codes_shared (
      response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
      question_id TEXT NOT NULL,
      code_id INTEGER NOT NULL REFERENCES codebook (id) ON DELETE CASCADE,
      PRIMARY KEY (response_id, question_id, code_id)
    ) STRICT;
    INSERT OR IGNORE INTO answer_codes_shared (response_id, question_id, code_id)
      SELECT ac.response_id, ac.question_id, m.new_id
      FROM answer_codes ac JOIN code_moves m ON m.old_id = ac.code_id;
    DROP TABLE temp.code_moves;

    DROP TABLE answer_codes;
    DROP TABLE codes;
    ALTER TABLE codebook RENAME TO codes;
    ALTER TABLE answer_codes_shared RENAME TO answer_codes;
    CREATE INDEX answer_codes_by_code ON answer_codes (code_id);
    CREATE INDEX codes_by_parent ON codes (parent_id);

    CREATE TABLE excerpts (
      id INTEGER PRIMARY KEY,
      response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
      question_id TEXT NOT NULL,
      code_id INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
      span_start INTEGER NOT NULL CHECK (span_start >= 0),
      span_end INTEGER NOT NULL CHECK (span_end > span_start),
      quote TEXT NOT NULL CHECK (length(quote) BETWEEN 1 AND 10000),
      UNIQUE (response_id, question_id, code_id, span_start, span_end)
    ) STRICT;
    CREATE INDEX excerpts_by_code ON excerpts (code_id);
    CREATE INDEX excerpts_by_response ON excerpts (response_id);
  `,
};
