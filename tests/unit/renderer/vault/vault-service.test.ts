import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { argon2idHashWasm } from '../../../../shared/crypto/argon2';
import { dangerousTestOnlyKdfFloor } from '../../../../shared/crypto/kdf';
import { unlockWithPassphrase } from '../../../../shared/crypto/vault-keys';
import type { SealedRow } from '../../../../renderer/src/db/vault-db';
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
} from '../../../fixtures/vault';

describe('vault service: create → add → lock → unlock', () => {
  it('gives every case back after locking, and no canary is in the stored rows', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    expect(await service.probe()).toBe('absent');
    const { recoveryKey } = await service.create(PASSPHRASE);
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
    await service.createCase(makeCase());
    await service.createCase(makeCase({ title: 'Второе дело «Әділет»', kind: 'civil-lawsuit' }));
    await service.saveSettings({
      autoLockMinutes: 7,
      notifiedReminders: ['d1@2026-04-01T09:00'],
      reports: {},
      lastBackupAt: null,
    });

    service.lock();
    expect(service.unlocked).toBe(false);
    await expect(service.createCase(makeCase())).rejects.toMatchObject({ code: 'locked' });

    const reopened = makeService(repository);
    expect(await reopened.probe()).toBe('locked');
    const opened = await reopened.unlock(PASSPHRASE);
    expect(opened.failures).toEqual([]);
    expect(opened.settings).toEqual({
      autoLockMinutes: 7,
      notifiedReminders: ['d1@2026-04-01T09:00'],
      reports: {},
      lastBackupAt: null,
    });
    expect(opened.cases.map((c) => c.record.title).sort()).toEqual([
      `${CANARIES[0]} v. Бажкенова`,
      'Второе дело «Әділет»',
    ]);
    expect(opened.cases.find((c) => c.record.kind === 'criminal-case')?.record.privilegedNotes).toBe(
      `Source: ${CANARIES[2]}`,
    );

    expect(findCanaries(await dumpDatabase(repository))).toEqual([]);
  });

  it('opens with the recovery key too', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    const { recoveryKey } = await service.create(PASSPHRASE);
    await service.createCase(makeCase());
    service.lock();
    const opened = await makeService(repository).unlockWithRecoveryKey(recoveryKey);
    expect(opened.cases).toHaveLength(1);
  });

  it('refuses a wrong passphrase and changes nothing', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.create(PASSPHRASE);
    await service.createCase(makeCase());
    service.lock();
    const before = await dumpDatabase(repository);
    await expect(makeService(repository).unlock('wrong horse battery staple')).rejects.toMatchObject({
      code: 'wrong-passphrase',
      message: expect.stringContaining('Nothing was changed'),
    });
    expect(await dumpDatabase(repository)).toEqual(before);
  });

  it('refuses a header whose KDF cost was lowered, with no silent downgrade', async () => {
    const repository = makeRepository();
    // The app's own service: default cost, default floor.
    const appService = () => new VaultService({ repository, argon2id: argon2idHashWasm, marker: memoryMarker() });
    await appService().create(PASSPHRASE);
    const header = await repository.readHeader();
    if (header === null) throw new Error('no header');
    await repository.db.meta.put({
      key: 'header',
      header: { ...header, kdf: { ...header.kdf, memoryKiB: 1024, iterations: 1 } },
    });
    await expect(appService().unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'kdf-policy',
      message: expect.stringContaining('below the minimum'),
    });
  });

  it('reports a wiped store as a missing vault, never as an empty one', async () => {
    const marker = memoryMarker();
    const factory = new IDBFactory();
    const service = makeService(makeRepository(factory), marker);
    await service.create(PASSPHRASE);
    // The store is reset under the app: a new, empty IndexedDB, while the marker survives.
    expect(await makeService(makeRepository(new IDBFactory()), marker).probe()).toBe('missing');
    await expect(makeService(makeRepository(new IDBFactory()), marker).unlock(PASSPHRASE)).rejects.toMatchObject({
      code: 'vault-missing',
    });
  });
});

describe('tampering', () => {
  async function vaultWithTwoCases() {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.create(PASSPHRASE);
    const a = await service.createCase(makeCase({ title: 'Дело А' }));
    const b = await service.createCase(makeCase({ title: 'Дело Б' }));
    service.lock();
    return { repository, a, b };
  }

  it('detects any single flipped byte of a stored record (IV, ciphertext or tag) and names the row', async () => {
    const { repository, a } = await vaultWithTwoCases();
    const original = (await repository.db.cases.get(a.caseTag)) as SealedRow;
    const length = original.iv.byteLength + original.ct.byteLength;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (position, mask) => {
          const iv = new Uint8Array(original.iv);
          const ct = new Uint8Array(original.ct);
          if (position < iv.byteLength) iv[position] = (iv[position] ?? 0) ^ mask;
          else ct[position - iv.byteLength] = (ct[position - iv.byteLength] ?? 0) ^ mask;
          await repository.db.cases.put({ ...original, iv, ct });
          const opened = await makeService(repository).unlock(PASSPHRASE);
          expect(opened.failures).toEqual([expect.stringContaining(`cases/${a.caseTag}`)]);
          expect(opened.cases.map((c) => c.record.title)).toEqual(['Дело Б']);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('detects ciphertexts swapped between two cases', async () => {
    const { repository, a, b } = await vaultWithTwoCases();
    const rowA = (await repository.db.cases.get(a.caseTag)) as SealedRow;
    const rowB = (await repository.db.cases.get(b.caseTag)) as SealedRow;
    await repository.db.cases.bulkPut([
      { ...rowA, iv: rowB.iv, ct: rowB.ct },
      { ...rowB, iv: rowA.iv, ct: rowA.ct },
    ]);
    const opened = await makeService(repository).unlock(PASSPHRASE);
    expect(opened.failures).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`cases/${a.caseTag}`),
        expect.stringContaining(`cases/${b.caseTag}`),
      ]),
    );
  });

  it('detects case keys swapped between two cases, and the other rows still open', async () => {
    const { repository, a, b } = await vaultWithTwoCases();
    const service = makeService(repository);
    const third = await (async () => {
      await service.unlock(PASSPHRASE);
      return service.createCase(makeCase({ title: 'Дело В' }));
    })();
    const keyA = await repository.db.caseKeys.get(a.caseTag);
    const keyB = await repository.db.caseKeys.get(b.caseTag);
    if (!keyA || !keyB) throw new Error('missing keys');
    await repository.db.caseKeys.bulkPut([
      { ...keyA, iv: keyB.iv, ct: keyB.ct },
      { ...keyB, iv: keyA.iv, ct: keyA.ct },
    ]);
    const opened = await makeService(repository).unlock(PASSPHRASE);
    expect(opened.failures).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`caseKeys/${a.caseTag}`),
        expect.stringContaining(`caseKeys/${b.caseTag}`),
      ]),
    );
    expect(opened.cases.map((c) => c.caseTag)).toEqual([third.caseTag]);
  });

  it('detects a row moved under another id', async () => {
    const { repository, a } = await vaultWithTwoCases();
    const service = makeService(repository);
    await service.unlock(PASSPHRASE);
    const keys = await unlockWithPassphrase((await repository.readHeader())!, PASSPHRASE, argon2idHashWasm, {
      kdfFloor: dangerousTestOnlyKdfFloor,
    });
    const { cases } = await repository.loadAll(keys);
    const caseA = cases.find((c) => c.caseTag === a.caseTag)!;
    await repository.writeCase(keys, caseA.keys, {
      record: caseA.record,
      putEntries: [{ id: 'entry-1', value: { text: 'hearing' } }],
    });
    const entry = (await repository.db.entries.get('entry-1'))!;
    await repository.db.entries.put({ ...entry, id: 'entry-2' });
    const reloaded = await repository.loadAll(keys);
    expect(reloaded.failures.map((f) => f.message)).toEqual([expect.stringContaining('entries/entry-2')]);
    expect(reloaded.cases.find((c) => c.caseTag === a.caseTag)?.entries.map((e) => e.id)).toEqual(['entry-1']);
  });
});

describe('passphrase change', () => {
  it('switches from the old passphrase to the new one; the recovery key keeps working', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    const { recoveryKey } = await service.create(PASSPHRASE);
    await service.createCase(makeCase());
    await service.changePassphrase(PASSPHRASE, 'новая фраза для хранилища 2026');
    await expect(makeService(repository).unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect((await makeService(repository).unlock('новая фраза для хранилища 2026')).cases).toHaveLength(1);
    expect((await makeService(repository).unlockWithRecoveryKey(recoveryKey)).cases).toHaveLength(1);
  });

  it('refuses a wrong current passphrase and writes nothing', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.create(PASSPHRASE);
    const before = await dumpDatabase(repository);
    await expect(service.changePassphrase('not it at all', 'новая фраза')).rejects.toMatchObject({
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
      await service.create(PASSPHRASE);
      await service.createCase(makeCase());
      const next = 'другая надёжная фраза Қазақстан';
      if (step === 'before the write') {
        repository.replaceHeader = () => Promise.reject(new Error('simulated crash before the write'));
      } else if (step === 'inside the transaction') {
        repository.db.meta.hook('updating', () => {
          throw new Error('simulated crash inside the transaction');
        });
      }
      await service.changePassphrase(PASSPHRASE, next).catch(() => undefined);

      const oldWorks = await makeService(repository)
        .unlock(PASSPHRASE)
        .then(
          () => true,
          () => false,
        );
      const newWorks = await makeService(repository)
        .unlock(next)
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
  it('shreds the key first, then the rows; leftovers of an interrupted delete are swept at start-up', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.create(PASSPHRASE);
    const doomed = await service.createCase(makeCase({ title: 'Удалить' }));
    const kept = await service.createCase(makeCase({ title: 'Оставить' }));

    // Simulate a crash between the two steps: the key is gone, the rows are still there.
    await repository.db.caseKeys.delete(doomed.caseTag);
    expect(await repository.db.cases.get(doomed.caseTag)).toBeDefined();
    service.lock();
    const reopened = makeService(repository);
    expect(await reopened.probe()).toBe('locked'); // the sweep runs here
    expect(await repository.db.cases.get(doomed.caseTag)).toBeUndefined();
    const opened = await reopened.unlock(PASSPHRASE);
    expect(opened.cases.map((c) => c.caseTag)).toEqual([kept.caseTag]);
    expect(opened.failures).toEqual([]);

    await reopened.deleteCase(kept.caseTag);
    expect(await repository.db.caseKeys.count()).toBe(0);
    expect(await repository.db.cases.count()).toBe(0);
  });
});
