import { expect, test } from './fixtures';
import { canariesInProfile, rawIndexedDbContents } from './storage-scan';
import { findCanaries } from '../fixtures/vault';
import { VaultPage } from './vault-page';

/**
 * A form left unsaved when the vault locks (the idle timer, "Lock now") comes back after the
 * unlock, where it was, with what was typed — and while locked, nothing of it is readable on disk.
 */
const CANARY = 'UNSAVED-FORM-CANARY Нұрлан Сәрсенов';

test('an unsaved case form survives an idle lock, sealed, and comes back once after the unlock', async ({
  page,
  profileDir,
}) => {
  await page.clock.install();
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title: 'Дело о клевете' });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('spinbutton', { name: 'Lock after this many idle minutes' }).fill('2');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Cases' }).click();
  await vault.openCase('Дело о клевете');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Дело о клевете — апелляция');
  await page.getByRole('textbox', { name: 'Privileged notes' }).fill(CANARY);
  await page.clock.fastForward('02:05');
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();

  // Locked: the typed text is nowhere readable, in IndexedDB's values or any file of the profile.
  await expect.poll(async () => findCanaries(await rawIndexedDbContents(page), [CANARY])).toEqual([]);
  expect(await canariesInProfile(profileDir, [CANARY])).toEqual([]);

  await vault.unlock();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit the case' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'You had not saved these changes' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Дело о клевете — апелляция');
  await expect(page.getByRole('textbox', { name: 'Privileged notes' })).toHaveValue(CANARY);
  await page.getByRole('button', { name: 'Save the case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Дело о клевете — апелляция' })).toBeVisible();

  // Kept once: the next lock (nothing unsaved) and unlock open the list.
  await vault.lock();
  await vault.unlockAndWait();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit the case' })).toHaveCount(0);
});

test('a new timeline entry typed but not saved comes back after "Lock now", in its case', async ({ page }) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title: 'Задержание журналиста' });
  await vault.openCase('Задержание журналиста');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await page.getByRole('textbox', { name: 'Court or place' }).fill('Медеуский районный суд');
  await page.getByRole('textbox', { name: 'Report text' }).fill(`Суд арестовал журналиста. ${CANARY}`);
  await vault.lock();

  await vault.unlock();
  await expect(page.getByRole('heading', { name: 'New entry' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Задержание журналиста' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Court or place' })).toHaveValue('Медеуский районный суд');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
});

test('an unsaved quick development survives "Lock now", its text in each language', async ({ page }) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await page.getByRole('button', { name: 'Quick development' }).click();
  await page.getByRole('textbox', { name: 'People named' }).fill('Асет Матаев');
  await page.getByRole('textbox', { name: 'Report text in English' }).fill('Aset Mataev was recognised as a victim.');
  await page.getByRole('tab', { name: /^Русский/ }).click();
  await page
    .getByRole('textbox', { name: 'Report text in Russian' })
    .fill(`Асета Матаева признали потерпевшим. ${CANARY}`);
  await vault.lock();

  await vault.unlock();
  await expect(page.getByRole('heading', { name: 'A quick development' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'You had not saved these changes' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'People named' })).toHaveValue('Асет Матаев');
  await expect(page.getByRole('textbox', { name: 'Report text in English' })).toHaveValue(
    'Aset Mataev was recognised as a victim.',
  );
  await page.getByRole('tab', { name: /^Русский/ }).click();
  await expect(page.getByRole('textbox', { name: 'Report text in Russian' })).toHaveValue(
    `Асета Матаева признали потерпевшим. ${CANARY}`,
  );
  await page.getByRole('button', { name: 'Save the development' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The quick development was recorded.' })).toBeVisible();
  await expect(vault.caseList().getByRole('button', { name: /Асет Матаев/ })).toBeVisible();
});
