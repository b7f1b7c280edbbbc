/**
 * A server of a spec's own, on its own DATA_DIR and port, for specs whose checks the shared test
 * server would disturb (counts read before and after, a rate limit used up). With their own
 * server they need no other spec to finish first, so a failure elsewhere never skips them.
 */
import { test } from '@playwright/test';
import {
  faultPort,
  killLeftoverServers,
  newDataDir,
  startServer,
  type RunningServer,
} from '../faults/server.ts';

/** Call at the top of a spec file; `offset` picks the port (see faultPort; 10–19 are for this). */
export function useOwnServer(offset: number) {
  const port = faultPort(offset);
  const dataDir = newDataDir();
  let server: RunningServer | undefined;
  test.use({ baseURL: `http://127.0.0.1:${port}` });
  test.beforeAll(async () => {
    server = await startServer(dataDir, port);
  });
  test.afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    killLeftoverServers();
  });
  return { port, dataDir };
}
