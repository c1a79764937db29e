import { defineConfig } from '@playwright/test';

/** The web edition is served on its own port for the tests, so a running `npm run web` is untouched. */
export const E2E_PORT = Number(process.env.QORGAU_E2E_PORT ?? 4790);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '.reports/e2e.json' }]],
  use: { baseURL: `http://127.0.0.1:${E2E_PORT}` },
  webServer: {
    command: 'node dist/web/serve.mjs',
    env: { PORT: String(E2E_PORT) },
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
