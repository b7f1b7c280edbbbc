import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A problem with the data folder, worded for the person starting the server. */
export class DataDirError extends Error {
  override name = 'DataDirError';
}

export const DEFAULT_DATA_DIR = './data';

/** The folder DATA_DIR names (./data when unset), as an absolute path; nothing is checked. */
export function resolveDataDir(configured: string | undefined, cwd = process.cwd()): string {
  return path.resolve(cwd, configured?.trim() || DEFAULT_DATA_DIR);
}

/**
 * Resolves and checks the folder that holds the database.
 *
 * The default folder is created on first start. A folder chosen with DATA_DIR must already
 * exist: an operator who points at a mounted volume that is not mounted should see an error,
 * not have data written to the wrong disk.
 */
export function prepareDataDir(configured: string | undefined, cwd = process.cwd()): string {
  const dir = resolveDataDir(configured, cwd);
  const explicit = Boolean(configured?.trim());

  let stats;
  try {
    stats = statSync(dir);
  } catch (error) {
    if (code(error) !== 'ENOENT' || explicit) {
      throw new DataDirError(
        `The data folder ${dir} ${code(error) === 'ENOENT' ? 'does not exist' : `cannot be read (${code(error)})`}. ` +
          (explicit
            ? 'Create it, or unset DATA_DIR to use ./data.'
            : 'Check the path and its permissions.'),
      );
    }
    try {
      mkdirSync(dir, { recursive: true });
    } catch (mkdirError) {
      throw new DataDirError(`The data folder ${dir} could not be created (${code(mkdirError)}).`);
    }
    stats = statSync(dir);
  }
  if (!stats.isDirectory()) {
    throw new DataDirError(
      `The data folder ${dir} is a file, not a folder. Set DATA_DIR to a folder.`,
    );
  }
  assertWritable(dir);
  return dir;
}

// access() says yes to root for any folder, and read-only mounts only fail on write, so the
// honest test is to write and remove a small file.
function assertWritable(dir: string) {
  const probe = path.join(dir, `.write-check-${process.pid}`);
  try {
    accessSync(dir, constants.W_OK);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new DataDirError(
      `The data folder ${dir} is not writable (${code(error)}). The server needs to write its database there.`,
    );
  }
}

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
