import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { expect, test } from './fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));
const binary = findElectronBinary();
const skipReason = 'missing' in binary ? `Electron launch spec skipped: ${binary.missing}.` : '';
if (skipReason) console.log(skipReason);

test.describe('desktop app (Electron)', () => {
  test.skip(skipReason !== '', skipReason);

  test('opens one hardened window on the app scheme with the typed API', async () => {
    const app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : '',
      args: [path.join(root, 'dist/electron/main.cjs')],
      cwd: root,
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
      expect(window.url()).toBe('qorgau://app/index.html');
      const probe = await window.evaluate(async () => {
        const api = (window as unknown as { api?: { app: { info(): Promise<unknown> } } }).api;
        return {
          hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
          hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
          info: await api?.app.info(),
          // For large imports (COLLECT_EVERY in vault-repository.ts); nothing Node-like comes with it.
          hasGc: typeof (window as unknown as { gc?: unknown }).gc === 'function',
        };
      });
      expect(probe.hasRequire).toBe(false);
      expect(probe.hasProcess).toBe(false);
      expect(probe.hasGc).toBe(true);
      expect(probe.info).toMatchObject({ ok: true, value: { name: 'Qorgau' } });
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
