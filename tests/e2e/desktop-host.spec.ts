import { expect, test } from './fixtures';
import { E2E_PASSPHRASE, VaultPage } from './vault-page';

/**
 * The desktop host of the renderer, exercised in Chromium with a stand-in for the preload's
 * `window.api` (Electron itself cannot run here): the same renderer code path as the desktop
 * app, down to the IPC result envelopes.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
    const remembered = new Map<string, Uint8Array>();
    Object.defineProperty(window, 'api', {
      value: Object.freeze({
        app: { info: () => ok({ name: 'Qorgau', version: '9.9.9-test', platform: 'linux', packaged: false }) },
        files: { saveAs: () => ok({ status: 'cancelled' }) },
        shell: { openExternal: () => ok({ opened: true }) },
        notify: {
          show: (title: string, body: string) => {
            const shown = ((window as unknown as { __notified?: string[] }).__notified ??= []);
            shown.push(`${title} | ${body}`);
            return ok({ shown: true });
          },
        },
        keystore: {
          status: (vaultId: string | null) =>
            ok({ available: true, remembered: vaultId !== null && remembered.has(vaultId) }),
          remember: (vaultId: string, rootKey: Uint8Array) => {
            remembered.set(vaultId, new Uint8Array(rootKey));
            return ok({ remembered: true });
          },
          recall: (vaultId: string) => ok({ rootKey: remembered.get(vaultId) ?? null }),
          forget: (vaultId: string) => ok({ forgotten: remembered.delete(vaultId) }),
        },
      }),
    });
  });
});

test('the desktop edition offers "remember on this device", off by default, and unlocks with it', async ({ page }) => {
  const vault = new VaultPage(page);
  await vault.open();
  await expect(page.getByText('Version 9.9.9-test · Desktop edition')).toBeVisible();
  await vault.create();
  await vault.addCase({ title: 'Дело на ноутбуке' });
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Remember on this device' })).toBeVisible();
  await expect(page.getByText('Off. Enter your passphrase to turn it on.')).toBeVisible();
  await expect(page.getByText('It does not protect against anyone who can sign in')).toBeVisible();

  const section = page.locator('.settings-group', {
    has: page.getByRole('heading', { name: 'Remember on this device' }),
  });
  await section.getByRole('textbox', { name: 'Current passphrase' }).fill(E2E_PASSPHRASE);
  await section.getByRole('button', { name: 'Remember on this device' }).click();
  await expect(page.getByText('On: this device remembers the vault key.')).toBeVisible({ timeout: 30_000 });

  await vault.lock();
  await page.getByRole('button', { name: 'Unlock with this device’s keystore' }).click();
  await expect(vault.caseList().getByText('Дело на ноутбуке')).toBeVisible();
});

test('a reminder that fell due while the app was locked is shown once, at the next unlock', async ({ page }) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title: 'Дело со сроком' });
  await vault.openCase('Дело со сроком');
  await page.getByRole('tab', { name: 'Deadlines' }).click();
  await vault.lock();
  await vault.unlockAndWait();
  await vault.openCase('Дело со сроком');
  await page.getByRole('tab', { name: 'Deadlines' }).click();
  await page.getByRole('textbox', { name: 'What is due' }).fill('Подать отзыв');
  await page.getByRole('textbox', { name: 'Due date' }).fill('2020-01-10');
  await page.getByRole('button', { name: 'Save the deadline' }).click();
  await expect(page.getByRole('list', { name: 'Deadlines' }).getByText(/Подать отзыв/)).toBeVisible();

  const notified = () => page.evaluate(() => (window as unknown as { __notified?: string[] }).__notified ?? []);
  await vault.lock();
  await vault.unlockAndWait();
  await expect.poll(notified).toEqual(['Due: Подать отзыв | 2020-01-10 · Дело со сроком']);
  await vault.lock();
  await vault.unlockAndWait();
  await page.waitForTimeout(500);
  expect(await notified()).toHaveLength(1);
});
