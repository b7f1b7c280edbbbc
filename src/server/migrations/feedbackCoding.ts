import type { Migration } from '../migrations.ts';

/**
 * Prototype feedback coded like survey answers (issue 15, item 1): a comment or a feature's "why"
 * ticked with codes of the project's codebook (feedback_codes), or a passage of one coded
 * (feedback_excerpts: the field, the span in UTF-16 code units and the quoted words). Feedback
 * lives in its own table, so its coding does too, with the same columns as answer_codes and
 * excerpts (src/server/migrations/sharedCodebook.ts) but for `feedback_id`. Both cascade from
 * feedback: feedback withdrawn, deleted or purged takes its coded words with it
 * (docs/reliability.md G21, G22).
 */
export const feedbackCoding: Migration = {
  version: 16,
  name: 'coding of prototype feedback',
  sql: `
    CREATE TABLE feedback_codes (
      feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
      question_id TEXT NOT NULL,
      code_id INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
      PRIMARY KEY (feedback_id, question_id, code_id)
    ) STRICT;
    CREATE INDEX feedback_codes_by_code ON feedback_codes (code_id);

    CREATE TABLE feedback_excerpts (
      id INTEGER PRIMARY KEY,
      feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
      question_id TEXT NOT NULL,
      code_id INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
      span_start INTEGER NOT NULL CHECK (span_start >= 0),
      span_end INTEGER NOT NULL CHECK (span_end > span_start),
      quote TEXT NOT NULL CHECK (length(quote) BETWEEN 1 AND 10000),
      UNIQUE (feedback_id, question_id, code_id, span_start, span_end)
    ) STRICT;
    CREATE INDEX feedback_excerpts_by_code ON feedback_excerpts (code_id);
    CREATE INDEX feedback_excerpts_by_feedback ON feedback_excerpts (feedback_id);
  `,
};
