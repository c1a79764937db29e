import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { findCanaries } from '../fixtures/vault';
import { expect, test } from './fixtures';
import { canariesInProfile, chunkCount, rawIndexedDbContents } from './storage-scan';
import { dropFile } from './drop-file';
import { VaultPage } from './vault-page';
import { ATTACHMENT_CHUNK_SIZE } from '../../renderer/src/db/vault-repository';

const MiB = 1024 * 1024;

/** Opens a new case's Documents tab. */
async function caseWithDocuments(page: Page, title: string): Promise<VaultPage> {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title });
  await vault.openCase(title);
  await page.getByRole('tab', { name: 'Documents' }).click();
  return vault;
}

test('a 20 MB PDF dropped on the case is encrypted, previewed from memory, and a flipped byte is refused by name', async ({
  page,
  pageErrors,
}) => {
  test.setTimeout(120_000);
  await caseWithDocuments(page, 'Дело с документами');
  await dropFile(page, { name: 'Решение суда.pdf', type: 'application/pdf', size: 20 * MiB, kind: 'pdf' });
  await expect(page.getByText('“Решение суда.pdf” was added.')).toBeVisible({ timeout: 60_000 });
  const row = page.getByRole('row', { name: /Решение суда\.pdf/ });
  await expect(row).toContainText('PDF document');
  await expect(row).toContainText('20 MB');
  // The fingerprint shown is the file's SHA-256 as sha256sum would print it (computed here in one
  // piece by the browser; the app hashes a file this large piece by piece in its worker).
  const expected = await page.evaluate(async () => {
    const bytes = await (window as unknown as { lastDropped: Blob }).lastDropped.arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  });
  // The whole SHA-256 is on screen (in groups of eight), as an examiner would compare it.
  expect((await row.locator('code.hash').innerText()).replace(/\s/g, '')).toBe(expected);

  await page.getByRole('button', { name: 'Preview “Решение суда.pdf”' }).click();
  const canvas = page.getByRole('img', { name: 'First page of “Решение суда.pdf”' });
  await expect(page.getByText('Pages: 1')).toBeVisible({ timeout: 30_000 });
  const dark = await canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 60 && (data[i + 3] ?? 0) > 200) count += 1;
    return count;
  });
  expect(dark).toBeGreaterThan(1000); // the black rectangle drawn on page 1
  await page.getByRole('button', { name: 'Close the preview' }).click();

  // A second, small file that must keep opening after the PDF is damaged.
  await dropFile(page, { name: 'note.txt', type: 'text/plain', size: 0, kind: 'text', text: 'still fine' });
  await expect(page.getByText('“note.txt” was added.')).toBeVisible();

  // Flip one byte of the PDF's second chunk, straight in IndexedDB.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('qorgau-vault');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const store = open.result.transaction('parts', 'readwrite').objectStore('parts');
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (at === null) return reject(new Error('no second chunk found'));
            const row = at.value as { index: number; ct: Uint8Array };
            if (row.index !== 1) return at.continue();
            const ct = new Uint8Array(row.ct);
            ct[10] = (ct[10] ?? 0) ^ 0xff;
            at.update({ ...row, ct }).onsuccess = () => resolve();
          };
        };
      }),
  );
  await page.getByRole('button', { name: 'Preview “Решение суда.pdf”' }).click();
  await expect(page.getByRole('alert')).toContainText('“Решение суда.pdf” cannot be shown');
  // The file is a little over 20 MiB (the PDF's own structure): as many parts as its chunks.
  await expect(page.getByRole('alert')).toContainText(
    new RegExp(
      `Part 2 of ${Math.floor((20 * MiB) / ATTACHMENT_CHUNK_SIZE) + 1} of the file “Решение суда\\.pdf” is missing, changed or damaged`,
    ),
  );
  await page.getByRole('button', { name: 'Close the preview' }).click();
  await page.getByRole('button', { name: 'Save a decrypted copy of “Решение суда.pdf”' }).click();
  await expect(page.getByRole('alert')).toContainText('“Решение суда.pdf” was not saved');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a decrypted copy of “note.txt”' }).click();
  expect(await readFile((await (await download).path()) ?? '', 'utf8')).toBe('still fine');
  expect(pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
});

test('cancelling a 200 MB import halfway leaves no chunk behind', async ({ page }) => {
  test.setTimeout(180_000);
  await caseWithDocuments(page, 'Дело с большим файлом');
  await dropFile(page, { name: 'video.bin', type: 'application/octet-stream', size: 200 * MiB, kind: 'zeros' });
  const progress = page.getByRole('progressbar', { name: 'Encrypting “video.bin”' });
  await expect(progress).toBeVisible();
  await expect
    .poll(async () => Number(await progress.getAttribute('value')), { timeout: 120_000 })
    .toBeGreaterThan(100 * MiB);
  await page.getByRole('button', { name: 'Cancel “video.bin”' }).click();
  await expect(page.getByText('Adding “video.bin” was cancelled; nothing was kept.')).toBeVisible({ timeout: 30_000 });
  expect(await chunkCount(page)).toBe(0);
  await expect(page.getByText('No documents yet.')).toBeVisible();
});

test('a file with a canary leaves no trace at rest; a hostile file name is text and saved safely', async ({
  page,
  context,
  profileDir,
}) => {
  const canary = 'ДОКУМЕНТ-КАНАРЕЙКА-Q7';
  await caseWithDocuments(page, 'Дело с канарейкой');
  const hostile = '../..\\<img src=x onerror=alert(1)>.txt';
  await dropFile(page, { name: hostile, type: 'text/plain', size: 0, kind: 'text', text: `secret ${canary} secret` });
  await expect(page.getByText(`“${hostile}” was added.`)).toBeVisible();
  await expect(page.getByRole('cell', { name: hostile, exact: true })).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `Save a decrypted copy of “${hostile}”` }).click();
  const saved = (await download).suggestedFilename();
  expect(saved).not.toMatch(/[/\\<>]/);
  expect(saved.startsWith('.')).toBe(false);
  expect(saved.endsWith('.txt')).toBe(true);

  expect(findCanaries(await rawIndexedDbContents(page), [canary])).toEqual([]);
  await context.close();
  expect(await canariesInProfile(profileDir, [canary])).toEqual([]);
});
