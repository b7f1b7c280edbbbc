/**
 * Why the store could not take a write just now. Either way nothing was stored, the client may
 * safely send the same submission again later, and routes answer 503 with Retry-After.
 * - busy: another writer kept the database locked past the busy timeout (docs/reliability.md G2).
 * - unwritable: the disk refused the write (read-only file or folder, disk full, I/O error).
 */
export type StoreUnavailableReason = 'busy' | 'unwritable';

// The start script (scripts/serve.ts) and the bundled routes each load this module, so one
// process has two copies of these classes, and the store (opened by the script) throws the
// script's copy. A plain instanceof in a route would miss it and answer 500 instead of 503, so
// instanceof checks this shared brand instead of the prototype chain.
const BRAND: unique symbol = Symbol.for('safeguarding.storeUnavailable');

function branded(value: unknown): value is StoreUnavailableError {
  return typeof value === 'object' && value !== null && BRAND in value;
}

/** The store cannot write at the moment; nothing was written. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  readonly reason: StoreUnavailableReason;
  readonly [BRAND] = true;
  constructor(reason: StoreUnavailableReason, options?: ErrorOptions) {
    super(
      reason === 'busy'
        ? 'The database is busy; nothing was written.'
        : 'The database cannot be written; nothing was written.',
      options,
    );
    this.reason = reason;
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return branded(value);
  }
}

/** The database stayed locked by another writer for longer than the busy timeout. */
export class StoreBusyError extends StoreUnavailableError {
  override name = 'StoreBusyError';
  constructor(options?: ErrorOptions) {
    super('busy', options);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value) && value.reason === 'busy';
  }
}

// SQLite primary result codes (the low byte of an extended code such as SQLITE_IOERR_WRITE,
// 778, or SQLITE_BUSY_SNAPSHOT, 517). https://sqlite.org/rescode.html
const BUSY = new Set([5, 6]); // BUSY, LOCKED
const UNWRITABLE = new Set([
  8, // READONLY: a read-only file, folder or mount
  10, // IOERR: the operating system refused a read or write
  13, // FULL: the disk is full
  14, // CANTOPEN: the journal or write-ahead log could not be opened
]);

/**
 * The one place that decides which SQLite failures mean "try again later" (503) rather than a
 * fault in our code (500): lock timeouts become StoreBusyError and refused writes a
 * StoreUnavailableError('unwritable'). Any other error passes unchanged.
 */
export function asStoreError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const errcode = (error as { errcode?: unknown })?.errcode;
  if (typeof errcode !== 'number') return error;
  if (BUSY.has(errcode & 0xff)) return new StoreBusyError({ cause: error });
  if (UNWRITABLE.has(errcode & 0xff)) {
    tellOperator(error as { errstr?: unknown });
    return new StoreUnavailableError('unwritable', { cause: error });
  }
  return error;
}

const LOG_EVERY_MS = 60_000;
let lastLogged = -Infinity;

/**
 * Someone has to fix a disk that refuses writes, so say so in the log, at most once a minute
 * (a flood of refused submissions must not fill the disk with the same line). SQLite's errstr
 * ("disk I/O error") never holds request data.
 */
function tellOperator(error: { errstr?: unknown }) {
  const now = Date.now();
  if (now - lastLogged < LOG_EVERY_MS) return;
  lastLogged = now;
  console.error(
    `The database refused a write (${String(error.errstr ?? 'unknown error')}); ` +
      'submissions get 503 until it can write again.',
  );
}
