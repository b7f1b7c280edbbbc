import { prepareDataDir } from './dataDir.ts';
import { openSqliteStore } from './sqliteStore.ts';

export interface Health {
  database: 'ok';
  schemaVersion: number;
}

/**
 * Everything the routes may ask of storage. Routes import `getStore()` and never SQL, so a
 * PostgreSQL store can be added later by implementing this interface.
 */
export interface Store {
  health(): Health;
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
