import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { VaultPage } from './vault-page';

async function severeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const language of ['en', 'ru', 'kk'] as const) {
  test(`axe finds no serious or critical violations on the first screen (${language})`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox').first().selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    expect(await severeViolations(page)).toEqual([]);
  });
}

test('axe finds no serious or critical violations on the vault screens', async ({ page }) => {
  const vault = new VaultPage(page);
  await vault.open();
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('weak');
  await expect(page.getByRole('meter', { name: 'Passphrase strength' })).toBeVisible();
  expect(await severeViolations(page), 'create').toEqual([]);

  await vault.create();
  expect(await severeViolations(page), 'empty cases').toEqual([]);
  await page.getByRole('button', { name: 'New case' }).click();
  expect(await severeViolations(page), 'new case form').toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  expect(await severeViolations(page), 'settings').toEqual([]);
  await vault.lock();
  expect(await severeViolations(page), 'unlock').toEqual([]);
});
