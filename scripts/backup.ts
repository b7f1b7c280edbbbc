/**
 * A consistent copy of the database, safe to take while the server runs:
 *
 *   npm run backup -- <file> [--force]
 *
 * Uses DATA_DIR like the server. Refuses to replace an existing file unless --force is given.
 * Exit codes: 0 copied, 1 the backup failed (the message says why), 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { BackupError, backupDatabase } from '../src/server/backupDatabase.ts';

const USAGE = 'Usage: npm run backup -- <file> [--force]';

function usage(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const [target, ...extra] = parsed.positionals;
if (!target) usage('Give the file to write the backup to.');
if (extra.length > 0) usage(`Give one file, not ${parsed.positionals.length}.`);

try {
  const report = await backupDatabase(target, { force: parsed.values.force });
  const size = (report.bytes / 1024 / 1024).toFixed(1);
  console.log(
    `Backed up ${report.responses} responses (schema version ${report.schemaVersion}, ${size} MB) to ${report.file}`,
  );
} catch (error) {
  // Only our own messages: a stack trace tells the person running this nothing useful.
  console.error(
    error instanceof BackupError
      ? error.message
      : `The backup failed: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}
