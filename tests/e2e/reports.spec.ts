import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readDocx } from '../fixtures/docx';
import { expect, test } from './fixtures';
import { VaultPage } from './vault-page';

const CANARY_PRIVILEGED = 'ПРИВИЛЕГИЯ-КАНАРЕЙКА-9';
const CANARY_UNMARKED = 'НЕ-ДЛЯ-ОТЧЕТА-Ж4';

const TABS = { English: 'English', Russian: 'Русский', Kazakh: 'Қазақша' } as const;

/** A timeline entry with its report text in one language (its tab is named in the language itself). */
async function addEntry(
  page: Page,
  date: string,
  reportText: string,
  include = true,
  language: keyof typeof TABS = 'English',
) {
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await page.getByRole('textbox', { name: 'Date' }).fill(date);
  await page.getByRole('tab', { name: new RegExp(`^${TABS[language]}`) }).click();
  await page.getByRole('textbox', { name: `Report text in ${language}` }).fill(reportText);
  // Written text turns "include" on; an entry kept out of the report is turned off by hand.
  const box = page.getByRole('checkbox', { name: 'Include in the quarterly report' });
  if (include) await box.check();
  else await box.uncheck();
  await page.getByRole('button', { name: 'Save the entry' }).click();
  await expect(page.getByRole('button', { name: 'Add an entry' })).toBeVisible();
}

/** A new vault with one case, open on its Timeline tab. */
async function newCaseTimeline(page: Page, item: { title: string; kind?: string; privilegedNotes?: string }) {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase(item);
  await vault.openCase(item.title);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  return vault;
}

/** The Reports screen, on a quarter. */
async function openQuarter(page: Page, quarter: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }).click();
  await page.getByRole('combobox', { name: 'Quarter' }).selectOption(quarter);
}

test('a quarter built through the UI exports as the Legal Pressure section, in order, with real links', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const vault = await newCaseTimeline(page, {
    title: 'Дело Гүлнар Бажкеновой',
    kind: 'Criminal case',
    privilegedNotes: CANARY_PRIVILEGED,
  });
  await addEntry(page, '2026-06-30', '[The first hearing was set](https://example.org/r/3) for **Гүлнар Бажкенова**.');
  await addEntry(
    page,
    '2026-04-01',
    '[Police questioned](https://example.org/r/1) the editor of *Ақ Жайық* as a witness.',
  );
  await addEntry(page, '2026-05-14', `Internal only: ${CANARY_UNMARKED}`, false);
  await vault.backToList();
  await vault.addCase({ title: 'Иск к «Уральской неделе»' });
  await vault.openCase('Иск к «Уральской неделе»');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await addEntry(
    page,
    '2026-05-20',
    'The court [granted the claim](https://example.org/r/2) and [ordered a retraction](https://example.org/r/2b); [a bad link](javascript:alert(1)) stays text.',
  );
  await addEntry(page, '2026-06-10', '');

  await openQuarter(page, '2026-Q2');
  await page
    .getByRole('textbox', { name: 'Introduction' })
    .fill('В течение квартала журналисты сталкивались с исками и уголовными делами.');
  await page.getByRole('textbox', { name: 'Section title' }).click();
  const preview = page.getByRole('region', { name: 'Preview of the section' });
  await expect(preview.getByText('April', { exact: true })).toBeVisible();
  await expect(preview.getByText('June', { exact: true })).toBeVisible();
  await expect(page.getByText('The link “a bad link” points to “javascript:alert(1)”')).toBeVisible();
  await expect(page.getByText(/without report text/)).toBeVisible();
  await page.getByRole('checkbox', { name: 'Add a statistics table after the introduction' }).check();
  await expect(preview.getByRole('table')).toContainText('Criminal case');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.getByRole('checkbox', { name: 'Add a statistics table after the introduction' }).uncheck();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export DOCX' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('legal-pressure-2026-Q2-en.docx');
  const docx = readDocx(new Uint8Array(await readFile((await saved.path()) ?? '')));

  expect(docx.paragraphs.map((p) => [p.style, p.text.slice(0, 30)])).toEqual([
    ['Heading1', '2. Legal Pressure (Lawsuits, P'],
    ['', 'В течение квартала журналисты '],
    ['Heading2', 'April'],
    ['', 'Police questioned the editor o'],
    ['Heading2', 'May'],
    ['', 'The court granted the claim an'],
    ['Heading2', 'June'],
    ['', 'The first hearing was set for '],
  ]);
  expect(docx.hyperlinks.map((h) => h.target)).toEqual([
    'https://example.org/r/1',
    'https://example.org/r/2',
    'https://example.org/r/2b',
    'https://example.org/r/3',
  ]);
  expect(docx.everything).not.toContain('javascript:');
  expect(docx.everything).not.toContain(CANARY_PRIVILEGED);
  expect(docx.everything).not.toContain(CANARY_UNMARKED);

  // The introduction is kept for the quarter, encrypted, across a lock.
  await vault.lock();
  await vault.unlockAndWait();
  await openQuarter(page, '2026-Q2');
  await expect(page.getByRole('textbox', { name: 'Introduction' })).toHaveValue(/^В течение квартала/);
});

test('a development moved to the top of its month with Alt+↑ is first in the DOCX, and stays first after lock and unlock', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const vault = await newCaseTimeline(page, { title: 'Дело редакции «Ақ Жайық»' });
  await addEntry(page, '2026-04-02', 'Апрель, второе: иск подан.');
  await addEntry(page, '2026-04-09', 'Апрель, девятое: заседание отложено.');
  await addEntry(page, '2026-04-28', 'Апрель, двадцать восьмое: суд удовлетворил иск.');

  await openQuarter(page, '2026-Q2');
  await page.getByRole('textbox', { name: 'Section number' }).fill('3');
  const preview = page.getByRole('region', { name: 'Preview of the section' });
  const last = preview.getByLabel('Paragraph 3 of 3 in April');
  await expect(last).toContainText('двадцать восьмое');
  await last.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByRole('status').filter({ hasText: 'Now place 1 of 3 in April.' })).toBeAttached();
  // The moved paragraph keeps the focus, so it can be moved on.
  await expect(preview.getByLabel('Paragraph 1 of 3 in April')).toBeFocused();
  await expect(preview.getByLabel('Paragraph 1 of 3 in April')).toContainText('двадцать восьмое');

  const exported = async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export DOCX' }).click();
    const docx = readDocx(new Uint8Array(await readFile((await (await download).path()) ?? '')));
    return docx.paragraphs.map((p) => p.text.slice(0, 22));
  };
  const expected = [
    '3. Legal Pressure (Law',
    'April',
    'Апрель, двадцать восьм',
    'Апрель, второе: иск по',
    'Апрель, девятое: засед',
  ];
  expect(await exported()).toEqual(expected);

  await vault.lock();
  await vault.unlockAndWait();
  await openQuarter(page, '2026-Q2');
  await expect(preview.getByLabel('Paragraph 1 of 3 in April')).toContainText('двадцать восьмое');
  expect(await exported()).toEqual(expected);
});

test('report text written puts the entry in the section; one left out is listed and its link opens it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await newCaseTimeline(page, { title: 'Иск к «Уральской неделе»' });
  // Text typed, the "include" box never touched: the entry is in the report.
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await page.getByRole('textbox', { name: 'Date' }).fill('2026-04-14');
  const include = page.getByRole('checkbox', { name: 'Include in the quarterly report' });
  await expect(include).not.toBeChecked();
  await page.getByRole('textbox', { name: 'Report text' }).fill('Суд принял иск к производству.');
  await expect(include).toBeChecked();
  await page.getByRole('button', { name: 'Save the entry' }).click();
  // The person turns it off on purpose for a second one.
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await page.getByRole('textbox', { name: 'Date' }).fill('2026-05-06');
  await page.getByRole('textbox', { name: 'Report text' }).fill('Заседание отложено.');
  await include.uncheck();
  await page.getByRole('button', { name: 'Save the entry' }).click();
  await expect(page.getByRole('button', { name: 'Add an entry' })).toBeVisible();

  await openQuarter(page, '2026-Q2');
  const coverage = page.getByRole('region', { name: 'What the quarter holds' });
  await expect(coverage).toContainText('Developments in the section: 1');
  await expect(coverage).toContainText('With report text but left out: 1');
  const preview = page.getByRole('region', { name: 'Preview of the section' });
  await expect(preview).toContainText('Суд принял иск к производству.');
  await expect(preview).not.toContainText('Заседание отложено.');

  await coverage.getByRole('button', { name: '6 May 2026 · Иск к «Уральской неделе»' }).click();
  await expect(page.getByRole('heading', { name: 'Edit the entry' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Include in the quarterly report' }).check();
  await page.getByRole('button', { name: 'Save the entry' }).click();
  await openQuarter(page, '2026-Q2');
  await expect(coverage).toContainText('Developments in the section: 2');
  await expect(coverage).not.toContainText('left out');
  await expect(preview).toContainText('Заседание отложено.');
});

test('the introduction drafted from the quarter’s figures is shown first, and used only when taken', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await newCaseTimeline(page, { title: 'Уголовное дело против блогера', kind: 'Criminal case' });
  await addEntry(page, '2026-04-03', 'Возбуждено уголовное дело.', true, 'Russian');
  await addEntry(page, '2026-05-11', 'Блогера вызвали на допрос.', true, 'Russian');

  await openQuarter(page, '2026-Q2');
  await page.getByRole('radio', { name: /^Русский/ }).click();
  const introduction = page.getByRole('textbox', { name: 'Introduction in Russian' });
  await introduction.fill('Моё вступление.');
  await page.getByRole('textbox', { name: 'Section title in Russian' }).click();
  await page.getByRole('button', { name: 'Draft the introduction from the quarter’s figures' }).click();
  const proposal = page.getByRole('region', { name: /Drafted introduction/ });
  await expect(proposal).toContainText(
    'В отчётный период в отношении журналистов и блогеров были зафиксированы уголовные дела. Всего зафиксировано событий: 2.',
  );
  // Only shown: the introduction is still the monitor's own until they take the draft.
  await expect(introduction).toHaveValue('Моё вступление.');
  await proposal.getByRole('button', { name: /Use this introduction/ }).click();
  await expect(introduction).toHaveValue(/^В отчётный период/);
  await expect(page.getByRole('region', { name: 'Preview of the section' })).toContainText(
    'Всего зафиксировано событий: 2.',
  );
});
