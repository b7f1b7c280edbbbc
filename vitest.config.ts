import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // The content build test runs `astro sync` in a copy of the project.
    testTimeout: 60_000,
  },
});
