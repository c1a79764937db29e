import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The passphrase every end-to-end vault is created with. */
export const E2E_PASSPHRASE = 'lantern orbit quietly Әділет seven marble';

/** Page model of the vault screens, driven as a person would: by role and accessible name. */
export class VaultPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  /** Creates a vault and returns the recovery key shown once. */
  async create(passphrase = E2E_PASSPHRASE): Promise<string> {
    await expect(this.page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
    await this.page.getByRole('textbox', { name: 'Repeat the passphrase' }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Create the vault' }).click();
    await expect(this.page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible({ timeout: 30_000 });
    const recoveryKey = (await this.page.getByLabel('Recovery key', { exact: true }).innerText()).trim();
    await confirmRecoveryKey(this.page, recoveryKey);
    await this.page.getByRole('button', { name: 'Continue to my cases' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
    return recoveryKey;
  }

  async unlock(passphrase = E2E_PASSPHRASE): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Passphrase' }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock', exact: true }).click();
  }

  /**
   * Unlocks and goes on to the case list, as the tests that use it then work there: a vault with
   * anything due opens on Today (see TodayView), from where the sidebar leads to the cases.
   */
  async unlockAndWait(passphrase = E2E_PASSPHRASE): Promise<void> {
    await this.unlock(passphrase);
    const first = this.page.getByRole('heading', { level: 1, name: /^(Cases|Today)$/ });
    await expect(first).toBeVisible({ timeout: 30_000 });
    if ((await first.textContent()) === 'Today')
      await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Cases' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  }

  /** Creates a case through the form; ends back on the case list. */
  async addCase(input: { kind?: string; title: string; summary?: string; privilegedNotes?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'New case' }).click();
    if (input.kind)
      await this.page.getByRole('combobox', { name: 'Kind of proceeding' }).selectOption({ label: input.kind });
    await this.page.getByRole('textbox', { name: 'Title', exact: true }).fill(input.title);
    if (input.summary) await this.page.getByRole('textbox', { name: 'Public summary' }).fill(input.summary);
    if (input.privilegedNotes)
      await this.page.getByRole('textbox', { name: 'Privileged notes' }).fill(input.privilegedNotes);
    await this.page.getByRole('button', { name: 'Save the case' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: input.title })).toBeVisible();
    await this.backToList();
    await expect(this.caseList().getByText(input.title)).toBeVisible();
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('button', { name: 'All cases' }).click();
  }

  async openCase(title: string): Promise<void> {
    await this.caseList()
      .getByRole('button', { name: new RegExp(escapeRegExp(title)) })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /**
   * Every case title in the list. The list is virtualised (only rows in view exist), so this
   * scrolls it from top to bottom and collects the rows as they appear.
   */
  async allCaseTitles(): Promise<string[]> {
    return this.scanCaseList(null);
  }

  /** Opens a case wherever it is in the (virtualised) list: scrolled to, then clicked. */
  async openCaseInList(title: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search cases' }).fill('');
    if (!(await this.scanCaseList(title)).includes(title)) throw new Error(`the list has no case "${title}"`);
    await this.openCase(title);
  }

  /** Scrolls the list from the top, collecting titles; stops (scrolled there) at `stopAt`, else back at the top. */
  private scanCaseList(stopAt: string | null): Promise<string[]> {
    return this.page.evaluate(async (wanted) => {
      const scroller = document.querySelector<HTMLElement>('.case-scroller');
      if (scroller === null) return [];
      const titles = new Set<string>();
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (let top = 0; ; top += Math.max(1, scroller.clientHeight - 40)) {
        scroller.scrollTop = top;
        await frame();
        scroller.querySelectorAll('.case-title').forEach((title) => titles.add(title.textContent ?? ''));
        if (wanted !== null && titles.has(wanted)) return [...titles];
        if (top >= scroller.scrollHeight - scroller.clientHeight) break;
      }
      scroller.scrollTop = 0;
      return [...titles];
    }, stopAt);
  }

  caseList() {
    return this.page.getByRole('list', { name: 'Case files' });
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock now' }).click();
    await expect(this.page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Types back the groups of the recovery key the screen asks for (it asks for two, at random). */
export async function confirmRecoveryKey(page: Page, recoveryKey: string): Promise<void> {
  const groups = recoveryKey.split('-');
  const fields = page.getByRole('textbox', { name: /^Group \d+ of \d+$/ });
  await expect(fields).toHaveCount(2);
  for (const field of await fields.all()) {
    const name = await field.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
    const position = Number(/Group (\d+)/.exec(name)?.[1]);
    await field.fill(groups[position - 1]!.toLowerCase());
  }
}
