import { randomFillSync, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { chunkAad, chunkNonce, paddedChunkLength, type ChunkAddress } from '../../../shared/crypto/attachment-chunks';
import { syncFolder } from './atomic-write';
import { HashThread } from './hash-thread';
import { SealThread } from './seal-thread';

/**
 * The desktop app's store for documents: each one is a file of encrypted chunks in the app's
 * data folder, which main reads, hashes and encrypts itself from the file the user dropped.
 * Node's AES-GCM and SHA-256 use the processor's AES and SHA instructions, and the bytes never
 * cross into the renderer or through IndexedDB. Main's event loop only reads blocks into shared
 * buffers and hands them on: a hashing thread and a sealing thread (which also writes) read them
 * in place. Measured with `npm run bench`: sealing on main's own thread spent a fifth of main's
 * time collecting the cipher's fresh output buffers, and the import was about as fast as a plain
 * Blob put of the same file; on the sealing thread it is about twice as fast (the in-page import
 * manages a fifth).
 *
 * The chunks are exactly those the renderer seals (same key, nonce and AAD; see
 * shared/crypto/attachment-chunks.ts), so the renderer decrypts them with its own key, backups
 * carry them as ordinary chunk rows, and deleting a case's key shreds these files too.
 *
 * Layout: `<root>/<vaultId>/<ref>.qdoc`, where `ref` is the document's row name (an HMAC of its
 * id under the vault's name key; see shared/crypto/row-names.ts): a file name says nothing of
 * which case or document it holds. Written as `….part` and renamed once flushed, so a crash
 * leaves either a whole document or a part file the next sweep removes.
 * File: the 8 bytes `QORGDOC2`, the chunk size (uint32, big-endian), then the chunks, each the
 * chunk's ciphertext followed by its 16-byte tag, only the last one shorter; then random bytes
 * that pad the last chunk to `paddedChunkLength`, so the file's length shows the document's size
 * only to within a bucket. The reader knows the exact size from the sealed manifest.
 * Format 1 (read, and moved by `adopt`): named `<caseTag>.<attachmentId>.qdoc`, not padded.
 */

/** The file's format version is the magic's last digit; `QORGDOC` alone names the kind. */
const DOCUMENT_FORMAT = 2;
const KIND = Buffer.from('QORGDOC', 'latin1');
const MAGIC = Buffer.from(`QORGDOC${DOCUMENT_FORMAT}`, 'latin1');
const HEADER_BYTES = MAGIC.byteLength + 4;
const TAG_BYTES = 16;
/** Chunks read from disk at a time: the next block is read while this one is sealed and written. */
const BLOCK_CHUNKS = 4;
/** Read buffers per import, used in turn: one is read into while others are hashed and sealed. */
const READ_BUFFERS = 3;
/** An import the renderer stops driving (a reload, a crash) is abandoned after this long. */
const IDLE_IMPORT_MS = 60_000;
const ID = /^[A-Za-z0-9_-]{16,64}$/;

/** A stored document: its vault, and its row name, which names its file. */
export type DocumentAddress = { readonly vaultId: string; readonly ref: string };

export type ImportRequest = DocumentAddress & {
  /** Bound into each chunk's nonce and AAD; never written in the clear. */
  readonly caseTag: string;
  readonly attachmentId: string;
  /** The file the user gave, as the preload resolved it. */
  readonly path: string;
  /** Its size when the user gave it: a file that changes meanwhile is refused. */
  readonly expectedSize: number;
  /** The attachment's AES-256 key; main copies it for the import's length, then zeroes the copy. */
  readonly key: Uint8Array;
  readonly noncePrefix: Uint8Array;
  readonly chunkSize: number;
};

export type ImportResult = { readonly size: number; readonly sha256: string; readonly chunkCount: number };

export type StoredDocument = { readonly ref: string; readonly chunkCount: number };

/** A refusal that names what was wrong; its message reaches the user (who is told nothing was kept). */
export class DocumentStoreError extends Error {
  override readonly name = 'DocumentStoreError';
}

/** A block of the file as read, in the read buffer `slot`. */
type ReadBlock = { readonly bytes: Buffer; readonly slot: number };

type ImportSession = {
  readonly importId: string;
  readonly request: Omit<ImportRequest, 'key'>;
  readonly address: ChunkAddress;
  readonly source: FileHandle;
  readonly target: FileHandle;
  readonly partPath: string;
  /** Each read buffer's last block, being hashed and sealed: the buffer is refilled once both are done. */
  readonly inUse: Array<Promise<void>>;
  /** Shared with the hashing and sealing threads, which read them in place. */
  readonly buffers: readonly Buffer[];
  /** Blocks asked for so far, to pick the buffer for the next. */
  blocksRead: number;
  /** Bytes of the file asked for so far. */
  readFrom: number;
  /** The next block, being read: across steps too, so a step starts with its first block read. */
  reading: Promise<ReadBlock> | null;
  readonly chunkCount: number;
  /** Plain bytes sealed so far (and being written): what a step reports as done. */
  sealed: number;
  /** Plain bytes whose chunks are written. */
  done: number;
  /** Every block's seal and write so far, still running. */
  writing: Promise<void>;
  /** The last step's flush to disk, still running. */
  flushing: Promise<void>;
  /** The step running now: steps of one import never overlap. */
  busy: Promise<unknown>;
  idle: ReturnType<typeof setTimeout>;
};

export class DocumentStore {
  private readonly imports = new Map<string, ImportSession>();
  private readonly hasher = new HashThread();
  private readonly sealer = new SealThread();

  constructor(private readonly root: string) {}

  /**
   * Opens the user's file and a part file for it; nothing is read yet. The key goes to the sealing
   * thread, which zeroes its copy when the import ends; the caller zeroes the bytes it sent.
   */
  async beginImport(request: ImportRequest): Promise<{ importId: string }> {
    checkAddress(request);
    if (!ID.test(request.caseTag) || !ID.test(request.attachmentId))
      throw new DocumentStoreError('malformed document address');
    if (request.key.byteLength !== 32) throw new DocumentStoreError('the document key must be 32 bytes');
    if (request.noncePrefix.byteLength !== 7) throw new DocumentStoreError('the nonce prefix must be 7 bytes');
    if (!path.isAbsolute(request.path)) throw new DocumentStoreError('the file to import has no absolute path');
    const source = await open(request.path, 'r').catch((error: unknown) => {
      throw new DocumentStoreError(`the file could not be opened (${errorCode(error)})`);
    });
    const partPath = this.documentPath(request, 'part');
    let target: FileHandle | null = null;
    let importId: string | null = null;
    const { key, ...described } = request;
    try {
      const info = await source.stat();
      if (!info.isFile()) throw new DocumentStoreError('only a regular file can be imported');
      if (info.size !== request.expectedSize) throw new DocumentStoreError('the file changed after it was chosen');
      await this.vaultFolder(request.vaultId);
      target = await open(partPath, 'wx', 0o600);
      const header = Buffer.alloc(HEADER_BYTES);
      MAGIC.copy(header);
      header.writeUInt32BE(request.chunkSize, MAGIC.byteLength);
      await target.write(header, 0, HEADER_BYTES, 0);
      const id = randomUUID();
      importId = id;
      const blockBytes = Math.min(BLOCK_CHUNKS * request.chunkSize, Math.max(1, request.expectedSize));
      const session: ImportSession = {
        importId: id,
        request: described,
        address: {
          vaultId: request.vaultId,
          caseTag: request.caseTag,
          attachmentId: request.attachmentId,
          noncePrefix: new Uint8Array(request.noncePrefix),
        },
        source,
        target,
        partPath,
        inUse: Array.from({ length: READ_BUFFERS }, () => Promise.resolve()),
        buffers: Array.from({ length: READ_BUFFERS }, () => Buffer.from(new SharedArrayBuffer(blockBytes))),
        blocksRead: 0,
        readFrom: 0,
        reading: null,
        chunkCount: Math.max(1, Math.ceil(request.expectedSize / request.chunkSize)),
        sealed: 0,
        done: 0,
        writing: Promise.resolve(),
        flushing: Promise.resolve(),
        busy: Promise.resolve(),
        idle: setTimeout(() => void this.abortImport(id), IDLE_IMPORT_MS),
      };
      session.idle.unref?.();
      this.sealer.begin(id, key);
      this.imports.set(id, session);
      // An empty file is one empty chunk, written now: there is nothing to step through.
      if (request.expectedSize === 0) await this.sealBlock(session, session.buffers[0]!.subarray(0, 0));
      return { importId: id };
    } catch (error) {
      if (importId !== null && (await this.abortImport(importId))) throw error;
      await source.close();
      if (target !== null) {
        await target.close();
        await rm(partPath, { force: true });
      }
      throw error;
    }
  }

  /**
   * Reads, hashes, seals and writes about `budget` more bytes of the file, and says how many
   * are done: the renderer drives the import in steps, to show progress and to cancel.
   */
  async stepImport(importId: string, budget: number): Promise<{ done: number }> {
    const session = this.session(importId);
    const step = session.busy.then(() => this.advance(session, budget));
    session.busy = step.catch(() => undefined);
    try {
      return { done: await step };
    } catch (error) {
      await this.abortImport(importId);
      throw error;
    }
  }

  /** Checks the whole file was read, flushes the part file and puts it in place. */
  async finishImport(importId: string): Promise<ImportResult> {
    const session = this.session(importId);
    await session.busy;
    const { request } = session;
    try {
      await session.writing;
      const tail = await session.source.read(Buffer.alloc(1), 0, 1, session.done);
      if (session.done !== request.expectedSize || tail.bytesRead !== 0)
        throw new DocumentStoreError('the file changed while it was read');
      await session.flushing;
      await padLastChunk(session.target, request.chunkSize);
      await session.target.sync();
      await Promise.all(session.inUse);
      const sha256 = await this.hasher.digest(importId);
      const result = { size: session.done, sha256, chunkCount: session.chunkCount };
      await this.endSession(importId, session);
      await rename(session.partPath, this.documentPath(request));
      await syncFolder(path.dirname(session.partPath));
      return result;
    } catch (error) {
      await this.abortImport(importId);
      throw error;
    }
  }

  /** Stops an import and removes what it wrote. False when there was no such import. */
  async abortImport(importId: string): Promise<boolean> {
    const session = this.imports.get(importId);
    if (session === undefined) return false;
    await this.endSession(importId, session);
    await rm(session.partPath, { force: true });
    return true;
  }

  /**
   * Up to `count` chunks of a document from chunk `from`, still encrypted (the renderer opens
   * them); fewer when the file ends first, null when there is no such document here.
   */
  async readChunks(address: DocumentAddress, from: number, count: number): Promise<Uint8Array[] | null> {
    checkAddress(address);
    let file: FileHandle;
    try {
      file = await open(this.documentPath(address), 'r');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
    try {
      const { size } = await file.stat();
      const chunkBytes = (await readChunkSize(file)) + TAG_BYTES;
      const start = HEADER_BYTES + from * chunkBytes;
      const end = Math.min(size, start + count * chunkBytes);
      if (start >= end) return [];
      const bytes = Buffer.allocUnsafe(end - start);
      await readFully(file, bytes, start);
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < bytes.byteLength; at += chunkBytes)
        chunks.push(bytes.subarray(at, Math.min(bytes.byteLength, at + chunkBytes)));
      return chunks;
    } finally {
      await file.close();
    }
  }

  /**
   * The documents of a vault stored here (for a backup), and the attachment ids of those still
   * under format 1's names (for the page to `adopt`).
   */
  async list(vaultId: string): Promise<{ documents: StoredDocument[]; legacy: string[] }> {
    const documents: StoredDocument[] = [];
    const legacy: string[] = [];
    for (const name of await this.names(vaultId)) {
      const parsed = parseName(name);
      if (parsed?.kind !== 'document') continue;
      if (parsed.legacy !== null) {
        legacy.push(parsed.legacy.attachmentId);
        continue;
      }
      const file = await open(path.join(this.folderOf(vaultId), name), 'r');
      try {
        const chunkBytes = (await readChunkSize(file)) + TAG_BYTES;
        const { size } = await file.stat();
        documents.push({ ref: parsed.ref, chunkCount: Math.max(1, Math.ceil((size - HEADER_BYTES) / chunkBytes)) });
      } finally {
        await file.close();
      }
    }
    return { documents, legacy };
  }

  /**
   * Moves documents stored under format 1's names (`<caseTag>.<attachmentId>.qdoc`) to their row
   * names, padding each. Each file is padded and flushed (its magic saying so) before it is
   * renamed, so a crash between leaves a padded file under its old name, which the next call
   * renames without padding it again. How many were moved.
   */
  async adopt(vaultId: string, names: ReadonlyArray<{ attachmentId: string; ref: string }>): Promise<number> {
    const refOf = new Map(names.map((n) => [n.attachmentId, n.ref]));
    const folder = this.folderOf(vaultId);
    let adopted = 0;
    for (const name of await this.names(vaultId)) {
      const parsed = parseName(name);
      const ref = parsed?.kind === 'document' && parsed.legacy ? refOf.get(parsed.legacy.attachmentId) : undefined;
      if (ref === undefined || !ID.test(ref)) continue;
      const file = await open(path.join(folder, name), 'r+');
      try {
        const chunkSize = await readChunkSize(file);
        const header = Buffer.alloc(MAGIC.byteLength);
        await readFully(file, header, 0);
        if (!header.equals(MAGIC)) {
          await padLastChunk(file, chunkSize);
          await file.write(MAGIC, 0, MAGIC.byteLength, 0);
          await file.sync();
        }
      } finally {
        await file.close();
      }
      await rename(path.join(folder, name), path.join(folder, `${ref}.qdoc`));
      adopted += 1;
    }
    if (adopted > 0) await syncFolder(folder);
    return adopted;
  }

  /** Deletes the given documents (by row name); how many were deleted. */
  async remove(vaultId: string, refs: readonly string[]): Promise<number> {
    const doomed = new Set(refs);
    return this.removeWhere(vaultId, (ref) => doomed.has(ref));
  }

  /**
   * Deletes every document no case refers to (an import that died, a delete that did not finish)
   * and every part file no running import is writing; how many were deleted.
   */
  async sweep(vaultId: string, live: readonly string[]): Promise<number> {
    const keep = new Set(live);
    return this.removeWhere(vaultId, (ref) => !keep.has(ref));
  }

  /** Stops every running import and removes what they wrote (the app is quitting). */
  async abortAll(): Promise<void> {
    await Promise.all([...this.imports.keys()].map((id) => this.abortImport(id)));
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────────

  private async advance(session: ImportSession, budget: number): Promise<number> {
    session.idle.refresh();
    const { request } = session;
    const target = Math.min(request.expectedSize, session.sealed + Math.max(budget, BLOCK_CHUNKS * request.chunkSize));
    // The stages overlap, from one step to the next too: block n+1 is read (on libuv's threads)
    // while block n is hashed (on the hashing thread) and sealed and written (on the sealing
    // thread). Main only hands the blocks on.
    session.reading ??= this.readNext(session);
    while (session.sealed < target && session.reading !== null) {
      const { bytes: block, slot } = await session.reading;
      session.inUse[slot] = Promise.all([
        this.hasher.update(session.importId, block),
        this.sealBlock(session, block),
      ]).then(() => undefined);
      // A failure surfaces when the buffer is next wanted or the writes are awaited; never unhandled.
      session.inUse[slot].catch(() => undefined);
      session.reading = this.readNext(session);
    }
    // Flushed step by step, so the disk writes while the next step reads and seals, and the flush
    // at the end has little left to do. One flush at a time; a failed one fails the next step.
    await session.flushing;
    session.flushing = session.writing.then(() => session.target.datasync());
    session.flushing.catch(() => undefined);
    return session.sealed;
  }

  /** Starts reading the file's next block into the next free buffer; null at the end. */
  private readNext(session: ImportSession): Promise<ReadBlock> | null {
    const at = session.readFrom;
    const length = Math.min(BLOCK_CHUNKS * session.request.chunkSize, session.request.expectedSize - at);
    if (length <= 0) return null;
    session.readFrom += length;
    const slot = session.blocksRead++ % READ_BUFFERS;
    const inUse = session.inUse[slot];
    const reading = (async () => {
      await inUse;
      const bytes = session.buffers[slot]!.subarray(0, length);
      if ((await readFully(session.source, bytes, at)) !== length)
        throw new DocumentStoreError('the file changed while it was read');
      return { bytes, slot };
    })();
    // A failed read surfaces when its block is wanted; never as an unhandled rejection meanwhile.
    reading.catch(() => undefined);
    return reading;
  }

  /**
   * Hands a block to the sealing thread, which seals its chunks and writes them in place. Blocks
   * are handed on in order, so the chunk index follows from the bytes handed on before.
   */
  private sealBlock(session: ImportSession, block: Buffer): Promise<void> {
    const { chunkSize } = session.request;
    const first = Math.floor(session.sealed / chunkSize);
    // An empty file is one empty chunk.
    const count = Math.max(1, Math.ceil(block.byteLength / chunkSize));
    const indexes = Array.from({ length: count }, (_, k) => first + k);
    const final = (index: number) => index === session.chunkCount - 1;
    const plainBytes = block.byteLength;
    session.sealed += plainBytes;
    const written = this.sealer
      .seal(session.importId, {
        bytes: block,
        chunkSize,
        nonces: indexes.map((index) => chunkNonce(session.address, index, final(index))),
        aads: indexes.map((index) => chunkAad(session.address, index, final(index))),
        fd: session.target.fd,
        position: HEADER_BYTES + first * (chunkSize + TAG_BYTES),
      })
      .then(() => {
        session.done += plainBytes;
      });
    session.writing = Promise.all([session.writing, written]).then(() => undefined);
    session.writing.catch(() => undefined);
    return written;
  }

  /** Forgets an import: its key is dropped and its files closed. */
  private async endSession(importId: string, session: ImportSession): Promise<void> {
    if (!this.imports.delete(importId)) return;
    clearTimeout(session.idle);
    // Posted first: any seal of this import posted after it is refused before it writes.
    this.sealer.end(importId);
    this.hasher.drop(importId);
    // The file is closed only once no seal posted before can still write to its descriptor.
    await Promise.allSettled([...session.inUse, session.writing]);
    await Promise.allSettled([session.source.close(), session.target.close()]);
  }

  private session(importId: string): ImportSession {
    const session = this.imports.get(importId);
    if (session === undefined) throw new DocumentStoreError('the import was stopped or has already finished');
    return session;
  }

  /** Removes the documents `doomed` names and every part file no import is writing; format 1's documents stay (see `adopt`). */
  private async removeWhere(vaultId: string, doomed: (ref: string) => boolean): Promise<number> {
    const running = new Set([...this.imports.values()].map((session) => session.partPath));
    let removed = 0;
    for (const name of await this.names(vaultId)) {
      const parsed = parseName(name);
      const file = path.join(this.folderOf(vaultId), name);
      if (parsed === null || running.has(file)) continue;
      if (parsed.kind === 'document' && (parsed.legacy !== null || !doomed(parsed.ref))) continue;
      await rm(file, { force: true });
      removed += 1;
    }
    if (removed > 0) await syncFolder(this.folderOf(vaultId));
    return removed;
  }

  private async names(vaultId: string): Promise<string[]> {
    if (!ID.test(vaultId)) throw new DocumentStoreError('malformed vault id');
    try {
      return await readdir(this.folderOf(vaultId));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
  }

  private folderOf(vaultId: string): string {
    return path.join(this.root, vaultId);
  }

  private async vaultFolder(vaultId: string): Promise<string> {
    const folder = this.folderOf(vaultId);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    return folder;
  }

  /** Where a document lives once whole (`qdoc`), or while it is written (`part`). */
  private documentPath(address: DocumentAddress, kind: 'qdoc' | 'part' = 'qdoc'): string {
    return path.join(this.folderOf(address.vaultId), `${address.ref}.${kind}`);
  }
}

/** Ids reach file names: only random base64url ids are accepted. */
function checkAddress(address: DocumentAddress): void {
  for (const id of [address.vaultId, address.ref])
    if (!ID.test(id)) throw new DocumentStoreError('malformed document address');
}

type ParsedName = {
  readonly kind: 'document' | 'part';
  readonly ref: string;
  /** Format 1's name (`<caseTag>.<attachmentId>`), or null. */
  readonly legacy: { readonly caseTag: string; readonly attachmentId: string } | null;
};

function parseName(name: string): ParsedName | null {
  const match = /^([A-Za-z0-9_-]{16,64})(?:\.([A-Za-z0-9_-]{16,64}))?\.(qdoc|part)$/.exec(name);
  if (match === null) return null;
  const kind = match[3] === 'qdoc' ? 'document' : 'part';
  if (match[2] === undefined) return { kind, ref: match[1]!, legacy: null };
  return { kind, ref: name, legacy: { caseTag: match[1]!, attachmentId: match[2] } };
}

/**
 * Appends random bytes after a document's last chunk, up to `paddedChunkLength` (see the file
 * format above). The file must hold exactly its chunks.
 */
async function padLastChunk(file: FileHandle, chunkSize: number): Promise<void> {
  const { size } = await file.stat();
  const chunkBytes = chunkSize + TAG_BYTES;
  const body = size - HEADER_BYTES;
  const last = body - Math.max(0, Math.ceil(body / chunkBytes) - 1) * chunkBytes;
  const padding = paddedChunkLength(last, chunkSize) - last;
  if (padding > 0) await file.write(randomFillSync(Buffer.alloc(padding)), 0, padding, size);
}

async function readChunkSize(file: FileHandle): Promise<number> {
  const header = Buffer.alloc(HEADER_BYTES);
  const read = await readFully(file, header, 0);
  if (read !== HEADER_BYTES || !header.subarray(0, KIND.byteLength).equals(KIND))
    throw new DocumentStoreError('a stored document is not a Qorgau document file');
  const version = Number(String.fromCharCode(header[KIND.byteLength]!));
  if (Number.isInteger(version) && version > DOCUMENT_FORMAT)
    throw new DocumentStoreError(
      `a stored document was made by a newer Qorgau (format ${version}; this version reads up to ${DOCUMENT_FORMAT}). Update Qorgau to open it.`,
    );
  // Format 1 differs only in its name and in having no padding, which the reader cuts off anyway.
  if (version !== 1 && version !== DOCUMENT_FORMAT)
    throw new DocumentStoreError('a stored document is not a Qorgau document file');
  return header.readUInt32BE(MAGIC.byteLength);
}

/** Reads until `bytes` is full or the file ends; how many bytes were read. */
async function readFully(file: FileHandle, bytes: Buffer, position: number): Promise<number> {
  let filled = 0;
  while (filled < bytes.byteLength) {
    const { bytesRead } = await file.read(bytes, filled, bytes.byteLength - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown error';
}
