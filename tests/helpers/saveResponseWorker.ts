/**
 * A second (third, …) connection for the concurrency tests: waits at a shared gate so every
 * worker starts together, then saves the same response several times and reports the results.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteStore } from '../../src/server/sqliteStore.ts';
import type { NewResponse, SaveResult } from '../../src/server/store.ts';

const { dir, response, times, gate } = workerData as {
  dir: string;
  response: NewResponse;
  times: number;
  gate: SharedArrayBuffer;
};

const store = openSqliteStore(dir);
parentPort!.postMessage('ready');
Atomics.wait(new Int32Array(gate), 0, 0);
const results: SaveResult[] = [];
for (let i = 0; i < times; i++) results.push(store.saveResponse(response));
store.close();
parentPort!.postMessage(results);
