/**
 * The database stayed locked by another writer for longer than the busy timeout. Routes answer
 * 503 with Retry-After: nothing was stored, and the client may safely try again with the same
 * submission id (RELIABILITY G2).
 */
export class StoreBusyError extends Error {
  override name = 'StoreBusyError';
  constructor(options?: ErrorOptions) {
    super('The database is busy; nothing was written.', options);
  }
}

// SQLITE_BUSY (5) and SQLITE_LOCKED (6); extended codes such as SQLITE_BUSY_SNAPSHOT (517)
// carry the primary code in their low byte.
const BUSY_CODES = new Set([5, 6]);

/** Turns a lock timeout from node:sqlite into StoreBusyError; other errors pass unchanged. */
export function asStoreError(error: unknown): unknown {
  if (error instanceof StoreBusyError) return error;
  const errcode = (error as { errcode?: unknown })?.errcode;
  if (typeof errcode === 'number' && BUSY_CODES.has(errcode & 0xff)) {
    return new StoreBusyError({ cause: error });
  }
  return error;
}
