import { truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { rawIndexedDbContents } from './storage-scan';
import { VaultPage } from './vault-page';
import {
  CONTENT_TYPES,
  documentXml,
  MACRO_CONTENT_TYPES,
  paragraph,
  run,
  wordFile,
} from '../fixtures/past-reports/word-file';

const PLAIN_TEXT = path.resolve('tests/fixtures/past-reports/q2-2031-en.txt');

async function openImport(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }).click();
  await page.getByRole('button', { name: 'Bring in past reports…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bring in past reports' })).toBeVisible();
}

async function choose(page: Page, files: string | string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose report files…' }).click();
  await (await chooser).setFiles(files);
}

const proposal = (page: Page, number: number) =>
  page
    .getByRole('list', { name: 'Developments found' })
    .getByRole('listitem')
    .nth(number - 1);

test('a plain-text section is reviewed and imported: matched to the case it names, links missing listed, nothing proposed twice', async ({
  page,
}) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Дело Ержана Тулегенова');
  await page.getByRole('button', { name: 'Add a target' }).click();
  await page.getByRole('group', { name: 'Target 1' }).getByRole('textbox', { name: 'Name' }).fill('Ержан Тулегенов');
  await page.getByRole('button', { name: 'Save the case' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Дело Ержана Тулегенова' })).toBeVisible();

  await openImport(page);
  const beforeReview = await rawIndexedDbContents(page);
  await choose(page, PLAIN_TEXT);
  await expect(page.getByRole('list', { name: 'Files chosen' })).toContainText('English: 7 developments.');
  await expect(page.getByRole('spinbutton', { name: 'Year of its months' })).toHaveValue('2031');
  await expect(page.getByText('7 developments to review.')).toBeVisible();
  await expect(page.getByText('2 links have no address')).toBeVisible();
  await expect(proposal(page, 1)).toContainText('Link missing (English): “retraction” has no address.');
  await expect(proposal(page, 4)).toContainText('“blogger Saule Nurgaliyeva was detained” has no address');
  // Other sections of the file are not legal developments.
  await expect(page.getByText('must not be imported')).toHaveCount(0);
  await expect(proposal(page, 1).getByRole('heading')).toHaveText('1. April 2031');
  await expect(proposal(page, 6).getByRole('heading')).toHaveText('6. June 2031');

  // The two developments about Yerzhan Tulegenov are proposed as entries of his case (his name in Cyrillic there).
  const becomes = (n: number) => proposal(page, n).getByRole('combobox', { name: 'Becomes' });
  for (const n of [2, 6])
    await expect(becomes(n).locator('option:checked')).toHaveText(
      /An entry of “Дело Ержана Тулегенова” \(matches Ержан Тулегенов\)/,
    );
  await expect(becomes(1).locator('option:checked')).toHaveText('A quick development');

  // Bulk actions: all made quick, then back as proposed.
  await page.getByRole('checkbox', { name: 'Select all' }).check();
  await page.getByRole('button', { name: 'Make quick developments' }).click();
  await expect(becomes(2).locator('option:checked')).toHaveText('A quick development');
  await page.getByRole('button', { name: 'As proposed' }).click();
  await expect(becomes(2).locator('option:checked')).toHaveText(/Дело Ержана Тулегенова/);
  // The day the text names, taken for the last one.
  await proposal(page, 7)
    .getByRole('checkbox', { name: /Date it 27 June 2031/ })
    .check();
  expect(await new AxeBuilder({ page }).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);

  // Reviewed, changed, not confirmed: nothing is stored yet.
  expect(await rawIndexedDbContents(page)).toEqual(beforeReview);
  await page.getByRole('button', { name: 'Import 7 developments' }).click();
  await expect(
    page.getByText('Imported: 5 quick developments, 2 entries of cases, 0 new cases; texts added to 0 developments.'),
  ).toBeVisible();

  // The same file again proposes nothing.
  await choose(page, PLAIN_TEXT);
  await expect(page.getByText('0 developments to review.')).toBeVisible();
  await expect(
    page.getByText('7 published paragraphs are in the vault already and are not proposed again.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import \d+ development/ })).toHaveCount(0);

  // The case's timeline and history have the two developments, dated by their month.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Cases' }).click();
  await vault.openCase('Дело Ержана Тулегенова');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await expect(timeline.getByRole('heading', { name: /^April 2031 — Summons/ })).toBeVisible();
  await expect(timeline.getByRole('heading', { name: /^June 2031 — Appeal/ })).toBeVisible();
  // Its form knows only the month, and saving keeps it so.
  await page.getByRole('button', { name: 'Edit: April 2031 Summons' }).click();
  await expect(page.getByRole('checkbox', { name: 'Only the month is known' })).toBeChecked();
  await page.getByRole('button', { name: 'Save the entry' }).click();
  await expect(timeline.getByRole('heading', { name: /^April 2031 — Summons/ })).toBeVisible();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByText('Summons in April 2031 added')).toBeVisible();

  // In the quarter's section, in the order they were published.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }).click();
  await page.getByRole('combobox', { name: 'Quarter' }).selectOption({ label: 'Q2 2031' });
  await expect(page.locator('.report-row .report-paragraph').first()).toContainText('The Dala Times editorial team');
});

test('bad files are refused with their message, and the stored vault is byte for byte what it was', async ({
  page,
}, testInfo) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title: 'Existing case' });
  const good = {
    '[Content_Types].xml': CONTENT_TYPES,
    'word/document.xml': documentXml(
      paragraph(run('2. Legal Pressure')) + paragraph(run('April')) + paragraph(run('Text.')),
    ),
  };
  const zipped = wordFile(good);
  const compound = new Uint8Array(4096);
  compound.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  [...'EncryptionInfo'].forEach((char, i) => (compound[1024 + i * 2] = char.charCodeAt(0)));
  const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
  const bad: Array<[string, Uint8Array | number, RegExp]> = [
    [
      'minutes.docx',
      wordFile({ ...good, 'word/document.xml': documentXml(paragraph(run('Minutes of the board'))) }),
      /No Legal Pressure section/,
    ],
    ['cut.docx', zipped.slice(0, zipped.length - 40), /damaged or is not a Word document/],
    ['macros.docm', wordFile({ ...good, '[Content_Types].xml': MACRO_CONTENT_TYPES }), /contains macros/],
    ['secret.docx', compound, /protected by a password/],
    ['bomb.docx', wordFile({ ...good, 'word/document.xml': bomb }), /refused as unsafe/],
    ['huge.docx', 200 * 1024 * 1024, /larger than a report can be/],
    // 40 MB of spaces as the document's text packs into about 40 KB: refused by its stated size, never unpacked.
    [
      'zip-bomb.docx',
      wordFile({ ...good, 'word/document.xml': new Uint8Array(40 * 1024 * 1024).fill(0x20) }),
      /unpacks to more than a report’s text can be/,
    ],
  ];
  await openImport(page);
  for (const [name, bytes, message] of bad) {
    const file = testInfo.outputPath(name);
    if (typeof bytes === 'number') {
      // A sparse file: 200 MB to the browser, nothing on this disk.
      await writeFile(file, '');
      await truncate(file, bytes);
    } else await writeFile(file, bytes);
    const before = await rawIndexedDbContents(page);
    await choose(page, file);
    const row = page.getByRole('list', { name: 'Files chosen' }).getByRole('listitem').filter({ hasText: name });
    await expect(row.getByRole('alert')).toHaveText(message);
    await expect(row.getByRole('alert')).toContainText('Nothing was written.');
    expect(await rawIndexedDbContents(page), name).toEqual(before);
  }
  await expect(page.getByRole('list', { name: 'Developments found' })).toHaveCount(0);
});

test('two quarters in two languages at once: each development under its own month, and the later quarter’s statistics compare with the earlier', async ({
  page,
}) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await openImport(page);
  await choose(page, [path.resolve('tests/fixtures/past-reports/q1-2031-ru.txt'), PLAIN_TEXT]);
  const files = page.getByRole('list', { name: 'Files chosen' });
  await expect(files).toContainText('Russian: 3 developments.');
  await expect(files).toContainText('English: 7 developments.');
  await expect(page.getByText('10 developments to review.')).toBeVisible();
  await expect(proposal(page, 1).getByRole('heading')).toHaveText('1. January 2031');
  await expect(proposal(page, 2)).toContainText('Ержана Тулегенова вызвали на допрос');
  await expect(proposal(page, 2).getByRole('checkbox', { name: /Date it 12 February 2031/ })).toBeVisible();
  await page.getByRole('button', { name: 'Import 10 developments' }).click();
  await expect(page.getByText('Imported: 10 quick developments, 0 entries of cases, 0 new cases')).toBeVisible();

  await page.getByRole('button', { name: 'Back to the quarter' }).click();
  await page.getByRole('combobox', { name: 'Quarter' }).selectOption({ label: 'Q2 2031' });
  await page.getByRole('checkbox', { name: 'Add a statistics table after the introduction' }).check();
  const table = page.locator('.report-table');
  await expect(table.locator('thead th').last()).toHaveText('Q1 2031');
  await expect(
    page.getByText(
      'Compared with the previous quarter (Q1 2031): developments 7 (then 3); new cases 7 (then 3); ongoing 0 (then 0).',
    ),
  ).toBeVisible();
  // The quarter before has none before it: no comparison there.
  await page.getByRole('combobox', { name: 'Quarter' }).selectOption({ label: 'Q1 2031' });
  await page.getByRole('checkbox', { name: 'Add a statistics table after the introduction' }).check();
  await expect(page.getByText(/Compared with the previous quarter/)).toHaveCount(0);
});
