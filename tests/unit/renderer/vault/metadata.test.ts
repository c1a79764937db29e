import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { concatBytes } from '../../../../shared/crypto/bytes';
import type { CaseFile } from '../../../../shared/domain/case-file';
import type { VaultRepository } from '../../../../renderer/src/db/vault-repository';
import { desktopDocumentsIn } from '../../../fixtures/desktop-documents';
import { appOverFixtureSet, loadFixtureSet } from '../../../fixtures/formats/fixture-set';
import {
  PASSPHRASE,
  dumpDatabase,
  findCanaries,
  makeCase,
  makeRepository,
  makeService,
  wholeCases,
} from '../../../fixtures/vault';

/**
 * What a seized disk tells without any key (issue 18, item 8): the keys and fields IndexedDB holds
 * in the clear, the desktop app's file names, and the lengths of what is stored. None may name a
 * case or a document (their tags and ids are the same in every vault a package reaches, so they
 * would link two laptops and count and group what each holds), and no stored document may give
 * its exact size away.
 */
let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'qorgau-metadata-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const MIB = 1024 * 1024;
/** A size an examiner would recognise if it were stored exactly: 3 MiB and 5 bytes. */
const ODD_SIZE = 3 * MIB + 5;

const idsOf = (cases: readonly CaseFile[]) => cases.flatMap((c) => [c.caseTag, ...c.attachments.map((a) => a.id)]);

describe('metadata a seized disk shows without the passphrase', () => {
  it('web edition: no IndexedDB key or field names a case or document, and no chunk tells a size', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    let a = await service.cases.createCase(makeCase({ title: 'Иск к редакции' }));
    a = await service.cases.importAttachment(a, new Blob([new Uint8Array(ODD_SIZE).fill(7)]), {
      name: 'Иск.pdf',
      type: 'application/pdf',
    });
    let b = await service.cases.createCase(makeCase({ title: 'Допрос' }));
    b = await service.cases.importAttachment(b, new Blob([new Uint8Array(300).fill(1)]), { name: 'a.txt', type: '' });

    const dump = await dumpDatabase(repository);
    expect(findCanaries(dump, idsOf([a, b]))).toEqual([]);
    // Nothing is left in the tables of version 2, which were keyed by case tag and attachment id.
    expect(dump.caseKeys).toEqual([]);
    expect(dump.chunks).toEqual([]);

    // Every chunk but each document's last is a whole 1 MiB; the last is padded: 3 MiB + 5 bytes
    // is stored as 3 MiB + 4 KiB, the same as any file of 3 MiB and up to 4 KiB.
    const lengths = async (attachmentId: string) => {
      const ref = await repository.rowNames().documentRef(attachmentId);
      return (await repository.db.parts.where('ref').equals(ref).sortBy('index')).map((row) => row.ct.byteLength);
    };
    expect(await lengths(a.attachments[0]!.id)).toEqual([MIB + 16, MIB + 16, MIB + 16, 4096]);
    expect(await lengths(b.attachments[0]!.id)).toEqual([4096]);
    // And the padding does not change a byte of what is read back.
    const read = concatBytes(...(await service.cases.readAttachment(a, a.attachments[0]!)));
    expect(read.byteLength).toBe(ODD_SIZE);
  });

  it('desktop: a document file is named by neither its case nor its id, and its length is padded', async () => {
    const paths = new WeakMap<File, string>();
    const { documents } = desktopDocumentsIn(path.join(folder, 'documents'), (file) => paths.get(file) ?? '');
    const repository = makeRepository(undefined, { deviceDocuments: documents });
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    const bytes = new Uint8Array(ODD_SIZE).fill(9);
    const onDisk = path.join(folder, 'Постановление.pdf');
    await writeFile(onDisk, bytes);
    const file = new File([bytes], 'Постановление.pdf');
    paths.set(file, onDisk);
    let view = await service.cases.createCase(makeCase({ title: 'Уголовное дело' }));
    view = await service.cases.importAttachment(view, file, { name: 'Постановление.pdf', type: '' });

    const vaultId = (await repository.readHeader())!.vaultId;
    const names = await readdir(path.join(folder, 'documents', vaultId));
    expect(names).toHaveLength(1);
    expect(findCanaries(names, idsOf([view]))).toEqual([]);
    expect(findCanaries(await dumpDatabase(repository), idsOf([view]))).toEqual([]);
    const { size } = await stat(path.join(folder, 'documents', vaultId, names[0]!));
    // The file's 12-byte header, three whole chunks, the last padded to 4 KiB.
    expect(size).toBe(12 + 3 * (MIB + 16) + 4096);
  });

  it('the same case in two vaults (sent as a package) is stored under unrelated names in each', async () => {
    const senderRepository = makeRepository();
    const sender = makeService(senderRepository);
    await sender.session.create(PASSPHRASE);
    let sent = await sender.cases.createCase(makeCase({ title: 'Общее дело' }));
    sent = await sender.cases.importAttachment(sent, new Blob([new Uint8Array(5000).fill(2)]), {
      name: 'b.pdf',
      type: '',
    });
    const { parts, code } = await sender.imports.createCasePackage(sent);
    const receiverRepository = makeRepository();
    const receiver = makeService(receiverRepository);
    await receiver.session.create('another vault entirely, the receiver');
    const opened = await (await receiver.imports.prepareCasePackageImport(concatBytes(...parts), code)).commit();
    const [received] = wholeCases(receiver, opened);
    expect(received!.caseTag).toBe(sent.caseTag);
    expect(received!.attachments[0]!.id).toBe(sent.attachments[0]!.id);

    // Neither vault names the case or its document in the clear, and nothing either stores
    // under a name is stored under the same name in the other.
    expect(findCanaries(await dumpDatabase(receiverRepository), idsOf([received!]))).toEqual([]);
    expect(findCanaries(await dumpDatabase(senderRepository), idsOf([sent]))).toEqual([]);
    const storedNames = async (repository: VaultRepository) => [
      ...(await repository.db.sealedKeys.toCollection().primaryKeys()),
      ...(await repository.db.parts.toArray()).map((row) => row.ref),
    ];
    const theirs = new Set(await storedNames(receiverRepository));
    expect((await storedNames(senderRepository)).filter((ref) => theirs.has(ref))).toEqual([]);
  });

  it('a vault made before row names is moved under them at its first unlock, and a crash half way is finished by the next', async () => {
    const set = await loadFixtureSet('2026-12-manifest');
    const { service, repository } = await appOverFixtureSet(set, folder);
    const ids = idsOf(set.expected.cases);
    expect(findCanaries(await dumpDatabase(repository), ids).length).toBeGreaterThan(0);

    // The power goes while the chunks are moved: the key rows are moved, the chunks are not.
    const fail = () => {
      throw new DOMException('the power went', 'AbortError');
    };
    repository.db.parts.hook('creating', fail);
    await expect(service.session.unlock(set.expected.passphrase)).rejects.toThrow();
    repository.db.parts.hook('creating').unsubscribe(fail);
    expect(await repository.db.caseKeys.count()).toBe(0);
    expect(await repository.db.chunks.count()).toBeGreaterThan(0);

    const opened = await service.session.unlock(set.expected.passphrase);
    expect(opened.failures).toEqual([]);
    expect(findCanaries(await dumpDatabase(repository), ids)).toEqual([]);
    const vaultId = set.expected.deviceDocumentFiles[0]!.split('/')[0]!;
    expect(findCanaries(await readdir(path.join(folder, 'documents', vaultId)), ids)).toEqual([]);
    for (const file of wholeCases(service, opened))
      for (const manifest of file.attachments) {
        const bytes = concatBytes(...(await service.cases.readAttachment(file, manifest)));
        expect(bytes.byteLength).toBe(set.expected.documents[manifest.name]!.size);
      }
  });
});
