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
  timeout: 60_000,
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
  projects: [
    { name: 'site', testIgnore: /(research-data|limits)\.spec\.ts/ },
    // Compares counts before and after seeding answers, so it runs once nothing else is writing.
    { name: 'research-data', testMatch: /research-data\.spec\.ts/, dependencies: ['site'] },
    // Uses up this machine's feedback allowance (the rate limit), so it runs after everything.
    { name: 'limits', testMatch: /limits\.spec\.ts/, dependencies: ['research-data'] },
    // Crash, shutdown, read-only disk and backup: API only, each with its own server process
    // started from the build the webServer below makes (ports TEST_PORT+10 and up).
    { name: 'faults', testDir: 'tests/faults' },
  ],
  webServer: {
    // The same build and start script a newcomer runs with `npm start`.
    command: 'npm run build && node scripts/serve.ts',
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
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
