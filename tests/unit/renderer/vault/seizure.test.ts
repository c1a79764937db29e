import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { argon2idHashWasm } from '../../../../shared/crypto/argon2';
import { concatBytes } from '../../../../shared/crypto/bytes';
import type { Sealed } from '../../../../shared/crypto/envelope';
import { openChunk } from '../../../../shared/crypto/attachment-chunks';
import { dangerousTestOnlyKdfFloor } from '../../../../shared/crypto/kdf';
import {
  openCaseKeys,
  openEpochKey,
  openPageKey,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  withEpoch,
  withoutEpoch,
  type VaultKeys,
} from '../../../../shared/crypto/vault-keys';
import type { EpochRow } from '../../../../shared/vault-format/manifest';
import {
  chunkAddress,
  openPage,
  pageIdOf,
  unpackBodies,
  unpackPage,
  type CaseKeyRow,
  type ChunkRow,
  type PageRow,
} from '../../../../shared/vault-format/vault-rows';
import type { VaultAnchor } from '../../../../renderer/src/platform/platform';
import type { VaultRepository } from '../../../../renderer/src/db/vault-repository';
import { desktopAnchorIn } from '../../../fixtures/desktop-documents';
import { PASSPHRASE, dumpDatabase, makeCase, makeRepository, makeService, memoryMarker } from '../../../fixtures/vault';

/**
 * What a forensic examiner gets from a seized laptop, with the passphrase and the recovery key:
 * every row IndexedDB ever held (a stronger position than scraping its LevelDB log, which holds
 * only some old rows), and the files of main's data folder as they are now.
 */
let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'qorgau-seizure-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const DELETED = 'DELETED-CASE-CANARY Ерлан Қасымов';
const DOCUMENT = new TextEncoder().encode('DELETED-DOCUMENT-CANARY протокол допроса');

type Rows = Record<string, unknown[]>;

/** A vault with a case kept and a case with a document that is deleted; every state of IndexedDB on the way. */
async function deleteAfterUse(anchor: VaultAnchor | null) {
  const factory = new IDBFactory();
  const repository = makeRepository(factory);
  const service = makeService(repository, undefined, anchor);
  const history: Rows[] = [];
  const snap = async () => history.push(await dumpDatabase(repository));
  const { recoveryKey } = await service.session.create(PASSPHRASE);
  await snap();
  await service.cases.createCase(makeCase({ title: 'Kept case / Оставленное дело' }));
  await snap();
  let doomed = await service.cases.createCase(makeCase({ title: DELETED }));
  await snap();
  doomed = await service.cases.importAttachment(doomed, new Blob([DOCUMENT]), {
    name: 'Протокол.txt',
    type: 'text/plain',
  });
  await snap();
  const manifest = doomed.attachments[0]!;
  await service.cases.deleteCase(doomed.caseTag);
  await snap();
  service.session.lock();
  return { repository, factory, recoveryKey, history, doomed: { caseTag: doomed.caseTag, manifest } };
}

/**
 * Every wrapping key the examiner can derive: from the root (passphrase or recovery key) alone,
 * and with every epoch key found — sealed in any row IndexedDB ever held, or in main's files now.
 */
async function examinerKeys(
  repository: VaultRepository,
  history: readonly Rows[],
  recoveryKey: string,
  anchorNow: VaultAnchor | null,
): Promise<VaultKeys[]> {
  const header = (await repository.readHeader())!;
  const roots = [
    await unlockWithPassphrase(header, PASSPHRASE, argon2idHashWasm, { kdfFloor: dangerousTestOnlyKdfFloor }),
    await unlockWithRecoveryKey(header, recoveryKey),
  ];
  const keys: VaultKeys[] = [];
  for (const root of roots) {
    keys.push(await withoutEpoch(root));
    for (const rows of history)
      for (const row of (rows.meta ?? []) as EpochRow[])
        if (row.key === 'epoch' && row.sealed !== null) {
          const epochKey = await openEpochKey(root, row.epoch, row.sealed).catch(() => null);
          if (epochKey) keys.push(await withEpoch(root, row.epoch, epochKey));
        }
    for (const kept of (await anchorNow?.read(root.vaultId))?.epochs ?? [])
      keys.push(await withEpoch(root, kept.epoch, kept.key));
  }
  return keys;
}

/** What of the deleted case the examiner can read from every old row with every key: its text, its document. */
async function recovered(
  history: readonly Rows[],
  keys: readonly VaultKeys[],
  doomed: {
    caseTag: string;
    manifest: { id: string; chunkCount: number; chunkSize: number; size: number; name: string; noncePrefix: string };
  },
) {
  const found = { text: false, document: false };
  const attempt = async <T>(work: () => Promise<T>) => work().catch(() => null);
  for (const rows of history) {
    for (const page of (rows.pages ?? []) as PageRow[])
      for (const k of keys) {
        const key = await attempt(() => openPageKey(k, page.id, page.wrap));
        if (key === null) continue;
        const payload = await attempt(() => openPage(k.vaultId, key, 'pages', page.id, page));
        if (payload === null) continue;
        const bodies = unpackBodies(await unpackPage(payload, page.id), page.id);
        if (bodies.some((item) => item.json.includes(DELETED))) found.text = true;
      }
    // Every key row and every first chunk is tried: whatever row name each is stored under.
    const keyRows = [...((rows.caseKeys ?? []) as Sealed[]), ...((rows.sealedKeys ?? []) as CaseKeyRow[])];
    for (const row of keyRows) {
      for (const k of keys) {
        const caseKeys = await attempt(() => openCaseKeys(k, doomed.caseTag, row));
        if (caseKeys === null) continue;
        const key = await caseKeys.attachmentKey(doomed.manifest.id);
        for (const chunks of history) {
          const firsts = [
            ...((chunks.chunks ?? []) as Array<{ index: number; ct: Uint8Array }>),
            ...((chunks.parts ?? []) as ChunkRow[]),
          ].filter((c) => c.index === 0);
          for (const chunk of firsts) {
            const plain = await attempt(() =>
              openChunk(
                key,
                chunkAddress(k.vaultId, doomed.caseTag, doomed.manifest as never),
                0,
                doomed.manifest,
                chunk.ct,
              ),
            );
            if (plain !== null && new TextDecoder().decode(plain).includes('DELETED-DOCUMENT-CANARY'))
              found.document = true;
          }
        }
      }
    }
  }
  return found;
}

/** Every old row put back over the seized store at once, newest last, and the vault opened with the passphrase. */
async function reopenWithOldRows(factory: IDBFactory, history: readonly Rows[], anchor: VaultAnchor | null) {
  const repository = makeRepository(factory);
  await repository.db.open();
  for (const rows of history)
    for (const [table, tableRows] of Object.entries(rows)) await repository.db.table(table).bulkPut(tableRows);
  const service = makeService(repository, undefined, anchor);
  const opened = await service.session.unlock(PASSPHRASE).catch((error: unknown) => ({ error }));
  return 'error' in opened ? [] : opened.cases.map((c) => c.record.title);
}

describe('a seized laptop, examined with the passphrase and the recovery key', () => {
  it('desktop: a deleted case and its document cannot be decrypted from any row IndexedDB ever held', async () => {
    const { anchor } = desktopAnchorIn(path.join(folder, 'anchors'));
    const { repository, factory, recoveryKey, history, doomed } = await deleteAfterUse(anchor);
    const keys = await examinerKeys(repository, history, recoveryKey, anchor);
    expect(keys.length).toBeGreaterThan(2);
    expect(await recovered(history, keys, doomed)).toEqual({ text: false, document: false });
    // Putting every old row back and unlocking lists the kept case, never the deleted one.
    const titles = await reopenWithOldRows(factory, history, anchor);
    expect(titles).toContain('Kept case / Оставленное дело');
    expect(titles).not.toContain(DELETED);
    // Main's anchor file holds one epoch key now, and not the one the deleted case was wrapped under.
    const file = await readFile(path.join(folder, 'anchors', `${(await repository.readHeader())!.vaultId}.anchor`));
    expect(file.byteLength).toBe(2048);
  });

  it('desktop: with the epoch key of the time before the delete, the same rows would open (what was destroyed is what mattered)', async () => {
    const { anchor, store } = desktopAnchorIn(path.join(folder, 'anchors'));
    const factory = new IDBFactory();
    const repository = makeRepository(factory);
    const service = makeService(repository, undefined, anchor);
    const { recoveryKey } = await service.session.create(PASSPHRASE);
    const doomed = await service.cases.createCase(makeCase({ title: DELETED }));
    const history = [await dumpDatabase(repository)];
    const vaultId = (await repository.readHeader())!.vaultId;
    const saved = (await store.read(vaultId))!;
    const copyBefore = desktopAnchorIn(path.join(folder, 'copy')).anchor;
    await copyBefore.reset(vaultId, saved);
    await service.cases.deleteCase(doomed.caseTag);
    const withOldKey = await examinerKeys(repository, history, recoveryKey, copyBefore);
    expect((await recovered(history, withOldKey, { caseTag: doomed.caseTag, manifest: noDocument })).text).toBe(true);
    const withToday = await examinerKeys(repository, history, recoveryKey, anchor);
    expect((await recovered(history, withToday, { caseTag: doomed.caseTag, manifest: noDocument })).text).toBe(false);
  });

  it('web edition: the epoch key lives in IndexedDB, so old rows can bring a deleted case back, as the app says', async () => {
    const { repository, recoveryKey, history, doomed } = await deleteAfterUse(null);
    const keys = await examinerKeys(repository, history, recoveryKey, null);
    expect(await recovered(history, keys, doomed)).toEqual({ text: true, document: true });
  });
});

const noDocument = { id: 'none', chunkCount: 1, chunkSize: 1, size: 0, name: '', noncePrefix: '' };

describe('the tamperer: rows rolled back, removed or added', () => {
  /** Two cases on two pages, each with a document; the state of IndexedDB after each step. */
  async function twoPages(anchor: VaultAnchor | null) {
    const factory = new IDBFactory();
    const repository = makeRepository(factory);
    const service = makeService(repository, undefined, anchor);
    await service.session.create(PASSPHRASE);
    const make = async (title: string) => {
      const created = await service.cases.createCase(makeCase({ title }));
      return service.cases.importAttachment(created, new Blob([new Uint8Array(3000).fill(7)]), {
        name: `${title}.pdf`,
        type: 'application/pdf',
      });
    };
    const first = await make('Первое дело');
    let second = await make('Второе дело');
    while (pageOf(second.caseTag) === pageOf(first.caseTag)) {
      await service.cases.deleteCase(second.caseTag);
      second = await make('Второе дело');
    }
    const before = await dumpDatabase(repository);
    const edited = await service.cases.updateCase(first, makeCase({ title: 'Первое дело, изменённое' }));
    return { factory, repository, service, first: edited, second, before };
  }
  const pageOf = (caseTag: string) => `p4-${pageIdOf(caseTag, 4).split('-')[1]}`;
  const chunkCount = (repository: VaultRepository) => repository.db.parts.count();
  const reasons = (failures: readonly { params: Readonly<Record<string, string | number>> }[]) =>
    failures.map((f) => `${String(f.params.reason ?? 'unreadable')} ${String(f.params.rowId)}`);

  it('a page put back from before its last save is named, and no document is swept', async () => {
    const { repository, first, before } = await twoPages(null);
    const page = pageOf(first.caseTag);
    await repository.db.pages.put((before.pages as PageRow[]).find((row) => row.id === page)!);
    const chunks = await chunkCount(repository);
    const opened = await makeService(repository).session.unlock(PASSPHRASE);
    expect(reasons(opened.failures)).toEqual([`page-rolled-back ${page}`]);
    expect(await chunkCount(repository)).toBe(chunks);
    // Its cases cannot be saved over while it stands.
    const again = makeService(repository);
    await again.session.unlock(PASSPHRASE);
    await expect(again.cases.updateCase(first, makeCase({ title: 'Поверх' }))).rejects.toMatchObject({
      code: 'integrity',
    });
  });

  it('a page removed is named, its cases’ documents stay, and nothing is swept', async () => {
    const { repository, second } = await twoPages(null);
    const page = pageOf(second.caseTag);
    await repository.db.pages.delete(page);
    const chunks = await chunkCount(repository);
    const opened = await makeService(repository).session.unlock(PASSPHRASE);
    expect(reasons(opened.failures)).toEqual([`page-missing ${page}`]);
    expect(opened.cases.map((c) => c.record.title)).toEqual(['Первое дело, изменённое']);
    expect(await chunkCount(repository)).toBe(chunks);
  });

  it('a page that should not be there is named, and nothing is swept', async () => {
    const { repository, service, second } = await twoPages(null);
    const page = pageOf(second.caseTag);
    const old = (await repository.db.pages.get(page))!;
    const oldSearch = (await repository.db.searchPages.get(page))!;
    // The page's only case is deleted (its page row goes), then the old page row is put back.
    await service.cases.deleteCase(second.caseTag);
    await repository.db.pages.put(old);
    await repository.db.searchPages.put(oldSearch);
    const chunks = await chunkCount(repository);
    const opened = await makeService(repository).session.unlock(PASSPHRASE);
    // Named once: its key belongs to an epoch the vault left (a page that still opened would be
    // named as not listed in the manifest; see the manifest's own test).
    expect(reasons(opened.failures)).toEqual([`unreadable ${page}`]);
    expect(opened.failures[0]).toMatchObject({ table: 'pages', rowId: page });
    expect(await chunkCount(repository)).toBe(chunks);
  });

  it('desktop: the whole store put back from an older copy, manifest and all, is named at unlock', async () => {
    const { anchor } = desktopAnchorIn(path.join(folder, 'anchors'));
    const { repository, service, before } = await twoPages(anchor);
    // The copy is older by one save. The anchor's counter went on.
    await service.session.epochs.settled();
    await repository.db.transaction('rw', repository.db.tables, async () => {
      for (const table of repository.db.tables) {
        await table.clear();
        await table.bulkPut(before[table.name] ?? []);
      }
    });
    const chunks = await chunkCount(repository);
    const opened = await makeService(repository, undefined, anchor).session.unlock(PASSPHRASE);
    expect(reasons(opened.failures)).toEqual(['store-rolled-back manifest']);
    expect(await chunkCount(repository)).toBe(chunks);
  });
});

describe('backups and key epochs', () => {
  it('a backup carries the epoch key sealed; restored on the desktop, the key goes to the anchor and never into IndexedDB', async () => {
    const { anchor } = desktopAnchorIn(path.join(folder, 'anchors'));
    const source = makeService(makeRepository(), undefined, anchor);
    await source.session.create(PASSPHRASE);
    await source.cases.createCase(makeCase({ title: 'Дело в копии' }));
    const doomed = await source.cases.createCase(makeCase({ title: DELETED }));
    await source.cases.deleteCase(doomed.caseTag);
    const backup = await source.imports.createBackup();

    const other = desktopAnchorIn(path.join(folder, 'other-laptop')).anchor;
    const repository = makeRepository();
    const restored = makeService(repository, undefined, other);
    const prepared = await restored.imports.prepareRestore(concatBytes(...backup), { passphrase: PASSPHRASE });
    const opened = await prepared.commit();
    expect(opened.failures).toEqual([]);
    expect(opened.cases.map((c) => c.record.title)).toEqual(['Дело в копии']);
    const epoch = (await repository.readEpoch())!;
    expect(epoch.sealed).toBeNull();
    const vaultId = (await repository.readHeader())!.vaultId;
    expect((await other.read(vaultId))?.epochs.map((e) => e.epoch)).toEqual([epoch.epoch]);
    // And it shreds there as well: the next delete moves it on and the anchor keeps only the new key.
    const [kept] = opened.cases;
    await restored.cases.deleteCase(kept!.caseTag);
    expect((await other.read(vaultId))?.epochs.map((e) => e.epoch)).toEqual([epoch.epoch + 1]);
    expect((await restored.session.unlock(PASSPHRASE)).cases).toEqual([]);
  });
});

describe('a vault swapped for another', () => {
  it('is not taken as this device’s vault until the user says so', async () => {
    const marker = memoryMarker();
    const mine = makeService(makeRepository(), marker);
    await mine.session.create(PASSPHRASE);
    // The storage now holds another vault (copied from elsewhere, or planted).
    const planted = makeRepository();
    await makeService(planted).session.create('a planted vault with its own phrase 2026');
    const here = makeService(planted, marker);
    expect(await here.session.probe()).toBe('replaced');
    expect(await here.session.probe()).toBe('replaced');
    await here.session.acceptReplacedVault();
    expect(await here.session.probe()).toBe('locked');
  });
});
