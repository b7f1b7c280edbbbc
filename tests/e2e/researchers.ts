import { spawnSync } from 'node:child_process';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config.ts';

export const PASSWORD = 'orange kettle on the moon';
let n = 0;

/** A new account (made with the CLI against the test server's database), signed in on `page`. */
export async function signInAsNewResearcher(
  page: Page,
  name: string,
  role: 'admin' | 'researcher' = 'researcher',
): Promise<string> {
  const email = `${name}-${process.pid}-${Date.now()}-${n++}@example.org`;
  const result = spawnSync(
    process.execPath,
    ['scripts/researcher.ts', 'add', email, '--role', role],
    { input: `${PASSWORD}\n`, env: { ...process.env, DATA_DIR: E2E_DATA_DIR }, encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
  await page.goto('/research/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/research\/$/);
  return email;
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
const sessions = new Map<string, { email: string; storageState: StorageState; since: number }>();
/** Well inside the workspace's 30-minute idle time-out (src/server/auth/sessions.ts). */
const REUSE_FOR_MS = 10 * 60_000;

/**
 * A page signed in to one account of `role` that this test worker made and signed in once
 * (the CLI and the sign-in form each hash the password, seconds on a busy machine). Only for
 * tests that read the workspace: one that signs out or changes its account signs in its own
 * with signInAsNewResearcher. Close the page's context at the end.
 */
export async function pageSignedInAs(
  browser: Browser,
  role: 'admin' | 'researcher',
): Promise<{ page: Page; email: string }> {
  let session = sessions.get(role);
  if (!session || Date.now() - session.since > REUSE_FOR_MS) {
    const context = await browser.newContext();
    const email = await signInAsNewResearcher(await context.newPage(), `shared-${role}`, role);
    session = { email, storageState: await context.storageState(), since: Date.now() };
    sessions.set(role, session);
    await context.close();
  }
  const context = await browser.newContext({ storageState: session.storageState });
  return { page: await context.newPage(), email: session.email };
}

/**
 * An account on a spec's own server (tests/e2e/ownServer.ts), made with the CLI on its database
 * (SQLite's WAL lets both use it) before the spec's tests; returns how to sign in with it.
 */
export function researcherOnOwnServer(dataDir: string, name: string) {
  const email = `${name}-${process.pid}-${Date.now()}@example.org`;
  test.beforeAll(() => {
    const result = spawnSync(
      process.execPath,
      ['scripts/researcher.ts', 'add', email, '--role', 'researcher'],
      { input: `${PASSWORD}\n`, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
  });
  return async function signIn(page: Page) {
    await page.goto('/research/login');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/research\/$/);
  };
}
