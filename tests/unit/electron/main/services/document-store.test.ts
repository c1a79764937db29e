import { createHash, randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openChunk } from '../../../../../shared/crypto/attachment-chunks';
import { randomId } from '../../../../../shared/crypto/bytes';
import { IntegrityError } from '../../../../../shared/crypto/errors';
import { argon2idHashWasm } from '../../../../../shared/crypto/argon2';
import { dangerousTestOnlyKdfFloor } from '../../../../../shared/crypto/kdf';
import { createCaseKeys, createVaultKeys } from '../../../../../shared/crypto/vault-keys';
import { DocumentStore, type ImportRequest } from '../../../../../electron/main/services/document-store';

const CHUNK = 64 * 1024;
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'qorgau-documents-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A vault's real keys, and a file on disk to import. */
async function setup(size: number) {
  const { keys } = await createVaultKeys({
    passphrase: 'a long enough passphrase for the test',
    argon2id: argon2idHashWasm,
    cost: dangerousTestOnlyKdfFloor,
  });
  const caseTag = randomId();
  const { caseKeys } = await createCaseKeys(keys, caseTag);
  const bytes = new Uint8Array(randomBytes(size));
  const file = path.join(folder, 'Решение суда.pdf');
  await writeFile(file, bytes);
  const attachmentId = randomId();
  const request: ImportRequest = {
    vaultId: keys.vaultId,
    ref: randomId(),
    caseTag,
    attachmentId,
    path: file,
    expectedSize: size,
    key: await caseKeys.attachmentKeyBytes(attachmentId),
    noncePrefix: new Uint8Array(randomBytes(7)),
    chunkSize: CHUNK,
  };
  return { keys, caseKeys, bytes, file, request, store: new DocumentStore(path.join(folder, 'documents')) };
}

async function importWhole(store: DocumentStore, request: ImportRequest, step = 3 * CHUNK + 5) {
  const { importId } = await store.beginImport(request);
  let done = 0;
  while (done < request.expectedSize) done = (await store.stepImport(importId, step)).done;
  return store.finishImport(importId);
}

/** Opens a stored document with the renderer's own key and code, as the app reads it. */
async function openStored(context: Awaited<ReturnType<typeof setup>>, chunkCount: number) {
  const { request, store } = context;
  const key = await context.caseKeys.attachmentKey(request.attachmentId);
  const address = { ...request, noncePrefix: request.noncePrefix };
  const chunks = (await store.readChunks(request, 0, chunkCount + 1)) ?? [];
  expect(chunks).toHaveLength(chunkCount);
  const file = { name: 'doc', size: request.expectedSize, chunkSize: CHUNK, chunkCount };
  const plain = await Promise.all(chunks.map((ct, i) => openChunk(key, address, i, file, ct)));
  return Buffer.concat(plain);
}

async function filesIn(vaultId: string) {
  return readdir(path.join(folder, 'documents', vaultId)).catch(() => []);
}

describe('the desktop document store', () => {
  it.each([
    ['several chunks and a short last one', 3 * CHUNK + 1234],
    ['an exact number of chunks', 4 * CHUNK],
    ['an empty file', 0],
  ])('imports %s so that the renderer opens it with its own key, and reports its SHA-256', async (_, size) => {
    const context = await setup(size);
    const result = await importWhole(context.store, context.request);
    const chunkCount = Math.max(1, Math.ceil(size / CHUNK));
    expect(result).toEqual({
      size,
      sha256: createHash('sha256').update(context.bytes).digest('hex'),
      chunkCount,
    });
    expect(Buffer.compare(await openStored(context, chunkCount), Buffer.from(context.bytes))).toBe(0);
    expect(await context.store.list(context.request.vaultId)).toEqual({
      documents: [{ ref: context.request.ref, chunkCount }],
      legacy: [],
    });
  });

  it('names a file by its row name only, and pads it so its length does not give the size away', async () => {
    const context = await setup(3 * CHUNK + 5);
    await importWhole(context.store, context.request);
    const names = await filesIn(context.request.vaultId);
    expect(names).toEqual([`${context.request.ref}.qdoc`]);
    for (const id of [context.request.caseTag, context.request.attachmentId]) expect(names.join(' ')).not.toContain(id);
    const { size } = await stat(path.join(folder, 'documents', context.request.vaultId, names[0]!));
    // 12 header bytes, three whole chunks, the last chunk (5 bytes and its tag) padded to 4 KiB.
    expect(size).toBe(12 + 3 * (CHUNK + 16) + 4096);
    expect(Buffer.compare(await openStored(context, 4), Buffer.from(context.bytes))).toBe(0);
  });

  it('moves a document of format 1 (named by case tag and attachment id, not padded) to its row name, once', async () => {
    const context = await setup(CHUNK + 700);
    await importWhole(context.store, context.request);
    const folderOf = path.join(folder, 'documents', context.request.vaultId);
    // As format 1 stored it: its exact chunks under the old name and magic.
    const stored = await readFile(path.join(folderOf, `${context.request.ref}.qdoc`));
    const exact = stored.subarray(0, 12 + CHUNK + 16 + 700 + 16);
    exact.write('QORGDOC1', 0, 'latin1');
    await rm(path.join(folderOf, `${context.request.ref}.qdoc`));
    const legacyName = `${context.request.caseTag}.${context.request.attachmentId}.qdoc`;
    await writeFile(path.join(folderOf, legacyName), exact);
    // Read as it is, and swept by nobody: it cannot be named until the page says what it is.
    expect(await context.store.list(context.request.vaultId)).toEqual({
      documents: [],
      legacy: [context.request.attachmentId],
    });
    expect(await context.store.sweep(context.request.vaultId, [])).toBe(0);
    const names = [{ attachmentId: context.request.attachmentId, ref: context.request.ref }];
    expect(await context.store.adopt(context.request.vaultId, names)).toBe(1);
    expect(await filesIn(context.request.vaultId)).toEqual([`${context.request.ref}.qdoc`]);
    const { size } = await stat(path.join(folderOf, `${context.request.ref}.qdoc`));
    expect(size).toBe(12 + CHUNK + 16 + 4096);
    expect(Buffer.compare(await openStored(context, 2), Buffer.from(context.bytes))).toBe(0);
    expect(await context.store.adopt(context.request.vaultId, names)).toBe(0);
  });

  it('stores nothing readable: no plaintext of the file is on disk', async () => {
    const context = await setup(2 * CHUNK);
    const marker = Buffer.from('КАНАРЕЙКА-ЖУРНАЛИСТ Әділет');
    Buffer.from(context.bytes).fill(0, 0, 4096);
    marker.copy(Buffer.from(context.bytes.buffer), 100);
    await writeFile(context.file, context.bytes);
    await importWhole(context.store, context.request);
    const [name] = await filesIn(context.request.vaultId);
    const stored = await readFile(path.join(folder, 'documents', context.request.vaultId, name!));
    expect(stored.includes(marker)).toBe(false);
    expect(stored.includes(Buffer.alloc(1024))).toBe(false);
  });

  it('a changed or moved byte in a stored document fails to open, naming the part', async () => {
    const context = await setup(2 * CHUNK + 10);
    await importWhole(context.store, context.request);
    const [name] = await filesIn(context.request.vaultId);
    const stored = path.join(folder, 'documents', context.request.vaultId, name!);
    const bytes = await readFile(stored);
    bytes[12 + CHUNK + 16 + 5]! ^= 1;
    await writeFile(stored, bytes);
    await expect(openStored(context, 3)).rejects.toThrow(/part 2 of 3 of the file "doc" was changed or damaged/);
    await expect(openStored(context, 3)).rejects.toBeInstanceOf(IntegrityError);
  });

  it('a document file of a newer format is refused as such, never half read; a file of another kind as not ours', async () => {
    const context = await setup(CHUNK + 10);
    await importWhole(context.store, context.request);
    const [name] = await filesIn(context.request.vaultId);
    const stored = path.join(folder, 'documents', context.request.vaultId, name!);
    const bytes = await readFile(stored);
    bytes.write('QORGDOC3', 0, 'latin1');
    await writeFile(stored, bytes);
    await expect(context.store.readChunks(context.request, 0, 1)).rejects.toThrow(/made by a newer Qorgau \(format 3/);
    bytes.write('QORGDOCX', 0, 'latin1');
    await writeFile(stored, bytes);
    await expect(context.store.readChunks(context.request, 0, 1)).rejects.toThrow(/not a Qorgau document file/);
  });

  it('refuses a file that grew or shrank since it was chosen, and leaves nothing behind', async () => {
    const grown = await setup(2 * CHUNK);
    await appendFile(grown.file, 'more');
    await expect(importWhole(grown.store, grown.request)).rejects.toThrow(/changed after it was chosen/);
    expect(await filesIn(grown.request.vaultId)).toEqual([]);

    // A step seals at least a block (four chunks), and the next block is read ahead.
    const context = await setup(16 * CHUNK);
    const { importId } = await context.store.beginImport(context.request);
    expect(await context.store.stepImport(importId, CHUNK)).toEqual({ done: 4 * CHUNK });
    await truncate(context.file, 10 * CHUNK);
    await expect(context.store.stepImport(importId, 8 * CHUNK)).rejects.toThrow(/changed while it was read/);
    expect(await filesIn(context.request.vaultId)).toEqual([]);
    await expect(context.store.finishImport(importId)).rejects.toThrow(/stopped or has already finished/);

    const longer = await setup(2 * CHUNK);
    const begun = await longer.store.beginImport(longer.request);
    await longer.store.stepImport(begun.importId, 4 * CHUNK);
    await appendFile(longer.file, 'more');
    await expect(longer.store.finishImport(begun.importId)).rejects.toThrow(/changed while it was read/);
    expect(await filesIn(longer.request.vaultId)).toEqual([]);
  });

  it('an abandoned import leaves nothing once aborted, and the sweep keeps only live documents', async () => {
    const context = await setup(3 * CHUNK);
    const { importId } = await context.store.beginImport(context.request);
    await context.store.stepImport(importId, CHUNK);
    expect(await filesIn(context.request.vaultId)).toHaveLength(1);
    // A running import's part file survives a sweep; it is not a leftover.
    expect(await context.store.sweep(context.request.vaultId, [])).toBe(0);
    expect(await context.store.abortImport(importId)).toBe(true);
    expect(await filesIn(context.request.vaultId)).toEqual([]);

    const kept = { ...context.request, ref: randomId(), attachmentId: randomId() };
    const dropped = { ...context.request, ref: randomId(), attachmentId: randomId() };
    const otherCase = { ...context.request, ref: randomId(), caseTag: randomId(), attachmentId: randomId() };
    for (const request of [kept, dropped, otherCase]) await importWhole(context.store, request);
    // Part files from a crash are leftovers (of either format's names).
    await writeFile(path.join(folder, 'documents', context.request.vaultId, `${randomId()}.${randomId()}.part`), 'x');
    await writeFile(path.join(folder, 'documents', context.request.vaultId, `${randomId()}.part`), 'x');
    expect(await context.store.sweep(context.request.vaultId, [kept.ref, otherCase.ref])).toBe(3);
    expect(await context.store.remove(context.request.vaultId, [otherCase.ref])).toBe(1);
    expect((await context.store.list(context.request.vaultId)).documents.map((d) => d.ref)).toEqual([kept.ref]);
    expect(await context.store.readChunks(dropped, 0, 1)).toBeNull();
  });

  it('an import stopped while a step runs fails that step, and nothing of it is written afterwards', async () => {
    const context = await setup(256 * CHUNK);
    const { importId } = await context.store.beginImport(context.request);
    const step = expect(context.store.stepImport(importId, 256 * CHUNK)).rejects.toThrow();
    expect(await context.store.abortImport(importId)).toBe(true);
    await step;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await filesIn(context.request.vaultId)).toEqual([]);
    await expect(context.store.finishImport(importId)).rejects.toThrow(/stopped or has already finished/);
  });

  it('refuses ids that are not random ids, a folder, and a key of the wrong size', async () => {
    const context = await setup(10);
    await expect(
      context.store.beginImport({ ...context.request, attachmentId: '../../escape-attempt-xx' }),
    ).rejects.toThrow(/malformed document address/);
    await expect(context.store.readChunks({ ...context.request, ref: '..' }, 0, 1)).rejects.toThrow(
      /malformed document address/,
    );
    await expect(context.store.beginImport({ ...context.request, path: folder, expectedSize: 0 })).rejects.toThrow(
      /only a regular file/,
    );
    await expect(context.store.beginImport({ ...context.request, key: new Uint8Array(16) })).rejects.toThrow(
      /32 bytes/,
    );
    await expect(context.store.beginImport({ ...context.request, path: 'relative.pdf' })).rejects.toThrow(
      /absolute path/,
    );
    expect(await filesIn(context.request.vaultId)).toEqual([]);
  });
});
