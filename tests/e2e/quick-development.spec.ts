import { readFile } from 'node:fs/promises';
import { readDocx } from '../fixtures/docx';
import { expect, test } from './fixtures';
import { VaultPage } from './vault-page';

test('a quick development is recorded in one form, found by search, exported, and attached to its case later without being duplicated', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title: 'Дело Асета Матаева', kind: 'Criminal case' });

  await page.getByRole('button', { name: 'Quick development' }).click();
  await page.getByRole('textbox', { name: 'Date' }).fill('2026-06-27');
  await page.getByRole('combobox', { name: 'Kind of proceeding' }).selectOption({ label: 'Criminal case' });
  await page.getByRole('textbox', { name: 'People named' }).fill('Асет Матаев');
  await page.getByRole('textbox', { name: 'Outlets named' }).fill('KazTAG');
  await page
    .getByRole('textbox', { name: 'Report text in English' })
    .fill('[Journalist Aset Mataev was recognised as a victim](https://example.org/quick) in an assault case.');
  await page.getByRole('button', { name: 'Save the development' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The quick development was recorded.' })).toBeVisible();

  // Search finds it by a word of its paragraph, in another script.
  await page.getByRole('searchbox', { name: 'Search cases' }).fill('assault');
  const hit = vault.caseList().getByRole('button', { name: /Асет Матаев, KazTAG/ });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('Quick');
  await page.getByRole('searchbox', { name: 'Search cases' }).fill('');

  const exportEnglish = async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }).click();
    await page.getByRole('combobox', { name: 'Quarter' }).selectOption('2026-Q2');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export DOCX in English' }).click();
    const docx = readDocx(new Uint8Array(await readFile((await (await download).path()) ?? '')));
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Cases' }).click();
    return docx.paragraphs.filter((p) => p.text.includes('Aset Mataev')).length;
  };
  expect(await exportEnglish()).toBe(1);

  // It belongs to a tracked case after all: attached, its entry moves there; the quick one is gone.
  await vault.openCase('Асет Матаев, KazTAG');
  await page.getByRole('combobox', { name: 'Attach to the case' }).selectOption({ label: 'Дело Асета Матаева' });
  await page.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Дело Асета Матаева' })).toBeVisible();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByText('recognised as a victim')).toBeVisible();
  await vault.backToList();
  await expect(vault.caseList().getByRole('button', { name: /Асет Матаев, KazTAG/ })).toHaveCount(0);
  expect(await exportEnglish()).toBe(1);

  // And after a lock, still once.
  await vault.lock();
  await vault.unlockAndWait();
  expect(await exportEnglish()).toBe(1);
});
