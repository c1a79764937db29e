import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { argon2idHashWasm } from '../../../../shared/crypto/argon2';
import { dangerousTestOnlyKdfFloor } from '../../../../shared/crypto/kdf';
import { createCaseKeys, createVaultKeys } from '../../../../shared/crypto/vault-keys';
import type { AttachmentManifest } from '../../../../shared/domain/attachment';
import {
  ATTACHMENT_CHUNK_SIZE,
  type RepositoryOptions,
  type VaultRepository,
} from '../../../../renderer/src/db/vault-repository';
import { CANARIES, PASSPHRASE, dumpDatabase, findCanaries, makeRepository } from '../../../fixtures/vault';

async function setup(options: RepositoryOptions = {}) {
  const repository = makeRepository(undefined, options);
  const { header, keys } = await createVaultKeys({
    passphrase: PASSPHRASE,
    argon2id: argon2idHashWasm,
    cost: dangerousTestOnlyKdfFloor,
  });
  await repository.createHeader(header);
  await repository.openNames(keys);
  const { caseKeys } = await createCaseKeys(keys, 'case-1');
  return { repository, keys, caseKeys };
}

/** The row name a document's chunks are stored under. */
const refOf = (repository: VaultRepository, attachmentId: string) => repository.rowNames().documentRef(attachmentId);

/** A file of `size` bytes with a canary in its first and last chunk. */
function makeFile(size: number): { blob: Blob; bytes: Uint8Array } {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + 7) & 0xff;
  const canary = new TextEncoder().encode(CANARIES[1]);
  bytes.set(canary, 10);
  bytes.set(canary, size - canary.byteLength - 10);
  return { blob: new Blob([bytes]), bytes };
}

async function readAll(
  repository: VaultRepository,
  setupResult: Awaited<ReturnType<typeof setup>>,
  manifest: AttachmentManifest,
) {
  const parts: Uint8Array[] = [];
  for await (const part of repository.readAttachment(setupResult.keys, setupResult.caseKeys, manifest))
    parts.push(part);
  return Buffer.concat(parts);
}

describe('attachments', () => {
  it('stores a file as encrypted chunks and gives back the same bytes with their SHA-256', async () => {
    const context = await setup();
    const { blob, bytes } = makeFile(2 * ATTACHMENT_CHUNK_SIZE + 12_345);
    const progress: number[] = [];
    const manifest = await context.repository.importAttachment(
      context.keys,
      context.caseKeys,
      blob,
      { name: 'Решение суда.pdf', type: 'application/pdf' },
      { onProgress: (done) => progress.push(done) },
    );
    expect(manifest).toMatchObject({ name: 'Решение суда.pdf', size: bytes.byteLength, chunkCount: 3 });
    expect(manifest.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(progress).toEqual([ATTACHMENT_CHUNK_SIZE, 2 * ATTACHMENT_CHUNK_SIZE, bytes.byteLength]);
    expect(Buffer.compare(await readAll(context.repository, context, manifest), Buffer.from(bytes))).toBe(0);
    expect(findCanaries(await dumpDatabase(context.repository))).toEqual([]);
  });

  it('asks the host for a collection every 16 MiB written during a large import, never for a small file', async () => {
    let collections = 0;
    const context = await setup({ collectGarbage: () => (collections += 1) });
    const small = makeFile(3 * ATTACHMENT_CHUNK_SIZE);
    await context.repository.importAttachment(context.keys, context.caseKeys, small.blob, { name: 'a.pdf', type: '' });
    expect(collections).toBe(0);
    // 34 chunks: collections once 16 and once 32 chunks are written, none after the last write.
    const large = makeFile(34 * ATTACHMENT_CHUNK_SIZE);
    const manifest = await context.repository.importAttachment(context.keys, context.caseKeys, large.blob, {
      name: 'Видео допроса.mp4',
      type: 'video/mp4',
    });
    expect(collections).toBe(2);
    expect(manifest.sha256).toBe(createHash('sha256').update(large.bytes).digest('hex'));
  });

  it('stores an empty file as one final chunk', async () => {
    const context = await setup();
    const manifest = await context.repository.importAttachment(context.keys, context.caseKeys, new Blob([]), {
      name: 'empty.txt',
      type: 'text/plain',
    });
    expect(manifest.chunkCount).toBe(1);
    expect((await readAll(context.repository, context, manifest)).byteLength).toBe(0);
  });

  it('leaves nothing behind when the import is cancelled halfway', async () => {
    const context = await setup();
    const controller = new AbortController();
    const { blob } = makeFile(4 * ATTACHMENT_CHUNK_SIZE);
    await expect(
      context.repository.importAttachment(
        context.keys,
        context.caseKeys,
        blob,
        { name: 'big.bin', type: '' },
        {
          signal: controller.signal,
          onProgress: (done) => done >= 2 * ATTACHMENT_CHUNK_SIZE && controller.abort(),
        },
      ),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(await context.repository.db.parts.count()).toBe(0);
  });

  it.each([
    [
      'a flipped byte',
      async (r: VaultRepository, id: string) => {
        const row = (await r.db.parts.get([await refOf(r, id), 1]))!;
        const ct = new Uint8Array(row.ct);
        ct[100] = (ct[100] ?? 0) ^ 0x01;
        await r.db.parts.put({ ...row, ct });
      },
      /part 2 of 3 of the file "Протокол\.pdf" was changed or damaged/,
    ],
    [
      'a missing chunk',
      async (r: VaultRepository, id: string) => {
        await r.db.parts.delete([await refOf(r, id), 2]);
      },
      /part 3 of 3 of the file "Протокол\.pdf" is missing/,
    ],
    [
      'two chunks swapped',
      async (r: VaultRepository, id: string) => {
        const a = (await r.db.parts.get([await refOf(r, id), 0]))!;
        const b = (await r.db.parts.get([await refOf(r, id), 1]))!;
        await r.db.parts.bulkPut([
          { ...a, ct: b.ct },
          { ...b, ct: a.ct },
        ]);
      },
      /part 1 of 3 of the file "Протокол\.pdf" was changed or damaged/,
    ],
  ])('refuses to release bytes after %s, naming the file', async (_name, damage, expected) => {
    const context = await setup();
    const manifest = await context.repository.importAttachment(
      context.keys,
      context.caseKeys,
      makeFile(2 * ATTACHMENT_CHUNK_SIZE + 1).blob,
      {
        name: 'Протокол.pdf',
        type: 'application/pdf',
      },
    );
    const other = await context.repository.importAttachment(context.keys, context.caseKeys, makeFile(1000).blob, {
      name: 'other.txt',
      type: 'text/plain',
    });
    await damage(context.repository, manifest.id);
    await expect(readAll(context.repository, context, manifest)).rejects.toThrow(expected);
    expect((await readAll(context.repository, context, other)).byteLength).toBe(1000);
  });

  it('refuses the last chunk replayed as a middle one (truncation is detected by the final flag)', async () => {
    const context = await setup();
    const manifest = await context.repository.importAttachment(
      context.keys,
      context.caseKeys,
      makeFile(ATTACHMENT_CHUNK_SIZE + 5).blob,
      {
        name: 'a.bin',
        type: '',
      },
    );
    const ref = await refOf(context.repository, manifest.id);
    const last = (await context.repository.db.parts.get([ref, 1]))!;
    // The last chunk (padded, and sealed as the last) is refused in the middle.
    await context.repository.db.parts.put({ ...last, index: 0 });
    await expect(readAll(context.repository, context, manifest)).rejects.toMatchObject({ code: 'integrity' });
  });

  it('collects the chunks of an import that died before its manifest', async () => {
    const context = await setup();
    const kept = await context.repository.importAttachment(context.keys, context.caseKeys, makeFile(1000).blob, {
      name: 'kept',
      type: '',
    });
    const dead = await refOf(context.repository, 'dead-import');
    await context.repository.db.parts.bulkPut([
      { ref: dead, index: 0, ct: new Uint8Array(32) },
      { ref: dead, index: 1, ct: new Uint8Array(32) },
    ]);
    expect(await context.repository.collectOrphanChunks(context.keys.vaultId, new Set([kept.id]))).toBe(2);
    const ref = await refOf(context.repository, kept.id);
    expect(await context.repository.db.parts.where('ref').equals(ref).count()).toBe(1);
  });

  it('reports a full disk as a quota error and keeps no partial file', async () => {
    const context = await setup();
    let writes = 0;
    context.repository.db.parts.hook('creating', () => {
      writes += 1;
      if (writes === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(
      context.repository.importAttachment(context.keys, context.caseKeys, makeFile(3 * ATTACHMENT_CHUNK_SIZE).blob, {
        name: 'x',
        type: '',
      }),
    ).rejects.toMatchObject({ code: 'quota-exceeded', message: expect.stringContaining('nothing was saved half') });
    expect(await context.repository.db.parts.count()).toBe(0);
  });
});
