import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { concatBytes } from '../../../../shared/crypto/bytes';
import { desktopDocumentsIn } from '../../../fixtures/desktop-documents';
import { PASSPHRASE, makeCase, makeRepository, makeService, wholeCases } from '../../../fixtures/vault';

/**
 * The desktop app's documents, end to end without Electron: the vault service and repository,
 * the desktop host's adapter, the IPC wrapper and contract, and main's document store on disk.
 */
let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'qorgau-device-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Files "on disk" the way the preload sees them: a File with a path, or one built in memory. */
const paths = new WeakMap<File, string>();
async function diskFile(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<File> {
  const where = path.join(folder, name);
  await writeFile(where, bytes);
  const file = new File([bytes], name, { type: 'application/pdf' });
  paths.set(file, where);
  return file;
}

function bytesOf(size: number, seed: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(size).map((_, i) => (i * seed + 11) & 0xff);
}

async function desktopVault() {
  const { documents, store } = desktopDocumentsIn(path.join(folder, 'documents'), (file) => paths.get(file) ?? '');
  const repository = makeRepository(undefined, { deviceDocuments: documents });
  const service = makeService(repository);
  await service.session.create(PASSPHRASE);
  const vaultId = (await repository.readHeader())!.vaultId;
  const stored = async () => (await readdir(path.join(folder, 'documents', vaultId)).catch(() => [])).sort();
  /** The file a document is stored in: named by its row name, never by its case or id. */
  const fileOf = async (attachmentId: string) => `${await repository.rowNames().documentRef(attachmentId)}.qdoc`;
  return { service, repository, store, vaultId, stored, fileOf };
}

describe('documents in the desktop app', () => {
  it('a file from disk is encrypted by main into its own file, not IndexedDB, and reads back whole', async () => {
    const { service, repository, stored, fileOf } = await desktopVault();
    const bytes = bytesOf(2 * 1024 * 1024 + 777, 13);
    const view = await service.cases.createCase(makeCase({ title: 'Дело с документом' }));
    const progress: number[] = [];
    const withFile = await service.cases.importAttachment(
      view,
      await diskFile('Решение.pdf', bytes),
      {
        name: 'Решение.pdf',
        type: 'application/pdf',
      },
      { onProgress: (done) => progress.push(done) },
    );
    const [manifest] = withFile.attachments;
    expect(manifest).toMatchObject({ size: bytes.byteLength, chunkCount: 3 });
    expect(manifest!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(progress.at(-1)).toBe(bytes.byteLength);
    expect(await repository.db.parts.count()).toBe(0);
    expect(await stored()).toEqual([await fileOf(manifest!.id)]);
    expect(
      Buffer.compare(Buffer.concat(await service.cases.readAttachment(withFile, manifest!)), Buffer.from(bytes)),
    ).toBe(0);
  });

  it('a file built in memory (no path) is encrypted in the page and kept in IndexedDB, as in the web edition', async () => {
    const { service, repository, stored } = await desktopVault();
    const bytes = bytesOf(5000, 7);
    const view = await service.cases.createCase(makeCase());
    const withFile = await service.cases.importAttachment(view, new File([bytes], 'scan.png'), {
      name: 'scan.png',
      type: '',
    });
    expect(await stored()).toEqual([]);
    expect(await repository.db.parts.count()).toBe(1);
    const read = Buffer.concat(await service.cases.readAttachment(withFile, withFile.attachments[0]!));
    expect(Buffer.compare(read, Buffer.from(bytes))).toBe(0);
  });

  it('deleting a document or a case deletes its files; a leftover is swept at the next unlock', async () => {
    const { service, store, vaultId, stored, fileOf } = await desktopVault();
    let one = await service.cases.createCase(makeCase({ title: 'Первое дело' }));
    one = await service.cases.importAttachment(one, await diskFile('a.pdf', bytesOf(100, 3)), {
      name: 'a.pdf',
      type: '',
    });
    one = await service.cases.importAttachment(one, await diskFile('b.pdf', bytesOf(200, 5)), {
      name: 'b.pdf',
      type: '',
    });
    let two = await service.cases.createCase(makeCase({ title: 'Второе дело' }));
    two = await service.cases.importAttachment(two, await diskFile('c.pdf', bytesOf(300, 9)), {
      name: 'c.pdf',
      type: '',
    });
    expect(await stored()).toHaveLength(3);

    one = await service.cases.deleteAttachment(one, one.attachments[0]!);
    expect(await stored()).toEqual([await fileOf(one.attachments[0]!.id), await fileOf(two.attachments[0]!.id)].sort());
    await service.cases.deleteCase(two.caseTag);
    expect(await stored()).toEqual([await fileOf(one.attachments[0]!.id)]);

    // An import that died before its document was stored with the case: no case refers to it.
    const { importId } = await store.beginImport({
      vaultId,
      ref: 'BBBBBBBBBBBBBBBBBBBBBB',
      caseTag: one.caseTag,
      attachmentId: 'AAAAAAAAAAAAAAAAAAAAAA',
      path: path.join(folder, 'a.pdf'),
      expectedSize: 100,
      key: new Uint8Array(32),
      noncePrefix: new Uint8Array(7),
      chunkSize: 1024 * 1024,
    });
    await store.stepImport(importId, 1024);
    await store.finishImport(importId);
    expect(await stored()).toHaveLength(2);
    service.session.lock();
    const opened = await service.session.unlock(PASSPHRASE);
    expect(await stored()).toEqual([await fileOf(one.attachments[0]!.id)]);
    const kept = wholeCases(service, opened).find((c) => c.caseTag === one.caseTag)!;
    expect(
      Buffer.compare(
        Buffer.concat(await service.cases.readAttachment(kept, kept.attachments[0]!)),
        Buffer.from(bytesOf(200, 5)),
      ),
    ).toBe(0);
  });

  it('a backup carries the desktop documents, and restores them in a vault without a document store', async () => {
    const { service } = await desktopVault();
    const bytes = bytesOf(1024 * 1024 + 3, 17);
    let view = await service.cases.createCase(makeCase({ title: 'Дело для копии' }));
    view = await service.cases.importAttachment(view, await diskFile('Иск.pdf', bytes), { name: 'Иск.pdf', type: '' });
    const backup = concatBytes(...(await service.imports.createBackup()));

    const web = makeService(makeRepository());
    const restored = await (await web.imports.prepareRestore(backup, { passphrase: PASSPHRASE })).commit();
    const copy = wholeCases(web, restored).find((c) => c.caseTag === view.caseTag)!;
    expect(copy.attachments[0]!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(
      Buffer.compare(Buffer.concat(await web.cases.readAttachment(copy, copy.attachments[0]!)), Buffer.from(bytes)),
    ).toBe(0);
  });

  it('a cancelled import keeps nothing, in the vault or on disk', async () => {
    const { service, stored } = await desktopVault();
    const view = await service.cases.createCase(makeCase());
    const cancel = new AbortController();
    const importing = service.cases.importAttachment(
      view,
      await diskFile('big.pdf', bytesOf(40 * 1024 * 1024, 3)),
      { name: 'big.pdf', type: '' },
      {
        signal: cancel.signal,
        onProgress: () => cancel.abort(),
      },
    );
    await expect(importing).rejects.toThrow(/import "big.pdf": cancelled; nothing was kept/);
    expect(await stored()).toEqual([]);
    expect(service.cases.caseView(view.caseTag)!.attachments).toEqual([]);
  });

  it('a file that changed on disk since it was chosen is refused, in words a person can read, and nothing is kept', async () => {
    const { service, stored } = await desktopVault();
    const view = await service.cases.createCase(makeCase());
    const file = await diskFile('Протокол.pdf', bytesOf(3000, 5));
    await writeFile(paths.get(file)!, bytesOf(4000, 5));
    await expect(service.cases.importAttachment(view, file, { name: 'Протокол.pdf', type: '' })).rejects.toThrow(
      /^import "Протокол\.pdf": the file changed after it was chosen; nothing was kept\.$/,
    );
    expect(await stored()).toEqual([]);
    expect(service.cases.caseView(view.caseTag)!.attachments).toEqual([]);
  });
});
