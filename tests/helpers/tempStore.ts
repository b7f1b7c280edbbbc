import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { Store } from '../../src/server/store.ts';

/**
 * A fresh store in its own temporary folder for each test of the calling file, closed and
 * removed afterwards. Read `dir` and `store` inside tests (they change before each one).
 */
export function useTempStore(prefix: string): { dir: string; store: Store } {
  const current = {} as { dir: string; store: Store };
  beforeEach(() => {
    current.dir = mkdtempSync(path.join(tmpdir(), prefix));
    current.store = openSqliteStore(current.dir);
  });
  afterEach(() => {
    current.store.close();
    rmSync(current.dir, { recursive: true, force: true });
  });
  return current;
}
