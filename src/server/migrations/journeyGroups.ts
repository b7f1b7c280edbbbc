import type { Migration } from '../migrations.ts';

/**
 * Journey stage groups: a researcher's decision that a stage name a participant wrote (not one
 * of the activity's suggested stages) belongs with a suggested stage or a new group, so maps can
 * be combined stage by stage. One row per activity and stage name (compared without case; names
 * are stored trimmed). Holds a participant's stage name, so a row is deleted with the last map
 * that uses the name (research/stageGroupCleanup.ts).
 */
export const journeyStageGroups: Migration = {
  version: 6,
  name: 'journey stage groups',
  sql: `
    CREATE TABLE journey_stage_groups (
      activity_slug TEXT NOT NULL,
      stage_name TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(stage_name)) BETWEEN 1 AND 80),
      group_name TEXT NOT NULL CHECK (length(trim(group_name)) BETWEEN 1 AND 80),
      PRIMARY KEY (activity_slug, stage_name)
    ) STRICT;
  `,
};
