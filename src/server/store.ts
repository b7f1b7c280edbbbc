import type { DatabaseSync } from 'node:sqlite';
import type { RiskMatch } from './research/flags.ts';
import { prepareDataDir } from './dataDir.ts';
import { openSqliteStore } from './sqliteStore.ts';

export { StoreBusyError, StoreUnavailableError } from './storeErrors.ts';

/** Kinds of activity whose answers are stored as responses (prototype feedback has its own tables). */
export type ActivityKind = 'survey' | 'journey';

/** What a receipt code deleted: a survey's answers, a journey map, or feedback on a prototype. */
export interface Withdrawn {
  kind: ActivityKind | 'feedback';
  slug: string;
}

/** A validated submission, ready to keep. */
export interface NewResponse {
  kind: ActivityKind;
  slug: string;
  /** SHA-256 of the activity definition the person answered (see definitionHash). */
  definitionHash: string;
  consentVersion: string;
  answers: Record<string, unknown>;
  /** The consent statements agreed to, by id. */
  consent: Record<string, true>;
  /** Chosen by the client once per attempt; a retry sends the same one. */
  submissionId: string;
  /** YYYY-MM-DD: the day only, never the time (minimisation, docs/reliability.md, minimisation). */
  receivedOn: string;
  /** Risk phrases found in the answers: a safeguarding flag is raised with the response. */
  riskMatch?: RiskMatch;
}

export type SaveResult =
  | { status: 'created' | 'replayed'; receipt: string }
  /** `allow` said no to a new submission (a rate limit). Nothing was changed. */
  | { status: 'refused' }
  /** The submission id was already used for a different body. Nothing was changed. */
  | { status: 'conflict' };

export interface Health {
  database: 'ok';
  schemaVersion: number;
}

/**
 * The participant write path's storage: submissions, receipts and withdrawals. It is not yet a
 * full seam: `database()` hands the SQLite connection to the researcher modules, the sign-in
 * and the purge, which keep their own SQL, so another database needs those moved behind
 * repositories first.
 */
export interface Store {
  health(): Health;
  /**
   * Stores a response in one transaction and returns only after COMMIT, so a caller that then
   * answers 201 never acknowledges something a crash could lose. A repeat of the same
   * submission returns the same receipt and stores nothing. Throws StoreBusyError when the
   * database stays locked past the busy timeout, and StoreUnavailableError('unwritable') when
   * the disk refuses the write. `allow`, if given, is asked (inside the transaction) only before
   * storing a new submission, so a retry of one already stored is never refused.
   */
  saveResponse(response: NewResponse, allow?: () => boolean): SaveResult;
  /**
   * Deletes the response with this receipt code and flushes the write-ahead log, so the words are
   * gone from the database files, not just unlinked. Says what was deleted, so the person is
   * told; false when no response has that code (or the text is not a code at all): callers must
   * not tell those apart to the person asking.
   */
  withdrawResponse(receipt: string): Withdrawn | false;
  /** How many responses an activity has (for tests and, later, the researcher dashboard). */
  countResponses(kind: ActivityKind, slug: string): number;
  /**
   * The open, migrated connection, for the server modules that keep their own SQL (accounts and
   * sessions, research, flags, the purge). Some pages and the middleware still call it to pass it
   * on to those modules.
   */
  database(): DatabaseSync;
  close(): void;
}

// One store a process. Kept on globalThis because the server start script and the bundled
// routes are separate module graphs in the same process.
const KEY = Symbol.for('safeguarding.store');
type Holder = { [KEY]?: Store };

/** Opens the store in DATA_DIR on first use and returns the same one afterwards. */
export function getStore(env: NodeJS.ProcessEnv = process.env): Store {
  const holder = globalThis as Holder;
  holder[KEY] ??= openSqliteStore(prepareDataDir(env.DATA_DIR));
  return holder[KEY];
}

/** Closes the process's store, if open (used at shutdown and between tests). */
export function closeStore() {
  const holder = globalThis as Holder;
  holder[KEY]?.close();
  delete holder[KEY];
}
