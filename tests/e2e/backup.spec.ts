import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { expect, launchProfile, test } from './fixtures';
import { E2E_PASSPHRASE, VaultPage } from './vault-page';

test('back up through the UI, clear the profile, restore through the UI: everything is back', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title: 'Дело до резервной копии', summary: 'Иск к «Әділет»' });
  // A vault made minutes ago is not nagged about backups: the reminder waits for a week of use.
  await expect(page.getByText(/No backup for a week or more/)).toHaveCount(0);
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csvFile = await csvDownload;
  // Nothing is saved silently: the screen names the file.
  await expect(
    page.getByRole('status').filter({ hasText: `Saved as “${csvFile.suggestedFilename()}”.` }),
  ).toBeVisible();
  const csv = await readFile((await csvFile.path()) ?? '', 'utf8');
  expect(csv.startsWith('\uFEFFTitle,Kind of proceeding,')).toBe(true);
  expect(csv).toContain('Дело до резервной копии');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByText('No backup has been made yet.')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up now…' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^qorgau-backup-\d{4}-\d{2}-\d{2}\.qorgau$/);
  await expect(page.getByText(/^Last backup: /)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Saved as “${saved.suggestedFilename()}”.` })).toBeVisible();
  const backupPath = path.join(await mkdtemp(path.join(tmpdir(), 'qorgau-backup-')), saved.suggestedFilename());
  await writeFile(backupPath, await readFile((await saved.path()) ?? ''));

  // A new, empty profile: the laptop was wiped.
  const profile = await mkdtemp(path.join(tmpdir(), 'qorgau-profile-restore-'));
  const fresh = await launchProfile(profile, baseURL);
  try {
    const restored = fresh.pages()[0] ?? (await fresh.newPage());
    await restored.goto('/');
    await expect(restored.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    const chooser = restored.waitForEvent('filechooser');
    await restored.getByRole('button', { name: 'Choose a backup file…' }).click();
    await (await chooser).setFiles(backupPath);
    await restored.getByRole('textbox', { name: 'Passphrase of the backed-up vault' }).fill('not the passphrase');
    await restored.getByRole('button', { name: 'Check the backup' }).click();
    await expect(restored.getByRole('alert').filter({ hasText: 'does not open this vault' })).toBeVisible({
      timeout: 30_000,
    });
    await restored.getByRole('textbox', { name: 'Passphrase of the backed-up vault' }).fill(E2E_PASSPHRASE);
    await restored.getByRole('button', { name: 'Check the backup' }).click();
    await expect(restored.getByText('The backup holds 1 case, 0 timeline entries and 0 documents.')).toBeVisible({
      timeout: 30_000,
    });
    await restored.getByRole('button', { name: 'Restore this backup' }).click();
    const list = restored.getByRole('list', { name: 'Case files' });
    await expect(list.getByText('Дело до резервной копии')).toBeVisible();

    // And it is a real vault on this profile: lock, unlock with the same passphrase.
    await restored.getByRole('button', { name: 'Lock now' }).click();
    await restored.getByRole('textbox', { name: 'Passphrase' }).fill(E2E_PASSPHRASE);
    await restored.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(list.getByText('Дело до резервной копии')).toBeVisible({ timeout: 30_000 });
  } finally {
    await fresh.close();
  }
});
