import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { argon2idHashWasm } from '../../../../shared/crypto/argon2';
import { openPageKey } from '../../../../shared/crypto/vault-keys';
import { MIN_PAGE_BITS, openPage, pageIdOf } from '../../../../shared/vault-format/vault-rows';
import { VaultRepository } from '../../../../renderer/src/db/vault-repository';
import { VaultService } from '../../../../renderer/src/vault/vault-service';
import {
  CANARIES,
  PASSPHRASE,
  dumpDatabase,
  findCanaries,
  makeCase,
  makeRepository,
  makeService,
  memoryMarker,
  wholeCases,
  windowKeys,
} from '../../../fixtures/vault';

describe('vault service: create → add → lock → unlock', () => {
  it('gives every case back after locking, and no canary is in the stored rows', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    expect(await service.session.probe()).toBe('absent');
    const { recoveryKey } = await service.session.create(PASSPHRASE);
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
    await service.cases.createCase(makeCase());
    await service.cases.createCase(makeCase({ title: 'Второе дело «Әділет»', kind: 'civil-lawsuit' }));
    await service.cases.saveSettings({
      autoLockMinutes: 7,
      notifiedReminders: ['d1@2026-04-01T09:00'],
      reminderDetails: true,
      reports: {},
      lastBackupAt: null,
    });

    service.session.lock();
    expect(service.session.unlocked).toBe(false);
    await expect(service.cases.createCase(makeCase())).rejects.toMatchObject({ code: 'locked' });

    const reopened = makeService(repository);
    expect(await reopened.session.probe()).toBe('locked');
    const opened = await reopened.session.unlock(PASSPHRASE);
    expect(opened.failures).toEqual([]);
    expect(opened.settings).toEqual({
      autoLockMinutes: 7,
      notifiedReminders: ['d1@2026-04-01T09:00'],
      reminderDetails: true,
      reports: {},
      lastBackupAt: null,
    });
    expect(opened.cases.map((c) => c.record.title).sort()).toEqual([
      `${CANARIES[0]} v. Бажкенова`,
      'Второе дело «Әділет»',
    ]);
    expect(wholeCases(reopened, opened).find((c) => c.record.kind === 'criminal-case')?.record.privilegedNotes).toBe(
      `Source: ${CANARIES[2]}`,
    );

    expect(findCanaries(await dumpDatabase(repository))).toEqual([]);
  });

  it('opens with the recovery key too', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    const { recoveryKey } = await service.session.create(PASSPHRASE);
    await service.cases.createCase(makeCase());
    service.session.lock();
    const opened = await makeService(repository).session.unlockWithRecoveryKey(recoveryKey);
    expect(opened.cases).toHaveLength(1);
  });

  it('refuses a wrong passphrase and changes nothing', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    await service.cases.createCase(makeCase());
    service.session.lock();
    const before = await dumpDatabase(repository);
    await expect(makeService(repository).session.unlock('wrong horse battery staple')).rejects.toMatchObject({
      code: 'wrong-passphrase',
      message: expect.stringContaining('Nothing was changed'),
    });
    expect(await dumpDatabase(repository)).toEqual(before);
  });

  it('refuses a header whose KDF cost was lowered, with no silent downgrade', async () => {
    const repository = makeRepository();
    // The app's own service: default cost, default floor.
    const appService = () => new VaultService({ repository, argon2id: argon2idHashWasm, marker: memoryMarker() });
    await appService().session.create(PASSPHRASE);
    const header = await repository.readHeader();
    if (header === null) throw new Error('no header');
    await repository.db.meta.put({
      key: 'header',
      header: { ...header, kdf: { ...header.kdf, memoryKiB: 1024, iterations: 1 } },
    });
    await expect(appService().session.unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'kdf-policy',
      message: expect.stringContaining('below the minimum'),
    });
  });

  it('reports a wiped store as a missing vault, never as an empty one', async () => {
    const marker = memoryMarker();
    const factory = new IDBFactory();
    const service = makeService(makeRepository(factory), marker);
    await service.session.create(PASSPHRASE);
    // The store is reset under the app: a new, empty IndexedDB, while the marker survives.
    expect(await makeService(makeRepository(new IDBFactory()), marker).session.probe()).toBe('missing');
    await expect(
      makeService(makeRepository(new IDBFactory()), marker).session.unlock(PASSPHRASE),
    ).rejects.toMatchObject({
      code: 'vault-missing',
    });
  });
});

describe('tampering', () => {
  /** A vault with two cases on different pages, so damage to one page leaves the other case readable. */
  async function vaultWithTwoPages() {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    const a = await service.cases.createCase(makeCase({ title: 'Дело А' }));
    let b = await service.cases.createCase(makeCase({ title: 'Дело Б' }));
    while (pageIdOf(b.caseTag, MIN_PAGE_BITS) === pageIdOf(a.caseTag, MIN_PAGE_BITS)) {
      await service.cases.deleteCase(b.caseTag);
      b = await service.cases.createCase(makeCase({ title: 'Дело Б' }));
    }
    service.session.lock();
    return { repository, a, b, pageA: pageIdOf(a.caseTag, MIN_PAGE_BITS), pageB: pageIdOf(b.caseTag, MIN_PAGE_BITS) };
  }

  it('detects any single flipped byte of a stored page (its key, IV, ciphertext or tag) and names the page', async () => {
    const { repository, pageA } = await vaultWithTwoPages();
    const original = (await repository.db.pages.get(pageA))!;
    const parts = [original.wrap.iv, original.wrap.ct, original.iv, original.ct];
    const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (position, mask) => {
          const copies = parts.map((part) => new Uint8Array(part));
          let at = position;
          const target = copies.find((part) => (at < part.byteLength ? true : ((at -= part.byteLength), false)))!;
          target[at] = target[at]! ^ mask;
          const [wrapIv, wrapCt, iv, ct] = copies as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
          await repository.db.pages.put({ id: pageA, wrap: { iv: wrapIv, ct: wrapCt }, iv, ct });
          const opened = await makeService(repository).session.unlock(PASSPHRASE);
          expect(opened.failures).toEqual([expect.objectContaining({ table: 'pages', rowId: pageA })]);
          expect(opened.cases.map((c) => c.record.title)).toEqual(['Дело Б']);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('detects pages swapped with each other, moved under another id, or a damaged search page', async () => {
    const { repository, pageA, pageB } = await vaultWithTwoPages();
    const rowA = (await repository.db.pages.get(pageA))!;
    const rowB = (await repository.db.pages.get(pageB))!;
    await repository.db.pages.bulkPut([
      { ...rowB, id: pageA },
      { ...rowA, id: pageB },
    ]);
    const swapped = await makeService(repository).session.unlock(PASSPHRASE);
    expect(swapped.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'pages', rowId: pageA }),
        expect.objectContaining({ table: 'pages', rowId: pageB }),
      ]),
    );
    expect(swapped.cases).toEqual([]);

    await repository.db.pages.bulkPut([rowA, rowB]);
    const search = (await repository.db.searchPages.get(pageB))!;
    await repository.db.searchPages.put({ ...search, ct: search.ct.map((byte, i) => (i === 3 ? byte ^ 1 : byte)) });
    const damagedSearch = await makeService(repository).session.unlock(PASSPHRASE);
    expect(damagedSearch.failures).toEqual([expect.objectContaining({ table: 'searchPages', rowId: pageB })]);
    expect(damagedSearch.cases.map((c) => c.record.title)).toEqual(['Дело А']);
  });

  it('refuses to write into a page it could not open, so the cases still in it are not overwritten', async () => {
    const { repository, a, pageA } = await vaultWithTwoPages();
    const row = (await repository.db.pages.get(pageA))!;
    await repository.db.pages.put({ ...row, ct: row.ct.map((byte, i) => (i === 0 ? byte ^ 1 : byte)) });
    const service = makeService(repository);
    await service.session.unlock(PASSPHRASE);
    const stillThere = await repository.db.pages.get(pageA);
    await expect(service.cases.updateCase(a, { ...makeCase({ title: 'Перезапись' }) })).rejects.toMatchObject({
      code: 'integrity',
    });
    expect(await repository.db.pages.get(pageA)).toEqual(stillThere);
  });

  it('keeps both edits when two windows save different cases of the same page', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    const first = await service.cases.createCase(makeCase({ title: 'Первое' }));
    // A second case on the same page, written by a second window (its own repository on the same database).
    const keys = await windowKeys(repository);
    let tag = 0;
    while (pageIdOf(`other-${tag}`, MIN_PAGE_BITS) !== pageIdOf(first.caseTag, MIN_PAGE_BITS)) tag += 1;
    const second = new VaultRepository(repository.db);
    await second.openNames(keys);
    await second.loadAll(keys);
    await second.write(keys, {
      put: [{ ...first, caseTag: `other-${tag}`, record: { ...first.record, title: 'Второе' } }],
    });
    // The first window, unaware, saves its case: the page is read again and both survive.
    await service.cases.updateCase(first, { ...makeCase({ title: 'Первое, изменённое' }) });
    const opened = await makeService(repository).session.unlock(PASSPHRASE);
    expect(opened.cases.map((c) => c.record.title).sort()).toEqual(['Второе', 'Первое, изменённое']);
  });
});

describe('passphrase change', () => {
  it('switches from the old passphrase to the new one; the recovery key keeps working', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    const { recoveryKey } = await service.session.create(PASSPHRASE);
    await service.cases.createCase(makeCase());
    await service.session.changePassphrase(PASSPHRASE, 'новая фраза для хранилища 2026');
    await expect(makeService(repository).session.unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect((await makeService(repository).session.unlock('новая фраза для хранилища 2026')).cases).toHaveLength(1);
    expect((await makeService(repository).session.unlockWithRecoveryKey(recoveryKey)).cases).toHaveLength(1);
  });

  it('refuses a wrong current passphrase and writes nothing', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    const before = await dumpDatabase(repository);
    await expect(service.session.changePassphrase('not it at all', 'новая фраза')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(await dumpDatabase(repository)).toEqual(before);
  });

  /**
   * The change has three steps: derive the new key (no write), open the header transaction and
   * put the new header, commit. A crash is simulated at each: before the write, inside the
   * transaction after the put (the transaction aborts), and after the commit.
   */
  it.each(['before the write', 'inside the transaction', 'after the commit'] as const)(
    'interrupted %s, leaves the old or the new passphrase working',
    async (step) => {
      const repository = makeRepository();
      const service = makeService(repository);
      await service.session.create(PASSPHRASE);
      await service.cases.createCase(makeCase());
      const next = 'другая надёжная фраза Қазақстан';
      if (step === 'before the write') {
        repository.replaceHeader = () => Promise.reject(new Error('simulated crash before the write'));
      } else if (step === 'inside the transaction') {
        repository.db.meta.hook('updating', () => {
          throw new Error('simulated crash inside the transaction');
        });
      }
      await service.session.changePassphrase(PASSPHRASE, next).catch(() => undefined);

      const oldWorks = await makeService(repository)
        .session.unlock(PASSPHRASE)
        .then(
          () => true,
          () => false,
        );
      const newWorks = await makeService(repository)
        .session.unlock(next)
        .then(
          () => true,
          () => false,
        );
      expect(oldWorks !== newWorks).toBe(true);
      expect(newWorks).toBe(step === 'after the commit');
    },
  );
});

describe('deleting a case', () => {
  it('removes it in one transaction, re-keys its page and destroys its document key', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    const doomed = await service.cases.createCase(makeCase({ title: 'Удалить' }));
    const kept = await service.cases.createCase(makeCase({ title: 'Оставить' }));
    const withDocument = await service.cases.importAttachment(doomed, new Blob([new Uint8Array(5000).fill(3)]), {
      name: 'a.pdf',
      type: 'application/pdf',
    });
    const page = pageIdOf(doomed.caseTag, MIN_PAGE_BITS);
    const before = (await repository.db.pages.get(page))!;
    const keyRef = await repository.rowNames().caseRef(doomed.caseTag);
    const documentRef = await repository.rowNames().documentRef(withDocument.attachments[0]!.id);
    expect(await repository.db.sealedKeys.get(keyRef)).toBeDefined();
    expect(await repository.db.parts.where('ref').equals(documentRef).count()).toBe(1);

    await service.cases.deleteCase(doomed.caseTag);
    expect(await repository.db.sealedKeys.get(keyRef)).toBeUndefined();
    expect(await repository.db.parts.where('ref').equals(documentRef).count()).toBe(0);
    const after = await repository.db.pages.get(page);
    if (after !== undefined) {
      // The page still holds other cases: it has a new key, and its old ciphertext does not open with it.
      expect(after.wrap.ct).not.toEqual(before.wrap.ct);
      const keys = await windowKeys(repository);
      await expect(
        openPage(keys.vaultId, await openPageKey(keys, page, after.wrap), 'pages', page, before),
      ).rejects.toMatchObject({
        code: 'integrity',
      });
    }
    const opened = await makeService(repository).session.unlock(PASSPHRASE);
    expect(opened.cases.map((c) => c.caseTag)).toEqual([kept.caseTag]);
    expect(opened.failures).toEqual([]);

    await service.cases.deleteCase(kept.caseTag);
    expect(await repository.db.caseKeys.count()).toBe(0);
    expect(await repository.db.pages.count()).toBe(0);
    expect(await repository.db.searchPages.count()).toBe(0);
  });
});
