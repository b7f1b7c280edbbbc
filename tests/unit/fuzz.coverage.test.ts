import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUZZ_ROUTES } from '../fixtures/fuzzRoutes.ts';

const PAGES = path.resolve(import.meta.dirname, '../../src/pages');

/**
 * Every route file rendered on demand (`prerender = false`): these are the ones that read a
 * request. Researcher pages are swept by folder (see fuzzRoutes.ts); sign-in is not behind a
 * session, so it needs its own entry.
 */
function onDemandRoutes(): string[] {
  return readdirSync(PAGES, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(astro|ts|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(PAGES, path.join(entry.parentPath, entry.name)))
    .filter((file) => /prerender\s*=\s*false/.test(readFileSync(path.join(PAGES, file), 'utf8')))
    .filter((file) => !file.startsWith('research/') || file === 'research/login.astro')
    .sort();
}

describe('the fuzz route table', () => {
  it('has an entry for every endpoint, so a new route cannot go unfuzzed', () => {
    const missing = onDemandRoutes().filter((file) => !(file in FUZZ_ROUTES));
    expect(
      missing,
      'Add these to FUZZ_ROUTES in tests/fixtures/fuzzRoutes.ts (see the comment there)',
    ).toEqual([]);
  });

  it('lists no route that no longer exists', () => {
    expect(Object.keys(FUZZ_ROUTES).filter((file) => !onDemandRoutes().includes(file))).toEqual([]);
  });

  it('covers every API route', () => {
    const api = onDemandRoutes().filter((file) => file.startsWith('api/'));
    expect(api.length).toBeGreaterThanOrEqual(5);
    expect(api.every((file) => file in FUZZ_ROUTES)).toBe(true);
  });
});
