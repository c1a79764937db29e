import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { VaultPage } from './vault-page';

const CRIMINAL = 'Уголовное дело против Бажкеновой';
const CIVIL = 'Иск акимата к газете «Оңтүстік»';

async function addTarget(page: Page, index: number, name: string, outlet: string, region: string) {
  await page.getByRole('button', { name: 'Add a target' }).click();
  const target = page.getByRole('group', { name: `Target ${index + 1}` });
  await target.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await target.getByRole('textbox', { name: 'Outlet' }).fill(outlet);
  await target.getByRole('combobox', { name: 'Region' }).fill(region);
}

async function addEntry(page: Page, entry: { date: string; kind: string; place: string; reportText: string }) {
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await page.getByRole('textbox', { name: 'Date' }).fill(entry.date);
  await page.getByRole('combobox', { name: 'What happened' }).selectOption({ label: entry.kind });
  await page.getByRole('textbox', { name: 'Court or place' }).fill(entry.place);
  await page.getByRole('textbox', { name: 'Report text' }).fill(entry.reportText);
  await page.getByRole('checkbox', { name: 'Include in the quarterly report' }).check();
  await page.getByRole('button', { name: 'Save the entry' }).click();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByText(entry.place)).toBeVisible();
}

async function severe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a new user records a criminal case with two targets and three developments, finds it, filters, locks and unlocks', async ({
  page,
  pageErrors,
}) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();

  // The criminal case, with two targets.
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('combobox', { name: 'Kind of proceeding' }).selectOption({ label: 'Criminal case' });
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(CRIMINAL);
  await page
    .getByRole('combobox', { name: 'Procedural status of the person' })
    .selectOption({ label: 'Witness with the right to defence' });
  await addTarget(page, 0, 'Жанна Бажкенова', 'Әділет газеті', 'Almaty');
  await addTarget(page, 1, 'Ерлан Сыздықов', 'Orda.kz', 'Шымкент');
  await page.getByRole('combobox', { name: 'Initiator type' }).selectOption({ label: 'Prosecutor’s office' });
  await expect(page.getByRole('checkbox', { name: 'State actor' })).toBeChecked();
  await page.getByRole('button', { name: 'Add an article' }).click();
  await page.getByRole('textbox', { name: 'Article' }).fill('274');
  await page.getByRole('textbox', { name: 'Part', exact: true }).fill('2');
  await page.getByRole('textbox', { name: 'Court or authority' }).fill('Медеуский районный суд');
  await page.getByRole('textbox', { name: 'Case numbers' }).fill('7511-26-00-1/215');
  await page.getByRole('button', { name: 'Save the case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CRIMINAL })).toBeVisible();

  // Three developments with report text; then one is edited.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await addEntry(page, {
    date: '2026-04-03',
    kind: 'Interrogation',
    place: 'Департамент полиции Алматы',
    reportText: '[On 3 April](https://example.org/news/1), police questioned **Zhanna Bazhkenova** as a witness.',
  });
  await addEntry(page, {
    date: '2026-05-14',
    kind: 'Hearing',
    place: 'Медеуский районный суд',
    reportText: 'The court [adjourned](https://example.org/news/2) the hearing in the case of *Erlan Syzdykov*.',
  });
  await addEntry(page, {
    date: '2026-02-20',
    kind: 'Filing',
    place: 'Прокуратура',
    reportText: 'The prosecutor filed charges under Article 274.',
  });
  await page.getByRole('button', { name: 'Edit: 14 May 2026 Hearing' }).click();
  await page.getByRole('textbox', { name: 'Outcome' }).fill('Заседание отложено до июня');
  await page.getByRole('button', { name: 'Save the entry' }).click();
  await expect(page.getByText('Заседание отложено до июня')).toBeVisible();
  expect(await severe(page), 'timeline').toEqual([]);

  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByText('Witness with the right to defence')).toBeVisible();
  expect(await severe(page), 'case').toEqual([]);

  // A second, civil case, so that filters have something to tell apart.
  await vault.backToList();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(CIVIL);
  await page.getByRole('button', { name: 'Save the case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CIVIL })).toBeVisible();
  await vault.backToList();
  expect(await severe(page), 'list').toEqual([]);

  // Search by a transliterated name and by a Kazakh word; matches are highlighted.
  const search = page.getByRole('searchbox', { name: 'Search cases' });
  await search.fill('Bazhkenova');
  await expect(page.getByText('1 of 2 cases')).toBeVisible();
  await expect(vault.caseList().locator('mark').first()).toHaveText('Бажкенов');
  await search.fill('Әділет');
  await expect(page.getByText('1 of 2 cases')).toBeVisible();
  await expect(vault.caseList().getByText(CRIMINAL)).toBeVisible();
  await search.fill('Ontustik');
  await expect(vault.caseList().getByText(CIVIL)).toBeVisible();
  await search.fill('');

  // Filters: by kind, and by quarter of the developments. Closed, the bar takes one line; a
  // filter in use shows as a chip that removes it.
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Criminal case' });
  await expect(page.getByText('1 of 2 cases')).toBeVisible();
  await page.getByRole('button', { name: 'Filters (1)' }).click();
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove the filter Kind: Criminal case' }).click();
  await expect(page.getByText('2 cases')).toBeVisible();
  await page.getByRole('button', { name: 'Filters' }).click();
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Criminal case' });
  await expect(vault.caseList().getByText(CIVIL)).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Civil lawsuit' });
  await expect(vault.caseList().getByText(CIVIL)).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('combobox', { name: 'Year or quarter' }).selectOption({ label: 'Q2 2026' });
  await expect(page.getByText('1 of 2 cases')).toBeVisible();
  await expect(vault.caseList().getByText(CRIMINAL)).toBeVisible();
  await page.getByRole('combobox', { name: 'Year or quarter' }).selectOption({ label: 'Q1 2026' });
  await expect(vault.caseList().getByText(CRIMINAL)).toBeVisible();

  // Lock, unlock: everything is still there, and History shows the edit.
  await vault.lock();
  await vault.unlockAndWait();
  await expect(page.getByRole('searchbox', { name: 'Search cases' })).toHaveValue('');
  await vault.openCase(CRIMINAL);
  await expect(page.getByText('Жанна Бажкенова · Journalist · Әділет газеті · Almaty')).toBeVisible();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(3);
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByText(/^Hearing on \d+ \w+ 2026 edited$/)).toBeVisible();
  await expect(page.getByText('Outcome: (empty) → «Заседание отложено до июня»')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('bad input gets a message at its field and nothing is saved', async ({ page }) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('textbox', { name: 'Link to the publication' }).fill('javascript:alert(1)');
  await page.getByRole('textbox', { name: 'Amount claimed' }).fill('двадцать');
  await page.getByRole('button', { name: 'Save the case' }).click();
  await expect(page.getByText('Some fields need attention; nothing was saved.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveAccessibleDescription(
    'This is required.',
  );
  await expect(page.getByRole('textbox', { name: 'Link to the publication' })).toHaveAccessibleDescription(
    'Only http, https and mailto links are allowed.',
  );
  await expect(page.getByRole('textbox', { name: 'Amount claimed' })).toHaveAccessibleDescription(
    'Enter a whole number of tenge, or leave it empty.',
  );
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible();

  await vault.addCase({ title: 'Дело для проверки дат' });
  await vault.openCase('Дело для проверки дат');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await page.getByRole('textbox', { name: 'Date' }).fill('');
  await page.getByRole('textbox', { name: 'Sources' }).fill('file:///etc/passwd');
  await page.getByRole('button', { name: 'Save the entry' }).click();
  await expect(page.getByRole('textbox', { name: 'Date' })).toHaveAccessibleDescription(
    /Enter a real day of the calendar as DD\/MM\/YYYY\./,
  );
  await expect(page.getByRole('textbox', { name: 'Sources' })).toHaveAccessibleDescription(
    /One per line.*Only http, https and mailto links are allowed\./,
  );
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No developments recorded yet.')).toBeVisible();
});

test('a second case with a case number another case has shows a warning with a link to that case', async ({ page }) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Иск к «Уральской неделе»');
  await page.getByRole('textbox', { name: 'Case numbers' }).fill('2-1234/26');
  await page.getByRole('button', { name: 'Save the case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Иск к «Уральской неделе»' })).toBeVisible();
  await vault.backToList();

  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Апелляция «Уральской недели»');
  await page.getByRole('textbox', { name: 'Case numbers' }).fill('2 – 1234/26');
  const warning = page.getByRole('status').filter({ hasText: 'Case number 2 – 1234/26 is already in another case' });
  await expect(warning).toBeVisible();
  await warning.getByRole('button', { name: 'Иск к «Уральской неделе»' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Иск к «Уральской неделе»' })).toBeVisible();
});
