import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ATTACHMENT_CHUNK_SIZE } from '../../renderer/src/db/vault-repository';
import { expect, test } from './fixtures';
import { installDesktopStandIn } from './desktop-stand-in';
import { dropFile } from './drop-file';
import { chunkCount } from './storage-scan';
import { E2E_PASSPHRASE, VaultPage } from './vault-page';

/**
 * The desktop host of the renderer, exercised in Chromium with a stand-in for the preload's
 * `window.api` (Electron itself cannot run here; see desktop-stand-in.ts).
 */
const MiB = 1024 * 1024;

test.beforeEach(async ({ page }) => {
  await installDesktopStandIn(page, test.info().outputPath('desktop'));
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

test('the vault locks the moment the machine goes to sleep or its screen is locked', async ({ page }) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title: 'Дело на ноутбуке' });
  for (const reason of ['suspend', 'lock-screen']) {
    await page.evaluate(
      (r) => (window as unknown as { __qorgauPowerEvent(r: string): void }).__qorgauPowerEvent(r),
      reason,
    );
    await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
    await expect(page.getByText('Дело на ноутбуке')).toHaveCount(0);
    await vault.unlockAndWait();
  }
});

test('a reminder that fell due while the app was locked is shown once, at the next unlock, naming no case unless the user opts in', async ({
  page,
}) => {
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
  // What the app hands the OS names nothing: the OS keeps it in its history and on the lock screen.
  await expect.poll(notified).toEqual(['Qorgau | A deadline is due. Open Qorgau to see it.']);
  await vault.lock();
  await vault.unlockAndWait();
  await page.waitForTimeout(500);
  expect(await notified()).toHaveLength(1);

  // Only once the user opts in, knowing what it exposes, does a notification name the deadline.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('checkbox', { name: 'Name the deadline and its case in notifications' }).check();
  await page.getByRole('button', { name: 'Cases', exact: true }).click();
  await vault.openCase('Дело со сроком');
  await page.getByRole('tab', { name: 'Deadlines' }).click();
  await page.getByRole('textbox', { name: 'What is due' }).fill('Второй срок');
  await page.getByRole('textbox', { name: 'Due date' }).fill('2020-01-11');
  await page.getByRole('button', { name: 'Save the deadline' }).click();
  await vault.lock();
  await vault.unlockAndWait();
  await expect
    .poll(notified)
    .toEqual([
      'Qorgau | A deadline is due. Open Qorgau to see it.',
      'Due: Второй срок | Saturday, 11 January 2020 · Дело со сроком',
    ]);
});

test('a document dropped in the desktop app is sealed by main into a file of its own: it previews, a damaged part is named, and deleting it deletes the file', async ({
  page,
  pageErrors,
}) => {
  test.setTimeout(120_000);
  const stored = async () => {
    const root = path.join(test.info().outputPath('desktop'), 'documents');
    const vaults = await readdir(root).catch(() => []);
    return (
      await Promise.all(vaults.map(async (v) => (await readdir(path.join(root, v))).map((f) => path.join(root, v, f))))
    ).flat();
  };
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title: 'Дело на ноутбуке' });
  await vault.openCase('Дело на ноутбуке');
  await page.getByRole('tab', { name: 'Documents' }).click();
  await dropFile(page, { name: 'Решение суда.pdf', type: 'application/pdf', size: 3 * MiB, kind: 'pdf' });
  await expect(page.getByText('“Решение суда.pdf” was added.')).toBeVisible({ timeout: 60_000 });

  // Main's file, not IndexedDB, holds it, and nothing of the PDF is readable there.
  expect(await chunkCount(page)).toBe(0);
  const [file, ...more] = await stored();
  expect(more).toEqual([]);
  // Named by its row name alone (an HMAC under the vault's own key): no case tag, no document id.
  expect(path.basename(file!)).toMatch(/^[\w-]{22}\.qdoc$/);
  const bytes = await readFile(file!);
  expect(bytes.includes(Buffer.from('%PDF-1.4'))).toBe(false);
  expect(bytes.includes(Buffer.from('/Type /Catalog'))).toBe(false);

  await page.getByRole('button', { name: 'Preview “Решение суда.pdf”' }).click();
  await expect(page.getByText('Pages: 1')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Close the preview' }).click();

  // One flipped byte in the second part, on disk.
  bytes[12 + ATTACHMENT_CHUNK_SIZE + 16 + 100]! ^= 0xff;
  await writeFile(file!, bytes);
  await page.getByRole('button', { name: 'Preview “Решение суда.pdf”' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Part 2 of 4 of the file “Решение суда.pdf” is missing, changed or damaged',
  );
  await page.getByRole('button', { name: 'Close the preview' }).click();

  await page.getByRole('button', { name: 'Delete “Решение суда.pdf”' }).click();
  await expect(page.getByText('No documents yet.')).toBeVisible();
  await expect.poll(stored).toEqual([]);
  expect(pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});
