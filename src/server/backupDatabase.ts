import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import { resolveDataDir } from './dataDir.ts';
import { BUSY_TIMEOUT_MS, DATABASE_FILE } from './sqliteStore.ts';

/** A backup that could not be made, worded for the person running it. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupReport {
  file: string;
  bytes: number;
  responses: number;
  schemaVersion: number;
}

// Every page in one step: one read transaction gives one consistent snapshot. With smaller
// steps, each write the server commits meanwhile restarts the copy, which under steady
// submissions might never finish. (node:sqlite takes only positive rates, so no -1.)
const ALL_PAGES = 2 ** 31 - 1;

/**
 * Copies the live database in `DATA_DIR` to `target` with SQLite's online backup, while the
 * server keeps taking submissions (WAL: the copy's read transaction does not block writers).
 * The copy holds every transaction committed before it started, is checked with
 * `PRAGMA integrity_check`, and is a single self-contained file (rollback journal, not WAL)
 * readable only by its owner, since it holds people's answers. It is written beside `target`
 * under a temporary name and moved into place only when complete, so a failed backup never
 * leaves a half-written file, nor replaces an older backup, under the name asked for.
 */
export async function backupDatabase(
  target: string,
  { force = false, env = process.env, cwd = process.cwd() } = {},
): Promise<BackupReport> {
  const file = path.resolve(cwd, target);
  if (!force && existsSync(file)) {
    throw new BackupError(
      `${file} already exists. Choose a new name, or add --force to replace it.`,
    );
  }
  const folder = path.dirname(file);
  if (!existsSync(folder)) throw new BackupError(`The folder ${folder} does not exist.`);

  const dataDir = resolveDataDir(env.DATA_DIR, cwd);
  const source = path.join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) {
    throw new BackupError(`There is no database at ${source}. Check DATA_DIR.`);
  }
  if (path.resolve(file) === source) {
    throw new BackupError('The backup cannot be written over the live database.');
  }

  const partial = path.join(folder, `.${path.basename(file)}.${process.pid}.partial`);
  try {
    // Made first, owner-only, so the answers are never readable by others, even mid-copy;
    // SQLite keeps a file's mode when it writes into it and gives its journal the same.
    rmSync(partial, { force: true });
    closeSync(openSync(partial, 'wx', 0o600));
    const live = new DatabaseSync(source, { timeout: BUSY_TIMEOUT_MS });
    try {
      await backup(live, partial, { rate: ALL_PAGES });
    } finally {
      live.close();
    }
    const report = checkCopy(partial);
    syncFile(partial);
    if (force) renameSync(partial, file);
    else {
      // link() fails if a file appeared under that name meanwhile: never overwrite silently.
      linkSync(partial, file);
      rmSync(partial);
    }
    syncFile(folder);
    return { file, bytes: statSync(file).size, ...report };
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new BackupError(
        `${file} already exists. Choose a new name, or add --force to replace it.`,
      );
    }
    throw new BackupError(`The backup failed: ${error instanceof Error ? error.message : error}`);
  }
}

/** Checks the copy and makes it one file; throws BackupError if it is not sound. */
function checkCopy(copy: string): Omit<BackupReport, 'file' | 'bytes'> {
  const db = new DatabaseSync(copy);
  try {
    const { integrity_check: integrity } = db.prepare('PRAGMA integrity_check').get() as {
      integrity_check: string;
    };
    if (integrity !== 'ok')
      throw new BackupError(`The copy failed its integrity check: ${integrity}`);
    db.exec('PRAGMA journal_mode = DELETE');
    const { responses } = db.prepare('SELECT COUNT(*) AS responses FROM responses').get() as {
      responses: number;
    };
    const { version } = db
      .prepare('SELECT MAX(version) AS version FROM schema_migrations')
      .get() as {
      version: number;
    };
    return { responses: Number(responses), schemaVersion: Number(version) };
  } finally {
    db.close();
  }
}

function syncFile(name: string) {
  const fd = openSync(name, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
