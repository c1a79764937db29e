import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download } from '@playwright/test';
import { expect, launchProfile, test } from './fixtures';
import { E2E_PASSPHRASE, VaultPage } from './vault-page';

async function keep(download: Download): Promise<string> {
  const target = path.join(await mkdtemp(path.join(tmpdir(), 'qorgau-e2e-file-')), download.suggestedFilename());
  await copyFile((await download.path()) ?? '', target);
  return target;
}

test('hand a case to a colleague as a package with a one-time code, then merge a backup into their vault', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const lawyer = new VaultPage(page);
  await lawyer.open();
  await lawyer.create();
  await lawyer.addCase({
    title: 'Дело для коллеги',
    summary: 'Иск к «Әділет»',
    privilegedNotes: 'PRIVILEGED-STAYS-HOME источник',
  });
  await lawyer.openCase('Дело для коллеги');
  const packageDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hand over as a package…' }).click();
  const choice = page.getByRole('dialog', { name: 'Hand over this case' });
  await expect(choice.getByRole('checkbox', { name: 'Include the privileged notes' })).not.toBeChecked();
  await choice.getByRole('button', { name: 'Make the package' }).click();
  const packageFile = await keep(await packageDownload);
  expect(path.basename(packageFile)).toMatch(/^qorgau-case-\d{4}-\d{2}-\d{2}\.qorgau-case$/);
  const codeDialog = page.getByRole('alertdialog', { name: 'One-time code for the package' });
  await expect(codeDialog).toBeVisible({ timeout: 30_000 });
  const code = (await codeDialog.locator('code').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await codeDialog.getByRole('button', { name: 'I have passed on the code' }).click();
  await expect(codeDialog).toBeHidden();
  await lawyer.backToList();
  await lawyer.addCase({ title: 'Второе дело' });
  await page.getByRole('button', { name: 'Settings' }).click();
  const backupDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up now…' }).click();
  const backupFile = await keep(await backupDownload);

  // The colleague's own vault, on another profile, with its own passphrase and case.
  const colleagueContext = await launchProfile(
    await mkdtemp(path.join(tmpdir(), 'qorgau-profile-colleague-')),
    baseURL,
  );
  try {
    const other = colleagueContext.pages()[0] ?? (await colleagueContext.newPage());
    const colleague = new VaultPage(other);
    await colleague.open();
    await colleague.create('colleague passphrase Қарлығаш 77');
    await colleague.addCase({ title: 'Своё дело' });

    await other.getByRole('button', { name: 'Import a case package…' }).click();
    const chooser = other.waitForEvent('filechooser');
    await other.getByRole('button', { name: 'Choose a case package…' }).click();
    await (await chooser).setFiles(packageFile);
    const codeField = other.getByRole('textbox', { name: 'One-time code' });
    await codeField.fill('AAAA-AAAA-AAAA-AAAA');
    await other.getByRole('button', { name: 'Check the package' }).click();
    await expect(
      other.getByRole('alert').filter({ hasText: 'That one-time code does not open this package' }),
    ).toBeVisible({
      timeout: 30_000,
    });
    await codeField.fill(code.toLowerCase());
    await other.getByRole('button', { name: 'Check the package' }).click();
    await expect(other.getByText('Cases: 1 new, 0 updated, 0 already up to date.')).toBeVisible({ timeout: 30_000 });
    await expect(other.getByText('Дело для коллеги — new')).toBeVisible();
    await other.getByRole('button', { name: 'Import the case' }).click();
    await expect(other.getByText('The case package was imported.')).toBeVisible();
    await expect(colleague.caseList().getByText('Дело для коллеги')).toBeVisible();
    await expect(colleague.caseList().getByText('Своё дело')).toBeVisible();
    // The privileged notes stayed on the lawyer's laptop.
    await colleague.openCase('Дело для коллеги');
    await expect(other.getByText('Иск к «Әділет»')).toBeVisible();
    await expect(other.getByText(/PRIVILEGED-STAYS-HOME/)).toHaveCount(0);
    await colleague.backToList();

    // Merging the lawyer's backup: the shared case is already up to date, the other one is new.
    await other.getByRole('button', { name: 'Settings' }).click();
    const backupChooser = other.waitForEvent('filechooser');
    await other.getByRole('button', { name: 'Choose a backup to merge…' }).click();
    await (await backupChooser).setFiles(backupFile);
    await other.getByRole('textbox', { name: 'Passphrase of the backed-up vault' }).fill(E2E_PASSPHRASE);
    await other.getByRole('button', { name: 'Check the backup' }).click();
    // A backup is the whole vault, notes and all: the shared case gains the notes the package left out.
    await expect(other.getByText('Cases: 1 new, 1 updated, 0 already up to date.')).toBeVisible({ timeout: 30_000 });
    await other.getByRole('button', { name: 'Merge into this vault' }).click();
    await expect(other.getByText('The backup was merged into this vault.')).toBeVisible();
    await other.getByRole('button', { name: 'Cases' }).click();
    expect((await colleague.allCaseTitles()).sort()).toEqual(['Второе дело', 'Дело для коллеги', 'Своё дело']);

    // It is all in the colleague's vault, under the colleague's passphrase.
    await colleague.lock();
    await colleague.unlockAndWait('colleague passphrase Қарлығаш 77');
    expect((await colleague.allCaseTitles()).sort()).toEqual(['Второе дело', 'Дело для коллеги', 'Своё дело']);
  } finally {
    await colleagueContext.close();
  }
});
