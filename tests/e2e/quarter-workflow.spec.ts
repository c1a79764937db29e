import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { readDocx } from '../fixtures/docx';
import { expect, test } from './fixtures';
import { VaultPage } from './vault-page';

/**
 * The monitor's quarter, as a workflow (issue 19, item 7): sixteen developments of a quarter in
 * the shape of the report's section 2, over the tracked cases they belong to, then the section
 * exported. Every click, fill and choice made is counted; the test prints the UI actions per
 * development, so a change to the workflow shows in the number it leaves behind.
 */
type Development = { readonly case: string; readonly date: string; readonly kind: string; readonly text: string };

const CASES: ReadonlyArray<{ readonly title: string; readonly kind: string }> = [
  { title: 'Elmedia: pre-trial claim by Documentolog', kind: 'Pre-trial claim' },
  { title: 'Orda.kz: business reputation lawsuit', kind: 'Civil lawsuit' },
  { title: 'Ulys Media: developer’s lawsuit', kind: 'Civil lawsuit' },
  { title: 'Turkistan bloggers: defamation charges', kind: 'Administrative case' },
  { title: 'Arai Esenbek: extortion case', kind: 'Criminal case' },
  { title: 'Zholdas Orisbay: detention at a polling station', kind: 'Detention or arrest' },
];

const DEVELOPMENTS: readonly Development[] = [
  {
    case: CASES[0]!.title,
    date: '2026-04-03',
    kind: 'Claim received',
    text: '[The Elmedia editorial team received a pre-litigation claim](https://example.org/w/1) from Documentolog LLP.',
  },
  {
    case: CASES[1]!.title,
    date: '2026-04-08',
    kind: 'Ruling',
    text: '[The legal dispute between the company and Orda.kz has concluded](https://example.org/w/2): the appellate court upheld the ruling.',
  },
  {
    case: CASES[2]!.title,
    date: '2026-04-14',
    kind: 'Ruling',
    text: '[The court dismissed the developer’s lawsuit against Ulys Media](https://example.org/w/3).',
  },
  {
    case: CASES[3]!.title,
    date: '2026-04-17',
    kind: 'Detention',
    text: 'In the Turkestan Region, [bloggers began to face charges](https://example.org/w/4) of defamation.',
  },
  {
    case: CASES[4]!.title,
    date: '2026-04-22',
    kind: 'Ruling',
    text: 'In Shymkent, journalist Arai Esenbek [was found guilty of extortion](https://example.org/w/5).',
  },
  {
    case: CASES[5]!.title,
    date: '2026-04-29',
    kind: 'Other',
    text: '[Astana police found no violations](https://example.org/w/6) in the detention of Zholdas Orisbay.',
  },
  {
    case: CASES[0]!.title,
    date: '2026-05-05',
    kind: 'Filing',
    text: 'Elmedia [answered the claim](https://example.org/w/7), citing public procurement data.',
  },
  {
    case: CASES[1]!.title,
    date: '2026-05-12',
    kind: 'Appeal',
    text: 'Orda.kz [filed a cassation appeal](https://example.org/w/8).',
  },
  {
    case: CASES[3]!.title,
    date: '2026-05-15',
    kind: 'Hearing',
    text: 'The court [heard the case of the Turkestan bloggers](https://example.org/w/9).',
  },
  {
    case: CASES[4]!.title,
    date: '2026-05-20',
    kind: 'Appeal',
    text: 'The defence of Arai Esenbek [appealed the sentence](https://example.org/w/10).',
  },
  {
    case: CASES[5]!.title,
    date: '2026-05-27',
    kind: 'Summons',
    text: 'Zholdas Orisbay [was summoned](https://example.org/w/11) to the police as a witness.',
  },
  {
    case: CASES[2]!.title,
    date: '2026-06-02',
    kind: 'Appeal',
    text: 'The developer [appealed the ruling](https://example.org/w/12) in the Ulys Media case.',
  },
  {
    case: CASES[3]!.title,
    date: '2026-06-09',
    kind: 'Ruling',
    text: 'The Turkestan bloggers [were fined](https://example.org/w/13).',
  },
  {
    case: CASES[4]!.title,
    date: '2026-06-16',
    kind: 'Ruling',
    text: 'The appeal court [upheld the sentence](https://example.org/w/14) of Arai Esenbek.',
  },
  {
    case: CASES[0]!.title,
    date: '2026-06-23',
    kind: 'Settlement',
    text: 'Documentolog [withdrew its claim](https://example.org/w/15) against Elmedia.',
  },
  {
    case: CASES[1]!.title,
    date: '2026-06-30',
    kind: 'Ruling',
    text: 'The cassation court [returned the Orda.kz appeal](https://example.org/w/16).',
  },
];

/** Every action a person takes, counted. */
class Actions {
  count = 0;
  constructor(readonly page: Page) {}
  async click(target: Locator): Promise<void> {
    this.count += 1;
    await target.click();
  }
  async fill(target: Locator, value: string): Promise<void> {
    this.count += 1;
    await target.fill(value);
  }
  async choose(target: Locator, option: string | { label: string }): Promise<void> {
    this.count += 1;
    await target.selectOption(option);
  }
}

test('a quarter of sixteen developments over six tracked cases, recorded and exported: UI actions per development', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  const act = new Actions(page);
  for (const item of CASES) {
    await act.click(page.getByRole('button', { name: 'New case' }));
    await act.choose(page.getByRole('combobox', { name: 'Kind of proceeding' }), { label: item.kind });
    await act.fill(page.getByRole('textbox', { name: 'Title', exact: true }), item.title);
    await act.click(page.getByRole('button', { name: 'Save the case' }));
    await expect(page.getByRole('heading', { level: 1, name: item.title })).toBeVisible();
    await act.click(page.getByRole('button', { name: 'All cases' }));
  }
  for (const development of DEVELOPMENTS) {
    await act.click(vault.caseList().getByRole('button', { name: new RegExp(escape(development.case)) }));
    await act.click(page.getByRole('tab', { name: 'Timeline' }));
    await act.click(page.getByRole('button', { name: 'Add an entry' }));
    await act.fill(page.getByRole('textbox', { name: 'Date' }), development.date);
    await act.choose(page.getByRole('combobox', { name: 'What happened' }), { label: development.kind });
    // Written text puts the entry in the report: no box to tick.
    await act.fill(page.getByRole('textbox', { name: 'Report text' }), development.text);
    await act.click(page.getByRole('button', { name: 'Save the entry' }));
    await expect(page.getByRole('button', { name: 'Add an entry' })).toBeVisible();
    await act.click(page.getByRole('button', { name: 'All cases' }));
  }
  await act.click(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }));
  await act.choose(page.getByRole('combobox', { name: 'Quarter' }), '2026-Q2');
  await act.click(page.getByRole('button', { name: 'Draft the introduction from the quarter’s figures' }));
  await act.click(page.getByRole('button', { name: /Use this introduction/ }));
  const download = page.waitForEvent('download');
  await act.click(page.getByRole('button', { name: 'Export DOCX' }));
  const docx = readDocx(new Uint8Array(await readFile((await (await download).path()) ?? '')));

  const body = docx.paragraphs.filter((p) => p.style === '').map((p) => p.text);
  expect(body[0]).toMatch(/^During the reporting period, there were court lawsuits, pre-trial claims/);
  expect(body.slice(1)).toHaveLength(DEVELOPMENTS.length);
  const perDevelopment = act.count / DEVELOPMENTS.length;
  console.log(
    `quarter workflow: ${act.count} UI actions for ${DEVELOPMENTS.length} developments over ${CASES.length} tracked cases, one language: ${perDevelopment.toFixed(1)} per development`,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
