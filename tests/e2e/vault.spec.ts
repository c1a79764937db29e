import { CANARIES, findCanaries } from '../fixtures/vault';
import { expect, launchProfile, test } from './fixtures';
import { canariesInProfile, rawIndexedDbContents } from './storage-scan';
import { confirmRecoveryKey, E2E_PASSPHRASE, VaultPage } from './vault-page';

const TITLE = `${CANARIES[0]} v. Бажкенова`;
const SUMMARY = `Иск о защите чести ${CANARIES[1]}`;
const NOTES = `Источник: ${CANARIES[2]}`;

test('create → add a case with canaries → lock → unlock → restart → everything back, and no canary at rest', async ({
  page,
  context,
  profileDir,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ kind: 'Criminal case', title: TITLE, summary: SUMMARY, privilegedNotes: NOTES });
  await vault.lock();
  // Locking drops every decrypted record from the page.
  expect(findCanaries(await page.locator('body').innerText())).toEqual([]);

  await vault.unlockAndWait();
  await vault.openCase(TITLE);
  await expect(page.getByText(SUMMARY)).toBeVisible();
  await expect(page.getByText(NOTES)).toBeVisible();
  await expect(page.getByRole('tabpanel').getByText('Criminal case')).toBeVisible();
  await vault.backToList();

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('storage-persistence')).not.toHaveText('Not yet known.');
  // The web edition never keeps a key outside the vault: no "remember on this device" here.
  await expect(page.getByRole('heading', { name: 'Change the passphrase' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Remember on this device' })).toHaveCount(0);

  const rawDb = await rawIndexedDbContents(page);
  expect(Object.keys(rawDb as object)).toContain('qorgau-vault');
  expect(findCanaries(rawDb)).toEqual([]);

  await context.close();
  expect(await canariesInProfile(profileDir, CANARIES)).toEqual([]);

  // The vault survives a browser restart on the same profile.
  const again = await launchProfile(profileDir, baseURL);
  try {
    const reopened = new VaultPage(again.pages()[0] ?? (await again.newPage()));
    await reopened.open();
    await reopened.unlockAndWait();
    await expect(reopened.caseList().getByText(TITLE)).toBeVisible();
  } finally {
    await again.close();
  }
  expect(await canariesInProfile(profileDir, CANARIES)).toEqual([]);
});

test('a wrong passphrase gets a clear error and changes nothing; the recovery key opens the vault', async ({
  page,
}) => {
  const vault = new VaultPage(page);
  await vault.open();
  const recoveryKey = await vault.create();
  await vault.addCase({ title: 'Дело о клевете' });
  await vault.lock();

  await vault.unlock('this is not the passphrase at all');
  await expect(page.getByRole('alert')).toHaveText(
    'That passphrase does not open this vault. Nothing was changed; try again.',
  );
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();

  await page.getByRole('button', { name: 'Use the recovery key instead' }).click();
  await page.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey.toLowerCase());
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(vault.caseList().getByText('Дело о клевете')).toBeVisible({ timeout: 30_000 });
  // The key-derivation worker (64 MiB that held the passphrase's derivation) is gone once unlocked.
  await expect.poll(() => page.workers().filter((worker) => /argon2/.test(worker.url())).length).toBe(0);
});

test('a guessable passphrase, in English or Russian, or a short one, is refused with the reason; a suggested one is taken', async ({
  page,
}) => {
  await page.goto('/');
  const passphrase = page.getByRole('textbox', { name: 'Passphrase', exact: true });
  const repeat = page.getByRole('textbox', { name: 'Repeat the passphrase' });
  for (const guessable of ['password2024', 'Казахстан1991', 'gfhjkm123456']) {
    await passphrase.fill(guessable);
    await repeat.fill(guessable);
    await page.getByRole('button', { name: 'Create the vault' }).click();
    await expect(page.getByRole('alert')).toContainText('This passphrase is too easy to guess');
  }
  await passphrase.fill('Ж7#qL!m2v');
  await repeat.fill('Ж7#qL!m2v');
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await expect(page.getByRole('alert')).toContainText('Use at least 12 characters');
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();

  await page.getByRole('button', { name: 'Suggest a passphrase' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Suggested:' })).toBeVisible();
  const suggested = await passphrase.inputValue();
  expect(suggested.split(' ')).toHaveLength(5);
  await expect(page.getByText('Strong', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible({ timeout: 30_000 });
});

test('the lock shortcut and the idle timer lock the vault; a moving mouse is not activity; time asleep counts', async ({
  page,
}) => {
  await page.clock.install();
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title: 'Дело Ә' });
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();

  await vault.unlockAndWait();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('spinbutton', { name: 'Lock after this many idle minutes' }).fill('2');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.clock.fastForward('01:50');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.clock.fastForward('00:15');
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();

  // A mouse that only moves (a jiggler, a nudged table) is not someone using the app.
  await vault.unlockAndWait();
  for (let i = 0; i < 9; i += 1) {
    await page.mouse.move(100 + i * 20, 200 + (i % 2) * 30);
    await page.clock.fastForward('00:15');
  }
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();

  // Time asleep counts: the clock jumps past the limit while no timer runs, and the vault locks
  // when the window shows again.
  await vault.unlockAndWait();
  await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + 3 * 60 * 60_000);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(page.getByRole('heading', { name: 'Unlock the vault' })).toBeVisible();
});

test('the passphrase can be changed; the old one stops working', async ({ page }) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title: 'Дело после смены' });
  await page.getByRole('button', { name: 'Settings' }).click();
  const next = 'violet harbour 2026 Қазақстан drum';
  const change = page.locator('.settings-group', { has: page.getByRole('heading', { name: 'Change the passphrase' }) });
  await change.getByRole('textbox', { name: 'Current passphrase' }).fill(E2E_PASSPHRASE);
  await change.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(next);
  await change.getByRole('textbox', { name: 'Repeat the new passphrase' }).fill(next);
  await change.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(page.getByText('The passphrase was changed.')).toBeVisible({ timeout: 30_000 });
  await vault.lock();
  await vault.unlock(E2E_PASSPHRASE);
  await expect(page.getByRole('alert')).toContainText('does not open this vault');
  await vault.unlockAndWait(next);
  await expect(vault.caseList().getByText('Дело после смены')).toBeVisible();
});

test('a new recovery key replaces the old one; re-keying after a compromise shows another and keeps every case', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const vault = new VaultPage(page);
  await vault.open();
  const first = await vault.create();
  await vault.addCase({ title: 'Дело до перевыпуска' });
  const unlockWithKey = async (key: string) => {
    await page.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await page.getByRole('textbox', { name: 'Recovery key' }).fill(key);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  };

  await page.getByRole('button', { name: 'Settings' }).click();
  const recovery = page.locator('.settings-group', { has: page.getByRole('heading', { name: 'Recovery key' }) });
  await recovery.getByRole('textbox', { name: 'Current passphrase' }).fill(E2E_PASSPHRASE);
  await recovery.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(page.getByRole('heading', { name: 'Your new recovery key' })).toBeVisible({ timeout: 30_000 });
  const second = (await page.getByLabel('Recovery key', { exact: true }).innerText()).trim();
  expect(second).not.toBe(first);
  await confirmRecoveryKey(page, second);
  await page.getByRole('button', { name: 'Continue to my cases' }).click();
  await vault.lock();
  await unlockWithKey(first);
  await expect(page.getByRole('alert')).toContainText('does not open this vault');
  await page.getByRole('textbox', { name: 'Recovery key' }).fill(second);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(vault.caseList().getByText('Дело до перевыпуска')).toBeVisible({ timeout: 30_000 });

  // The passphrase may have been seen: change it and re-key.
  const next = 'после обыска новая фраза 2026 Қарлығаш';
  await page.getByRole('button', { name: 'Settings' }).click();
  const change = page.locator('.settings-group', { has: page.getByRole('heading', { name: 'Change the passphrase' }) });
  await change.getByRole('textbox', { name: 'Current passphrase' }).fill(E2E_PASSPHRASE);
  await change.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(next);
  await change.getByRole('textbox', { name: 'Repeat the new passphrase' }).fill(next);
  await change.getByRole('checkbox', { name: 'Someone may know the old passphrase: re-key the vault' }).check();
  await change.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(page.getByRole('heading', { name: 'Your new recovery key' })).toBeVisible({ timeout: 30_000 });
  const third = (await page.getByLabel('Recovery key', { exact: true }).innerText()).trim();
  await confirmRecoveryKey(page, third);
  await page.getByRole('button', { name: 'Continue to my cases' }).click();
  await vault.lock();
  await vault.unlock(E2E_PASSPHRASE);
  await expect(page.getByRole('alert')).toContainText('does not open this vault');
  await unlockWithKey(second);
  await expect(page.getByRole('alert')).toContainText('does not open this vault');
  await page.getByRole('button', { name: 'Use the passphrase instead' }).click();
  await vault.unlockAndWait(next);
  await expect(vault.caseList().getByText('Дело до перевыпуска')).toBeVisible();
});

test('a vault wiped under the app is reported as gone, never shown as empty', async ({ page }) => {
  const vault = new VaultPage(page);
  await vault.open();
  await vault.create();
  await vault.addCase({ title: 'Пропавшее дело' });
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('qorgau-vault');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error ?? new Error('the IndexedDB request failed'));
        request.onblocked = () => resolve();
      }),
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'The vault on this device is gone' })).toBeVisible();
  await expect(page.getByText('Restore your most recent backup file')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toHaveCount(0);
});
