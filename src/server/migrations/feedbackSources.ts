import type { Migration } from '../migrations.ts';

/**
 * The source group of each piece of feedback (src/server/feedbackSources.ts): an opaque random
 * id shared by feedback that may have come from one source, so public reaction counts can
 * require several independent sources (issue 12, item 5). Feedback stored before this has no
 * way to tell, so each earlier piece counts as its own source, as it did.
 */
export const feedbackSourceGroups: Migration = {
  version: 11,
  name: 'feedback source groups',
  sql: `
    ALTER TABLE feedback ADD COLUMN source_group TEXT;
    UPDATE feedback SET source_group = 'before-' || id;
  `,
};
