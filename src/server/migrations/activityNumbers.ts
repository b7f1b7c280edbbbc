import type { Migration } from '../migrations.ts';

/**
 * Each response, journey map and piece of feedback gets a number within its activity (response
 * 1, 2, 3 of one survey), so researchers talk about "response 12 of the practitioners survey"
 * rather than an id shared by every activity (issue 15, item 2). activity_numbers keeps the last
 * number given per activity, so a withdrawn or deleted response leaves a gap and no number is
 * ever given twice: a number written in someone's notes never comes to mean another person.
 *
 * Rows that exist already keep their id as their number, so every link to them that was copied
 * before this migration (they used the id) still opens the same response. The triggers number new
 * rows inside the insert's own transaction, so the participant's submission code is unchanged.
 * Nothing here holds a participant's words.
 */
export const activityNumbers: Migration = {
  version: 13,
  name: 'numbers within each activity',
  sql: `
    CREATE TABLE activity_numbers (
      activity_kind TEXT NOT NULL CHECK (activity_kind IN ('survey', 'journey', 'prototype')),
      activity_slug TEXT NOT NULL,
      last_number INTEGER NOT NULL,
      PRIMARY KEY (activity_kind, activity_slug)
    ) STRICT;

    ALTER TABLE responses ADD COLUMN number INTEGER;
    UPDATE responses SET number = id;
    CREATE UNIQUE INDEX responses_by_number ON responses (activity_kind, activity_slug, number);
    INSERT INTO activity_numbers (activity_kind, activity_slug, last_number)
      SELECT activity_kind, activity_slug, max(number) FROM responses GROUP BY 1, 2;
    CREATE TRIGGER responses_numbered AFTER INSERT ON responses WHEN NEW.number IS NULL
    BEGIN
      INSERT OR IGNORE INTO activity_numbers (activity_kind, activity_slug, last_number)
        VALUES (NEW.activity_kind, NEW.activity_slug, 0);
      UPDATE activity_numbers SET last_number = last_number + 1
        WHERE activity_kind = NEW.activity_kind AND activity_slug = NEW.activity_slug;
      UPDATE responses SET number = (
        SELECT last_number FROM activity_numbers
        WHERE activity_kind = NEW.activity_kind AND activity_slug = NEW.activity_slug
      ) WHERE id = NEW.id;
    END;

    ALTER TABLE feedback ADD COLUMN number INTEGER;
    UPDATE feedback SET number = id;
    CREATE UNIQUE INDEX feedback_by_number ON feedback (prototype_slug, number);
    INSERT INTO activity_numbers (activity_kind, activity_slug, last_number)
      SELECT 'prototype', prototype_slug, max(number) FROM feedback GROUP BY 2;
    CREATE TRIGGER feedback_numbered AFTER INSERT ON feedback WHEN NEW.number IS NULL
    BEGIN
      INSERT OR IGNORE INTO activity_numbers (activity_kind, activity_slug, last_number)
        VALUES ('prototype', NEW.prototype_slug, 0);
      UPDATE activity_numbers SET last_number = last_number + 1
        WHERE activity_kind = 'prototype' AND activity_slug = NEW.prototype_slug;
      UPDATE feedback SET number = (
        SELECT last_number FROM activity_numbers
        WHERE activity_kind = 'prototype' AND activity_slug = NEW.prototype_slug
      ) WHERE id = NEW.id;
    END;
  `,
};
