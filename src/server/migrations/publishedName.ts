import type { Migration } from '../migrations.ts';

/**
 * The display name a moderator approved for publishing, beside the one the person typed (kept,
 * like the original comment, for the team only), so a name that identifies someone can be
 * edited before it is shown (issue 12, item 7). Comments already published keep their name.
 */
export const publishedName: Migration = {
  version: 10,
  name: 'published display name',
  sql: `
    ALTER TABLE feedback ADD COLUMN published_name TEXT;
    UPDATE feedback SET published_name = display_name WHERE status = 'approved';
  `,
};
