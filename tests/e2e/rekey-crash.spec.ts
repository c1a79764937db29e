import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, launchProfile, test } from './fixtures';
import { killBrowser, seededRandom } from './crash-harness';
import { dropFile } from './drop-file';
import { E2E_PASSPHRASE, VaultPage } from './vault-page';

/**
 * Re-keying and making a new recovery key rewrite the vault's keys: each must be all or nothing.
 * The browser is killed (SIGKILL, the whole process tree) at a random moment of each, from before
 * the passphrase is checked to after the new keys are stored; after every kill the vault must
 * open with the old passphrase or the new one (never neither), with every case and document.
 */
const SEED = 20261207;
const ROUNDS = 6;

const CASES = ['Иск о защите чести', 'Допрос редактора', 'Задержание оператора'];

async function launch(profileDir: string, baseURL: string) {
  const context = await launchProfile(profileDir, baseURL);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(60_000);
  const vault = new VaultPage(page);
  await vault.open();
  return { context, page, vault };
}

/** Unlocks with the first passphrase that opens the vault; which one it was. */
async function unlockWithAny(page: Page, vault: VaultPage, candidates: readonly string[]): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
  for (const passphrase of candidates) {
    await vault.unlock(passphrase);
    const outcome = await Promise.race([
      page
        .getByRole('heading', { level: 1, name: 'Cases' })
        .waitFor({ timeout: 60_000 })
        .then(() => 'open' as const),
      page
        .getByRole('alert')
        .filter({ hasText: 'does not open this vault' })
        .waitFor({ timeout: 60_000 })
        .then(() => 'refused' as const),
    ]);
    if (outcome === 'open') return passphrase;
  }
  throw new Error(`none of the passphrases opens the vault: ${candidates.join(' | ')}`);
}

test(`a re-key or a new recovery key killed at any moment leaves a vault that opens whole (${ROUNDS} kills)`, async ({
  profileDir,
  baseURL,
  context,
}) => {
  test.setTimeout(10 * 60_000);
  await context.close();
  const random = seededRandom(SEED);
  const origin = baseURL ?? '';

  const first = await launch(profileDir, origin);
  await first.vault.create();
  for (const title of CASES) await first.vault.addCase({ title });
  await first.vault.openCase(CASES[0]!);
  await first.page.getByRole('tab', { name: 'Documents' }).click();
  await dropFile(first.page, { name: 'note.txt', type: 'text/plain', size: 0, kind: 'text', text: 'протокол' });
  await expect(first.page.getByText('“note.txt” was added.')).toBeVisible();
  await first.context.close();

  let current = E2E_PASSPHRASE;
  const outcomes: string[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const { page, vault } = await launch(profileDir, origin);
    const next = `новая фраза раунда ${round} Қарлығаш 2026`;
    await unlockWithAny(page, vault, [current]);
    await page.getByRole('button', { name: 'Settings' }).click();
    const rekey = round % 2 === 0;
    if (rekey) {
      const change = page.locator('.settings-group', {
        has: page.getByRole('heading', { name: 'Change the passphrase' }),
      });
      await change.getByRole('textbox', { name: 'Current passphrase' }).fill(current);
      await change.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(next);
      await change.getByRole('textbox', { name: 'Repeat the new passphrase' }).fill(next);
      await change.getByRole('checkbox', { name: 'Someone may know the old passphrase: re-key the vault' }).check();
      await change.getByRole('button', { name: 'Change the passphrase' }).click();
    } else {
      const recovery = page.locator('.settings-group', { has: page.getByRole('heading', { name: 'Recovery key' }) });
      await recovery.getByRole('textbox', { name: 'Current passphrase' }).fill(current);
      await recovery.getByRole('button', { name: 'Make a new recovery key' }).click();
    }
    // Two key derivations and one transaction: the kill lands before, during or after them.
    await new Promise((resolve) => setTimeout(resolve, 200 + Math.floor(random() * 6000)));
    await killBrowser(profileDir);

    const after = await launch(profileDir, origin);
    const opened = await unlockWithAny(after.page, after.vault, rekey ? [next, current] : [current]);
    // A new recovery key leaves the passphrase as it was: whether it was done, the passphrase cannot tell.
    outcomes.push(rekey ? `re-key ${opened === current ? 'not done' : 'done'}` : 'new recovery key: passphrase opens');
    current = opened;
    await expect(after.page.getByRole('heading', { name: 'Some records could not be opened' })).toHaveCount(0);
    expect((await after.vault.allCaseTitles()).sort()).toEqual([...CASES].sort());
    await after.vault.openCase(CASES[0]!);
    await after.page.getByRole('tab', { name: 'Documents' }).click();
    const download = after.page.waitForEvent('download');
    await after.page.getByRole('button', { name: 'Save a decrypted copy of “note.txt”' }).click();
    expect(await readFile((await (await download).path()) ?? '', 'utf8')).toBe('протокол');
    await after.context.close();
  }
  console.log(`re-key and recovery-key kills (seed ${SEED}): ${outcomes.join('; ')}`);
});
