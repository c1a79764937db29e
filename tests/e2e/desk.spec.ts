import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './fixtures';
import { VaultPage } from './vault-page';

/**
 * The lawyer's daily screens (issue 20): a list that shows the work in the window it has, and
 * forms that say what is wrong where it is wrong.
 */

const TITLES = Array.from({ length: 12 }, (_, index) => `Дело №${index + 1}: иск к изданию «Орда»`);

/** Rows of the case list wholly inside the window. */
async function rowsInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const height = window.innerHeight;
    return [...document.querySelectorAll('.case-list > li')].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= height && box.height > 0;
    }).length;
  });
}

test('the case list shows at least 10 cases at 1366×768 and 6 at 1024×640 with the filters closed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  for (const title of TITLES) await vault.addCase({ title });
  await expect(page.getByRole('button', { name: 'Filters' })).toHaveAttribute('aria-expanded', 'false');
  expect(await rowsInView(page)).toBeGreaterThanOrEqual(10);
  await page.screenshot({ path: test.info().outputPath('list-1366.png') });
  await page.setViewportSize({ width: 1024, height: 640 });
  await expect.poll(() => rowsInView(page)).toBeGreaterThanOrEqual(6);
  await page.screenshot({ path: test.info().outputPath('list-1024.png') });
});

test('a refused save focuses the first field in error, says at each field what is wrong, and saves nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await page.getByRole('button', { name: 'New case' }).click();
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await title.fill('x'.repeat(501));
  await expect(page.getByText('501 of 500 characters')).toBeVisible();
  await page.getByRole('textbox', { name: 'Date of the publication' }).fill('30.02.2026');
  // Enter in a one-line field does not save a long form half done.
  await page.getByRole('textbox', { name: 'Date of the publication' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'New case' })).toBeVisible();
  // Leaving the field says at once that the day does not exist.
  await page.keyboard.press('Tab');
  await expect(page.getByText('Enter a real day of the calendar as DD/MM/YYYY.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Link to the publication' }).fill('uralskweek.kz/news/12');
  await page.getByRole('textbox', { name: 'Outcome' }).fill('ы'.repeat(5001));
  await page.getByRole('textbox', { name: 'Privileged notes' }).fill('п'.repeat(100_001));
  await page.getByRole('button', { name: 'Save the case' }).click();

  // The focus is on the first field in error, at the top of a long form.
  await expect(title).toBeFocused();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('textbox', { name: 'Link to the publication' })).toHaveValue(
    'https://uralskweek.kz/news/12',
  );
  const summary = page.getByRole('list', { name: 'Fields to correct' });
  await expect(summary.getByRole('button')).toHaveText([
    'Title',
    'Date of the publication',
    'Outcome',
    'Privileged notes',
  ]);
  await expect(page.getByText('Too long: at most 500 characters.')).toBeVisible();
  await expect(page.getByText('Too long: at most 5,000 characters.')).toBeVisible();
  await expect(page.getByText('Too long: at most 100,000 characters.')).toBeVisible();
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) =>
      ['serious', 'critical'].includes(v.impact ?? ''),
    ),
  ).toEqual([]);
  await summary.getByRole('button', { name: 'Outcome' }).click();
  await expect(page.getByRole('textbox', { name: 'Outcome' })).toBeFocused();

  // Putting a field right takes its message away at once; nothing was saved meanwhile.
  await title.fill('Иск к «Уральской неделе»');
  await expect(page.getByText('Too long: at most 500 characters.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No cases yet')).toBeVisible();
});

test('after “Add a target” the new target’s name has the focus; after saving, the case’s heading', async ({ page }) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Дело Ольги Воронко');
  await page.getByRole('button', { name: 'Add a target' }).click();
  await expect(page.getByRole('group', { name: 'Target 1' }).getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Ольга Воронко');
  await page.getByRole('button', { name: 'Save the case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Дело Ольги Воронко' })).toBeFocused();
});

test('a judge recorded on a case is on its overview and found by search in either script', async ({ page }) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Иск к «Орде»');
  await page.getByRole('button', { name: 'Add a participant' }).click();
  const judge = page.getByRole('group', { name: 'Participant 1' });
  await expect(judge.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Айгүл Серікқызы');
  await judge.getByRole('textbox', { name: 'Court, office or firm' }).fill('Медеуский районный суд');
  await judge.getByRole('textbox', { name: 'Contacts' }).fill('+7 727 000 00 00');
  await page.getByRole('button', { name: 'Save the case' }).click();
  await expect(page.getByText('Айгүл Серікқызы · Judge · Медеуский районный суд · +7 727 000 00 00')).toBeVisible();

  // A printable summary: a Word file named after the case, the judge in it.
  await page.getByRole('button', { name: 'Print a summary…' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the summary' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.docx$/);
  await expect(page.getByText(`Saved as “${file.suggestedFilename()}”.`)).toBeVisible();
  const bytes = await readFile(await file.path());
  expect(strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!)).toContain('Айгүл Серікқызы');

  await vault.backToList();
  await vault.addCase({ title: 'Другое дело' });
  await page.getByRole('searchbox', { name: 'Search cases' }).fill('Aigul Serikkyzy');
  await expect(page.getByText('1 of 2 cases')).toBeVisible();
  await expect(vault.caseList().getByText('Иск к «Орде»')).toBeVisible();
});
