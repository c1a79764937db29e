import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import base, { E2E_PORT } from '../playwright.config';

/** `npm run soak`: the crash-safety loop at length, outside `npm test`. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'crash-soak.spec.ts',
  timeout: 6 * 60 * 60_000,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${E2E_PORT}` },
  webServer:
    base.webServer && !Array.isArray(base.webServer)
      ? { ...base.webServer, cwd: fileURLToPath(new URL('..', import.meta.url)) }
      : base.webServer,
});
