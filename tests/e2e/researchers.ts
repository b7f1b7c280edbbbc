import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
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
