import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VaultAnchor } from '../../../../renderer/src/platform/platform';
import { desktopAnchorIn } from '../../../fixtures/desktop-documents';
import { PASSPHRASE, dumpDatabase, makeCase, makeRepository, makeService, wholeCases } from '../../../fixtures/vault';

/** A new recovery key, and re-keying the vault after a passphrase may have been seen. */
let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'qorgau-rekey-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const NEW_PASSPHRASE = 'новая фраза после обыска Қарлығаш 2026';
const DOCUMENT = new TextEncoder().encode('документ, который должен пережить смену ключей');

async function vaultWithWork(anchor: VaultAnchor | null) {
  const repository = makeRepository();
  const service = makeService(repository, undefined, anchor);
  const { recoveryKey } = await service.session.create(PASSPHRASE);
  const first = await service.cases.createCase(makeCase({ title: 'Дело до смены ключей' }));
  await service.cases.importAttachment(first, new Blob([DOCUMENT]), { name: 'Документ.txt', type: 'text/plain' });
  await service.cases.createCase(makeCase({ title: 'Второе дело' }));
  await service.cases.saveSettings({ ...(await service.session.load()).settings, autoLockMinutes: 7 });
  return { repository, service, recoveryKey };
}

const titles = (cases: readonly { record: { title: string } }[]) => cases.map((c) => c.record.title).sort();

describe('a new recovery key', () => {
  it('opens the vault; the old one no longer does; the passphrase still does; a wrong passphrase changes nothing', async () => {
    const { repository, service, recoveryKey } = await vaultWithWork(null);
    const before = await dumpDatabase(repository);
    await expect(service.session.newRecoveryKey('not the passphrase at all')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(await dumpDatabase(repository)).toEqual(before);

    const fresh = await service.session.newRecoveryKey(PASSPHRASE);
    expect(fresh).not.toBe(recoveryKey);
    await expect(makeService(repository).session.unlockWithRecoveryKey(recoveryKey)).rejects.toMatchObject({
      code: 'wrong-recovery-key',
    });
    expect(titles((await makeService(repository).session.unlockWithRecoveryKey(fresh)).cases)).toEqual([
      'Второе дело',
      'Дело до смены ключей',
    ]);
    expect((await makeService(repository).session.unlock(PASSPHRASE)).cases).toHaveLength(2);
  });
});

describe('re-keying the vault', () => {
  for (const edition of ['desktop', 'web'] as const) {
    it(`${edition}: everything opens with the new passphrase and recovery key, nothing with the old ones, even with the old header put back`, async () => {
      const anchor = edition === 'desktop' ? desktopAnchorIn(path.join(folder, 'anchors')).anchor : null;
      const { repository, service, recoveryKey } = await vaultWithWork(anchor);
      const oldHeader = (await repository.db.meta.get('header'))!;
      const newRecoveryKey = await service.session.rekey(PASSPHRASE, NEW_PASSPHRASE);

      const reopened = makeService(repository, undefined, anchor);
      const opened = await reopened.session.unlock(NEW_PASSPHRASE);
      expect(opened.failures).toEqual([]);
      expect(opened.settings.autoLockMinutes).toBe(7);
      const cases = wholeCases(reopened, opened);
      expect(titles(cases)).toEqual(['Второе дело', 'Дело до смены ключей']);
      const withDocument = cases.find((c) => c.attachments.length > 0)!;
      const bytes = await reopened.cases.readAttachment(withDocument, withDocument.attachments[0]!);
      expect(new TextDecoder().decode(Buffer.concat(bytes))).toBe(new TextDecoder().decode(DOCUMENT));
      expect(
        (await makeService(repository, undefined, anchor).session.unlockWithRecoveryKey(newRecoveryKey)).cases,
      ).toHaveLength(2);

      await expect(makeService(repository, undefined, anchor).session.unlock(PASSPHRASE)).rejects.toMatchObject({
        code: 'wrong-passphrase',
      });
      await expect(
        makeService(repository, undefined, anchor).session.unlockWithRecoveryKey(recoveryKey),
      ).rejects.toMatchObject({ code: 'wrong-recovery-key' });

      // The examiner's move: the old header (every backup carries one) and the old passphrase.
      await repository.db.meta.put(oldHeader);
      const attempt = await makeService(repository, undefined, anchor)
        .session.unlock(PASSPHRASE)
        .catch((error: unknown) => error);
      const seen =
        attempt instanceof Error ? [] : titles((attempt as { cases: { record: { title: string } }[] }).cases);
      expect(seen).toEqual([]);
    });
  }

  it('is one transaction: a power cut inside it leaves the old passphrase opening everything, the new one nothing', async () => {
    const { anchor } = desktopAnchorIn(path.join(folder, 'anchors'));
    const { repository, service } = await vaultWithWork(anchor);
    const before = await dumpDatabase(repository);
    const put = repository.db.settings.put.bind(repository.db.settings);
    repository.db.settings.put = (() => Promise.reject(new Error('power cut'))) as never;
    await expect(service.session.rekey(PASSPHRASE, NEW_PASSPHRASE)).rejects.toBeDefined();
    repository.db.settings.put = put;
    expect(await dumpDatabase(repository)).toEqual(before);
    const opened = await makeService(repository, undefined, anchor).session.unlock(PASSPHRASE);
    expect(opened.failures).toEqual([]);
    expect(opened.cases).toHaveLength(2);
    await expect(makeService(repository, undefined, anchor).session.unlock(NEW_PASSPHRASE)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('a power cut after the transaction, before the old epoch key is destroyed: the new passphrase opens everything, and the next unlock destroys the old key', async () => {
    const { anchor, store } = desktopAnchorIn(path.join(folder, 'anchors'));
    let cut = false;
    const dying: VaultAnchor = {
      ...anchor,
      keepEpoch: (vaultId, epoch) => (cut ? Promise.reject(new Error('power cut')) : anchor.keepEpoch(vaultId, epoch)),
    };
    const { repository, service } = await vaultWithWork(dying);
    cut = true;
    const vaultId = (await repository.readHeader())!.vaultId;
    await expect(service.session.rekey(PASSPHRASE, NEW_PASSPHRASE)).rejects.toBeDefined();
    expect((await store.read(vaultId))!.epochs).toHaveLength(2);
    const opened = await makeService(repository, undefined, anchor).session.unlock(NEW_PASSPHRASE);
    expect(opened.failures).toEqual([]);
    expect(opened.cases).toHaveLength(2);
    expect((await store.read(vaultId))!.epochs).toHaveLength(1);
  });
});
