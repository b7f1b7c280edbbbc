/**
 * Makes the database refuse writes for real, at the operating-system level, under a running
 * server, and undoes it. Changing permissions is not enough: the server already holds the files
 * open for writing, and the test may run as root, whom permissions do not stop anyway.
 *
 * 1. `chattr +i` (immutable: even root cannot write) on the database and its write-ahead log.
 *    Needs CAP_LINUX_IMMUTABLE (root on a bare machine; not in a default Docker container) and
 *    a file system that checks the flag on files already open (ext4, xfs and btrfs do; tmpfs
 *    does not), so it is first tried on a probe file in the same folder. Never the `-shm` file:
 *    SQLite maps it into memory, and an immutable mapped file kills the server with SIGBUS.
 * 2. Otherwise, `prlimit --fsize=0` on the server process: the kernel refuses every write to a
 *    regular file (EFBIG; Node ignores the SIGXFSZ that comes with it). Works for any user on
 *    any Linux file system, since a process may lower and raise its own soft limit.
 * SQLite reports both as SQLITE_IOERR, which the server must turn into 503.
 * FAULTS_UNWRITABLE=prlimit skips the first, to try the second where both work.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../../src/server/sqliteStore.ts';

export interface Fault {
  mechanism: string;
  restore: () => void;
}

const run = (command: string, args: string[]) =>
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** True when an immutable flag here stops writes through a file descriptor opened before it. */
function immutableStopsOpenFiles(dataDir: string): boolean {
  const probe = path.join(dataDir, '.immutable-probe');
  const fd = openSync(probe, 'w');
  try {
    run('chattr', ['+i', probe]);
  } catch {
    closeSync(fd);
    rmSync(probe, { force: true });
    return false;
  }
  try {
    writeSync(fd, 'x');
    return false;
  } catch {
    return true;
  } finally {
    closeSync(fd);
    run('chattr', ['-i', probe]);
    rmSync(probe);
  }
}

export function makeUnwritable(dataDir: string, serverPid: number): Fault {
  const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((name) => path.join(dataDir, name));
  if (process.env.FAULTS_UNWRITABLE !== 'prlimit' && immutableStopsOpenFiles(dataDir)) {
    run('chattr', ['+i', ...files]);
    return {
      mechanism: 'chattr +i on the database and its WAL',
      restore: () => run('chattr', ['-i', ...files]),
    };
  }
  const pid = String(serverPid);
  let soft: string;
  try {
    soft = execFileSync('prlimit', ['--pid', pid, '--fsize', '--raw', '--noheadings', '-o', 'SOFT'])
      .toString()
      .trim();
    run('prlimit', ['--pid', pid, '--fsize=0:']);
  } catch (error) {
    throw new Error(
      'Cannot make the database unwritable here: chattr +i does not stop writes (needs ' +
        'CAP_LINUX_IMMUTABLE on ext4/xfs/btrfs) and prlimit (util-linux) failed: ' +
        String((error as { stderr?: unknown }).stderr ?? error),
      { cause: error },
    );
  }
  return {
    mechanism: 'prlimit --fsize=0 on the server process',
    restore: () => run('prlimit', ['--pid', pid, `--fsize=${soft}:`]),
  };
}
