import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { VaultPage } from './vault-page';

/**
 * Payloads from the usual XSS cheat sheets. Each calls `__xss()` if it ever runs; the page-level
 * hook counts the calls, and dialogs are watched too.
 */
const CORPUS = [
  '<script>__xss()</script>',
  '<img src=x onerror=__xss()>',
  '"><svg onload=__xss()>',
  '\'><iframe srcdoc="<script>parent.__xss()</script>">',
  '<a href="javascript:__xss()">link</a>',
  '[click me](javascript:__xss())',
  '<details open ontoggle=__xss()>',
  '{{constructor.constructor("__xss()")()}}',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss()>',
  'javascript:/*--></title></style></textarea></script><svg/onload=__xss()>',
];

async function installHook(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(window, '__xssHits', { value: 0, writable: true });
    Object.defineProperty(window, '__xss', {
      value: () => {
        (window as unknown as { __xssHits: number }).__xssHits += 1;
      },
    });
  });
}

async function hits(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __xssHits: number }).__xssHits);
}

test('XSS strings in every text field render as text and never run', async ({ page }) => {
  test.setTimeout(120_000);
  await installHook(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();

  const title = CORPUS[0]!;
  await page.getByRole('button', { name: 'New case' }).click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await page.getByRole('button', { name: 'Add a target' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(CORPUS[1]!);
  await page.getByRole('textbox', { name: 'Outlet' }).fill(CORPUS[2]!);
  await page.getByRole('combobox', { name: 'Region' }).fill(CORPUS[3]!);
  await page.getByRole('textbox', { name: 'Initiator', exact: true }).fill(CORPUS[4]!);
  await page.getByRole('textbox', { name: 'Title of the publication' }).fill(CORPUS[5]!);
  await page.getByRole('button', { name: 'Add an article' }).click();
  await page.getByRole('textbox', { name: 'Article' }).fill(CORPUS[6]!.slice(0, 40));
  await page.getByRole('textbox', { name: 'Court or authority' }).fill(CORPUS[7]!);
  await page.getByRole('textbox', { name: 'Case numbers' }).fill(CORPUS[8]!);
  await page.getByRole('textbox', { name: 'Outcome' }).fill(CORPUS[9]!);
  await page.getByRole('textbox', { name: 'Sources' }).fill('Описание источника <img src=x onerror=__xss()>');
  await page.getByRole('textbox', { name: 'Public summary' }).fill(CORPUS.join('\n'));
  await page.getByRole('textbox', { name: 'Privileged notes' }).fill(CORPUS.join('\n'));
  await page.getByRole('textbox', { name: 'Tags' }).fill(CORPUS.slice(0, 3).join(', '));
  await page.getByRole('button', { name: 'Save the case' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText(CORPUS[1]!, { exact: false }).first()).toBeVisible();

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Add an entry' }).click();
  await page.getByRole('textbox', { name: 'Court or place' }).fill(CORPUS[2]!);
  await page.getByRole('textbox', { name: 'Outcome' }).fill(CORPUS[3]!);
  await page.getByRole('textbox', { name: 'Notes' }).fill(CORPUS.join('\n'));
  await page.getByRole('textbox', { name: 'Report text' }).fill(CORPUS.join(' '));
  await expect(page.getByText('The link “click me” points to “javascript:__xss()”')).toBeVisible();
  await page.getByRole('button', { name: 'Save the entry' }).click();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByText(CORPUS[2]!).first()).toBeVisible();

  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await vault.backToList();
  await page.getByRole('searchbox', { name: 'Search cases' }).fill('script');
  await expect(vault.caseList().getByRole('button')).toHaveCount(1);

  // Nothing ran, no dialog opened, and no element came out of the payloads.
  expect(await hits(page)).toBe(0);
  expect(dialogs).toEqual([]);
  const injected = await page.evaluate(
    () =>
      document.querySelectorAll(
        'script:not([src]), img[src="x"], svg[onload], iframe, details[ontoggle], a[href^="javascript"], math',
      ).length,
  );
  expect(injected).toBe(0);
});
