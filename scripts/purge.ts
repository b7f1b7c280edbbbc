/**
 * Deletes the answers of every survey that closed more than its retentionMonths ago, and feedback
 * on prototype scopes sent more than its scope's retentionMonths ago
 * (docs/reliability.md G21), then flushes the write-ahead log. Run daily, e.g. from cron:
 * `npm run purge`. The server also runs it once at start and then every day.
 */
import {
  describeFeedbackPurge,
  describePurge,
  purgeExpired,
  purgeExpiredFeedback,
} from '../src/server/research/purge.ts';
import { readActivityFiles, readPrototypeFiles } from '../src/server/contentFiles.ts';
import { closeStore, getStore } from '../src/server/store.ts';

try {
  const report = purgeExpired(getStore().database(), readActivityFiles(), new Date());
  for (const { slug, deleted, keepUntil } of report) {
    console.log(`${slug}: deleted ${deleted} (answers were kept until ${keepUntil})`);
  }
  console.log(describePurge(report));
  console.log(
    describeFeedbackPurge(
      purgeExpiredFeedback(getStore().database(), readPrototypeFiles(), new Date()),
    ),
  );
} catch (error) {
  console.error(`Purge failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  closeStore();
}
