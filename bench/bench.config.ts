import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

/** `npm run bench`: its own port, so a running app or test run is untouched. */
const PORT = Number(process.env.QORGAU_BENCH_PORT ?? 4793);

export default defineConfig({
  testDir: '.',
  testMatch: 'bench.spec.ts',
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    command: 'node dist/web/serve.mjs',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
