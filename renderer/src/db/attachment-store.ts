import {
  noncePrefixOf,
  openChunk,
  padLastChunk,
  sealChunk,
  type ChunkAddress,
} from '../../../shared/crypto/attachment-chunks';
import { randomBytes, randomId, toBase64Url } from '../../../shared/crypto/bytes';
import { VaultError } from '../../../shared/crypto/errors';
import type { CaseKeys, VaultKeys } from '../../../shared/crypto/vault-keys';
import type { AttachmentManifest } from '../../../shared/domain/attachment';
import type { ChunkRow } from '../../../shared/vault-format/vault-rows';
import { PlatformError, type DeviceDocuments } from '../platform/platform';
import { guarded } from './errors';
import { inlineFileHasher, type FileHasher } from './file-hash';
import { BufferPool, PIECE_BUFFERS, pieces } from './file-pieces';
import type { RowNameBook } from './row-name-store';
import type { VaultDatabase } from './vault-db';

/** 1 MiB: large enough that per-chunk overhead (a GCM tag, a row) is negligible. */
export const ATTACHMENT_CHUNK_SIZE = 1024 * 1024;
/**
 * Chunks per durable write. Measured with `npm run bench` at 1,000 cases (200 MiB import, hashed
 * in a worker; peak memory of a 500 MiB import, median of three): 2 → 74–87 MB/s, 88 MiB;
 * 4 → 84–94 MB/s, 105–109 MiB; 8 → 94–107 MB/s, 138–147 MiB (one import). Two: nearly as fast,
 * less held. (60 KiB chunks, below Chromium's blob-wrapping size, were tried with the hash on
 * this thread: 62 MB/s for 17× the rows; 512 KiB chunks at 16 per write: no faster.)
 */
export const CHUNKS_PER_WRITE = 2;

/**
 * Bytes written between two requests for a collection during an import, where the host allows
 * them (the desktop app). Chromium keeps each written chunk's bytes in the browser process (as the
 * blob IndexedDB writes it from) until the page collects the request that wrote it; V8 does not
 * count that memory, so it collects too rarely for it. Measured with `npm run bench` at 10,000
 * cases, 500 MiB imports, peak extra memory (all in the browser process) and 200 MiB import speed:
 * no collections 120–244 MiB, 88–89 MB/s; a full collection every 32 MiB 73–80 MiB, 68 MB/s;
 * every 16 MiB 46–51 MiB, 59–61 MB/s. A minor collection is not enough (69–81 MiB at 1,000 cases).
 * Sixteen: the import holds what the issue allows, and costs a third of its speed for it, at
 * this size of vault (a full collection walks every case held).
 */
const COLLECT_EVERY = 16 * 1024 * 1024;

/** What is known of a document before it is imported: its name, type, and the entry it belongs to (null: the whole case). */
export type DocumentMeta = { readonly name: string; readonly type: string; readonly entryId?: string | null };

/** How an import is followed and stopped. */
export type ImportOptions = {
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
};

/** Which documents to delete once the change that dropped them is stored (a deleted case's, or deleted one by one). */
export type DocumentsGone = { readonly attachmentIds: readonly string[] };

/**
 * Documents: imported chunk by chunk (into IndexedDB by the page, or into the desktop app's own
 * files by main), read back chunk by chunk, each authenticated before it is released, and swept
 * when no document refers to them.
 */
export class AttachmentStore {
  /** How an imported file is hashed: on this thread, or in a worker (the app). */
  private readonly hashFile: FileHasher;
  /** A full collection, where the host allows one (see `COLLECT_EVERY`); else nothing. */
  private readonly collectGarbage: () => void;
  private readonly device: DeviceDocuments | null;

  constructor(
    private readonly db: VaultDatabase,
    private readonly names: RowNameBook,
    options: {
      readonly hashFile?: FileHasher;
      readonly collectGarbage?: () => void;
      readonly deviceDocuments?: DeviceDocuments | null;
    },
  ) {
    this.hashFile = options.hashFile ?? inlineFileHasher;
    this.collectGarbage = options.collectGarbage ?? (() => undefined);
    this.device = options.deviceDocuments ?? null;
  }

  /**
   * Streams a file into the vault, one encrypted chunk at a time (never the whole file in memory),
   * hashing as it goes, and gives back its manifest for the caller to store with the case: until
   * then no document refers to the chunks, and the sweep after the next unlock would remove them.
   * Cancelling removes what was written.
   */
  async importAttachment(
    keys: VaultKeys,
    caseKeys: CaseKeys,
    file: Blob,
    meta: DocumentMeta,
    options: ImportOptions = {},
  ): Promise<AttachmentManifest> {
    if (this.device !== null && file instanceof File) {
      const imported = await this.importOnDevice(this.device, keys, caseKeys, file, meta, options);
      if (imported !== null) return imported;
    }
    const attachmentId = randomId();
    const ref = await this.names.get().documentRef(attachmentId);
    const key = await caseKeys.attachmentKey(attachmentId);
    const noncePrefix = randomBytes(7);
    const chunkCount = Math.max(1, Math.ceil(file.size / ATTACHMENT_CHUNK_SIZE));
    const address: ChunkAddress = { vaultId: keys.vaultId, caseTag: caseKeys.caseTag, attachmentId, noncePrefix };
    // A pipeline: while one batch of chunks is being written (one durable transaction), the next
    // is read and encrypted, and the pieces before are hashed (on another thread for large files).
    // Only two batches of ciphertext and a few pieces of the file are ever in memory.
    const hash = await this.hashFile(file.size);
    const buffers = new BufferPool(ATTACHMENT_CHUNK_SIZE, PIECE_BUFFERS);
    let hashed: Promise<void> = Promise.resolve();
    let writing: Promise<void> = Promise.resolve();
    const source = pieces(file, ATTACHMENT_CHUNK_SIZE, buffers);
    const changed = () => importRefused('storage', meta.name, 'file-changed');
    let read = 0;
    let collectedAt = 0;
    try {
      for (let first = 0; first < chunkCount; first += CHUNKS_PER_WRITE) {
        const sealing: Array<Promise<ChunkRow>> = [];
        for (let index = first; index < Math.min(chunkCount, first + CHUNKS_PER_WRITE); index += 1) {
          if (options.signal?.aborted) throw importRefused('cancelled', meta.name, 'cancelled');
          const next = await source.next();
          if (next.done === true) throw changed();
          const plain = next.value;
          read += plain.byteLength;
          options.onProgress?.(Math.min(file.size, read), file.size);
          // WebCrypto copies the piece when called, so its buffer can go to the hasher at once.
          const size = plain.byteLength;
          const last = index === chunkCount - 1;
          sealing.push(
            sealChunk(key, address, index, last, plain).then((ct) => {
              if (ct.byteLength !== size + 16) throw importRefused('storage', meta.name, 'not-whole');
              return { ref, index, ct: last ? padLastChunk(ct, ATTACHMENT_CHUNK_SIZE) : ct };
            }),
          );
          const piece = hash.update(plain).then(
            (buffer) => buffers.give(buffer),
            (error: unknown) => {
              // The loop waits for a buffer to read into: it stops with this error.
              buffers.fail(error);
              throw error;
            },
          );
          hashed = Promise.all([hashed, piece]).then(() => undefined);
          // A failure surfaces at the next await; never as an unhandled rejection meanwhile.
          hashed.catch(() => undefined);
        }
        const rows = await Promise.all(sealing);
        await writing;
        // Every batch before this one is written now.
        if (first * ATTACHMENT_CHUNK_SIZE - collectedAt >= COLLECT_EVERY) {
          collectedAt = first * ATTACHMENT_CHUNK_SIZE;
          this.collectGarbage();
        }
        writing = guarded('import', async () => {
          await this.db.parts.bulkPut(rows);
        });
        // A failed write surfaces at the next await; never as an unhandled rejection meanwhile.
        writing.catch(() => undefined);
      }
      await writing;
      await hashed;
      if (read !== file.size || (await source.next()).done !== true) throw changed();
      if (options.signal?.aborted) throw importRefused('cancelled', meta.name, 'cancelled');
      return manifestOf(caseKeys, attachmentId, noncePrefix, meta, {
        size: file.size,
        sha256: await hash.digest(),
        chunkCount,
      });
    } catch (error) {
      hash.close();
      buffers.fail(error);
      await source.return();
      await writing.catch(() => undefined);
      await this.db.parts.where('ref').equals(ref).delete();
      throw error;
    }
  }

  /**
   * The desktop app's import: main reads the file from disk, hashes it and seals its chunks with
   * this attachment's key (given as bytes for this one file, zeroed here once sent), into a file
   * of its own. Null when the file is not on disk, for the page to encrypt it itself.
   */
  private async importOnDevice(
    device: DeviceDocuments,
    keys: VaultKeys,
    caseKeys: CaseKeys,
    file: File,
    meta: DocumentMeta,
    options: ImportOptions,
  ): Promise<AttachmentManifest | null> {
    const attachmentId = randomId();
    const noncePrefix = randomBytes(7);
    const key = await caseKeys.attachmentKeyBytes(attachmentId);
    const ref = await this.names.get().documentRef(attachmentId);
    const address = { vaultId: keys.vaultId, ref, caseTag: caseKeys.caseTag, attachmentId };
    let stored: Awaited<ReturnType<DeviceDocuments['importFile']>>;
    try {
      stored = await device.importFile(
        file,
        { ...address, key, noncePrefix, chunkSize: ATTACHMENT_CHUNK_SIZE },
        options,
      );
    } catch (error) {
      if (options.signal?.aborted) throw importRefused('cancelled', meta.name, 'cancelled');
      const reason =
        error instanceof PlatformError ? error.reason : error instanceof Error ? error.message : String(error);
      throw importRefused('storage', meta.name, 'host', reason);
    } finally {
      key.fill(0);
    }
    if (stored === null) return null;
    // Cancelled as the last step finished: as in the page, nothing is kept.
    if (options.signal?.aborted) {
      await this.removeFromDevice(keys.vaultId, { attachmentIds: [attachmentId] });
      throw importRefused('cancelled', meta.name, 'cancelled');
    }
    if (stored.size !== file.size || stored.chunkCount !== Math.max(1, Math.ceil(file.size / ATTACHMENT_CHUNK_SIZE))) {
      await this.removeFromDevice(keys.vaultId, { attachmentIds: [attachmentId] });
      throw importRefused('storage', meta.name, 'file-changed');
    }
    return manifestOf(caseKeys, attachmentId, noncePrefix, meta, stored);
  }

  /**
   * Deletes documents from the desktop app's store once the change that dropped them is stored.
   * Best effort: what a failure leaves, no case refers to any more, and the sweep after the
   * next unlock deletes it (a deleted case's documents need a key that no longer exists).
   */
  async removeFromDevice(vaultId: string, gone: DocumentsGone | undefined): Promise<void> {
    if (this.device === null || !gone?.attachmentIds.length) return;
    const names = this.names.get();
    const refs = await Promise.all(gone.attachmentIds.map((id) => names.documentRef(id)));
    await this.device.remove(vaultId, refs).catch(() => undefined);
  }

  /** The row names of documents (see row-names.ts): what their chunks and files are stored under. */
  refsOf(attachmentIds: readonly string[]): Promise<string[]> {
    const names = this.names.get();
    return Promise.all(attachmentIds.map((id) => names.documentRef(id)));
  }

  /**
   * Yields an attachment's bytes chunk by chunk; each chunk is authenticated before it is
   * released, and a missing, damaged, reordered or truncated chunk stops the read with an error
   * that names the file.
   */
  async *readAttachment(keys: VaultKeys, caseKeys: CaseKeys, manifest: AttachmentManifest): AsyncGenerator<Uint8Array> {
    const key = await caseKeys.attachmentKey(manifest.id);
    const ref = await this.names.get().documentRef(manifest.id);
    const address: ChunkAddress = {
      vaultId: keys.vaultId,
      caseTag: caseKeys.caseTag,
      attachmentId: manifest.id,
      noncePrefix: noncePrefixOf(manifest.noncePrefix, manifest.id),
    };
    // Batches of chunks are read in one transaction each (or one call to the desktop app's
    // store, where the document is there) and decrypted in parallel; the next batch is read while
    // this one is yielded.
    const count = (first: number) => Math.min(manifest.chunkCount, first + CHUNKS_PER_WRITE) - first;
    const fromVault = async (first: number) => {
      const keys: Array<[string, number]> = [];
      for (let i = first; i < first + count(first); i += 1) keys.push([ref, i]);
      const rows = await guarded('open-document', () => this.db.parts.bulkGet(keys));
      return rows.map((row) => row?.ct);
    };
    const device = this.device;
    // Unknown until the first batch: whether the document is in the desktop app's store.
    let onDevice: boolean | null = device === null ? false : null;
    const read = async (first: number): Promise<Array<Uint8Array | undefined>> => {
      if (device === null || onDevice === false) return fromVault(first);
      const where = { vaultId: keys.vaultId, ref };
      const stored = await device.readChunks(where, first, count(first)).catch((error: unknown) => {
        throw new VaultError(
          'storage',
          `open "${manifest.name}": ${error instanceof Error ? error.message : String(error)}`,
          { reason: 'device-read', name: manifest.name },
        );
      });
      onDevice ??= stored !== null;
      if (stored === null) return onDevice ? [] : fromVault(first);
      return stored;
    };
    const batch = (first: number) =>
      // Decrypted in parallel; if several parts are damaged, the first of them is the one named.
      read(first).then(async (cts) => {
        const opened = await Promise.allSettled(
          Array.from({ length: count(first) }, (_, k) => openChunk(key, address, first + k, manifest, cts[k])),
        );
        const failed = opened.find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
        return opened.map((result) => (result as PromiseFulfilledResult<Uint8Array>).value);
      });
    let next = batch(0);
    for (let first = 0; first < manifest.chunkCount; first += CHUNKS_PER_WRITE) {
      const plains = await next;
      if (first + CHUNKS_PER_WRITE < manifest.chunkCount) {
        next = batch(first + CHUNKS_PER_WRITE);
        next.catch(() => undefined);
      }
      yield* plains;
    }
  }

  /**
   * After unlock: chunks that no document refers to (an import that died half way). Needs the
   * decrypted document lists, so it runs once the vault is open.
   */
  async collectOrphanChunks(vaultId: string, liveAttachmentIds: ReadonlySet<string>): Promise<number> {
    const live = new Set(await this.refsOf([...liveAttachmentIds]));
    const onDevice = this.device ? await this.device.sweep(vaultId, [...live]).catch(() => 0) : 0;
    return onDevice + (await this.collectOrphanRows(live));
  }

  private async collectOrphanRows(liveRefs: ReadonlySet<string>): Promise<number> {
    const orphaned = (keys: ReadonlyArray<[string, number]>) => keys.filter(([ref]) => !liveRefs.has(ref));
    // Look first without writing: a write transaction costs a disk flush even when it changes nothing.
    const seen = orphaned(await guarded('tidy', () => this.db.parts.toCollection().primaryKeys()));
    if (seen.length === 0) return 0;
    return guarded('tidy', () =>
      this.db.transaction('rw', this.db.parts, async () => {
        const orphans = orphaned(await this.db.parts.toCollection().primaryKeys());
        await this.db.parts.bulkDelete(orphans);
        return orphans.length;
      }),
    );
  }
}

/** Why a document's import stopped; the UI words each (`errors.*.import-*`). */
type ImportProblem = 'cancelled' | 'file-changed' | 'not-whole' | 'host';
const IMPORT_PROBLEMS: Readonly<Record<ImportProblem, string>> = {
  cancelled: 'cancelled',
  'file-changed': 'the file changed while it was read',
  'not-whole': 'a part was not encrypted whole',
  host: 'the app could not read it',
};

/** An import that stopped: why (the host's own words, when it gave any, go to the log only), and that nothing of it was kept. */
function importRefused(
  code: 'cancelled' | 'storage',
  name: string,
  problem: ImportProblem,
  detail?: string,
): VaultError {
  return new VaultError(code, `import "${name}": ${detail ?? IMPORT_PROBLEMS[problem]}; nothing was kept.`, {
    reason: `import-${problem}`,
    name,
  });
}

/** The manifest of an imported document, stored with its case. */
function manifestOf(
  caseKeys: CaseKeys,
  attachmentId: string,
  noncePrefix: Uint8Array,
  meta: DocumentMeta,
  stored: { readonly size: number; readonly sha256: string; readonly chunkCount: number },
): AttachmentManifest {
  return {
    id: attachmentId,
    caseTag: caseKeys.caseTag,
    name: meta.name,
    type: meta.type,
    size: stored.size,
    sha256: stored.sha256,
    chunkSize: ATTACHMENT_CHUNK_SIZE,
    chunkCount: stored.chunkCount,
    noncePrefix: toBase64Url(noncePrefix),
    addedAt: new Date().toISOString(),
    entryId: meta.entryId ?? null,
    date: '',
    description: '',
  };
}
