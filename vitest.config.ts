import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Lint-configuration tests start typed ESLint, which takes a few seconds on a cold cache.
    testTimeout: 60_000,
  },
});
