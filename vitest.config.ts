import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: '.reports/unit.json' }]],
    // Lint-configuration tests start typed ESLint, which takes a few seconds on a cold cache.
    testTimeout: 60_000,
  },
});
