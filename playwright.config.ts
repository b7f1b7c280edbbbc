import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/** Use the machine's Chromium when there is one; Playwright's own browser otherwise. */
function chromiumPath(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : undefined;
}

export const PORT = Number(process.env.TEST_PORT || 4399);
/** Where the CMS test runs Decap's local backend; baked into the test build's editor. */
export const CMS_PORT = PORT - 1;
/**
 * The test server's database folder. Made once in the main process and kept in the environment,
 * which the workers inherit, so tests can run the researcher CLI against the same database
 * (SQLite's WAL lets both processes use it).
 */
export const E2E_DATA_DIR = (process.env.SG_E2E_DATA_DIR ||= mkdtempSync(
  path.join(tmpdir(), 'sg-e2e-data-'),
));

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  // Time limits only catch a hang: a 2-core CI machine running two browsers and the server can
  // take minutes over a long walk-through. Speed is measured by `npm run bench`, not here.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath(),
      // Root on a closed network: no sandbox, and no background calls to Google's servers.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  // No project depends on another: a failure in one never hides the others' results. Specs the
  // shared server would disturb start a server of their own (tests/e2e/ownServer.ts).
  projects: [
    { name: 'site' },
    // Crash, shutdown, read-only disk and backup: API only, each with its own server process
    // started from the build the webServer below makes (ports TEST_PORT+10 and up).
    { name: 'faults', testDir: 'tests/faults' },
  ],
  webServer: {
    // The same build and start script a newcomer runs with `npm start`.
    command: 'npm run build && node scripts/serve.ts',
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    env: {
      HOST: '127.0.0.1',
      PORT: String(PORT),
      DATA_DIR: E2E_DATA_DIR,
      // Every test sends from 127.0.0.1: the per-address submission limit has its own server
      // in tests/faults/hostile.spec.ts.
      SUBMISSION_LIMIT_PER_HOUR: '1000000',
      PUBLIC_DECAP_LOCAL_URL: `http://127.0.0.1:${CMS_PORT}/api/v1`,
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
