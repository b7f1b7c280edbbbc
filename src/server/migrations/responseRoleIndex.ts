import type { Migration } from '../migrations.ts';

/**
 * The response browser filtered by role (src/server/research/responseBrowser.ts) read the JSON of
 * every response of the activity to find each one's role: with 100,000 responses and three
 * filters at once, about 2 s (bench/REPORT.md). This index keeps the role as the browser's query
 * writes it (the expression must be the same, character for character, for SQLite to use it) and
 * the number it sorts by. It holds only roles and numbers, never a participant's words.
 */
export const responseRoleIndex: Migration = {
  version: 15,
  name: 'responses by role, for the response browser',
  sql: `
    CREATE INDEX responses_by_role ON responses (
      activity_kind, activity_slug, coalesce(json_extract(answers, '$.role'), ''), number
    );
  `,
};
