import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { VaultPage } from './vault-page';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

test('the first screen shows the app, its version and the vault creation, with no console errors', async ({
  page,
  pageErrors,
}) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Qorgau');
  await expect(page.getByRole('heading', { level: 1, name: 'Create your vault' })).toBeVisible();
  await expect(page.getByText(`Version ${version} · Web edition`)).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('after the vault is created, the Cases view is empty and says so', async ({ page, pageErrors }) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Cases' }),
  ).toHaveAttribute('aria-current', 'page');
  expect(pageErrors).toEqual([]);
});

test('the language switcher changes every string and the document language, and is remembered', async ({
  page,
  pageErrors,
}) => {
  await page.goto('/');
  const language = page.getByRole('combobox', { name: 'Language' });
  await language.selectOption('ru');
  await expect(page.getByRole('heading', { level: 1, name: 'Создайте хранилище' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

  await page.getByRole('combobox', { name: 'Язык' }).selectOption('kk');
  await expect(page.getByRole('heading', { level: 1, name: 'Қоймаңызды жасаңыз' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Қоймаңызды жасаңыз' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Тіл' })).toHaveValue('kk');
  expect(pageErrors).toEqual([]);
});

test('the app works with the keyboard alone: create a vault and reach the content through the skip link', async ({
  page,
}) => {
  await page.goto('/');
  const passphrase = page.getByRole('textbox', { name: 'Passphrase', exact: true });
  await expect(passphrase).toBeFocused();
  await page.keyboard.type('keyboard only harbour Әділет nine lamps');
  await page.keyboard.press('Tab'); // the Show toggle
  await page.keyboard.press('Tab'); // Suggest a passphrase
  await expect(page.getByRole('button', { name: 'Suggest a passphrase' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Repeat the passphrase' })).toBeFocused();
  await page.keyboard.type('keyboard only harbour Әділет nine lamps');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible({ timeout: 30_000 });
  const groups = (await page.getByLabel('Recovery key', { exact: true }).innerText()).trim().split('-');
  const fields = page.getByRole('textbox', { name: /^Group \d+ of \d+$/ });
  const positions = await Promise.all(
    (await fields.all()).map(async (field) =>
      Number(
        /Group (\d+)/.exec(
          (await field.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '')) ?? '',
        )?.[1],
      ),
    ),
  );
  // Locking here would lose the key for good: no "Lock now", no shortcut, until it is typed back.
  await expect(page.getByRole('button', { name: 'Lock now' })).toHaveCount(0);
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue to my cases' })).toBeDisabled();
  await fields.first().focus();
  await page.keyboard.type(groups[positions[0]! - 1]!);
  await page.keyboard.press('Tab');
  await page.keyboard.type(groups[positions[1]! - 1]!);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();

  const skip = page.getByRole('link', { name: 'Skip to content' });
  for (let presses = 0; presses < 10 && !(await skip.evaluate((el) => el === document.activeElement)); presses += 1) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
