import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

test('the first screen shows the app, its version and an empty case list, with no console errors', async ({
  page,
  pageErrors,
}) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Qorgau');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();
  await expect(page.getByText(`Version ${version} · Web edition`)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  expect(pageErrors).toEqual([]);
});

test('the language switcher changes every string and the document language, and is remembered', async ({
  page,
  pageErrors,
}) => {
  await page.goto('/');
  const language = page.getByRole('combobox', { name: 'Language' });
  await language.selectOption('ru');
  await expect(page.getByRole('heading', { level: 1, name: 'Дела' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

  await page.getByRole('combobox', { name: 'Язык' }).selectOption('kk');
  await expect(page.getByRole('heading', { level: 1, name: 'Істер' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Істер' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Тіл' })).toHaveValue('kk');
  expect(pageErrors).toEqual([]);
});

test('the app works with the keyboard alone: the skip link moves focus to the content', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
