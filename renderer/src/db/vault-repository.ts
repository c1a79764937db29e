import { createSHA256 } from 'hash-wasm';
import { noncePrefixOf, openChunk, sealChunk, type ChunkAddress } from '../../../shared/crypto/attachment-chunks';
import {
  openCaseRow,
  sealCaseRow,
  type CaseKeyRow,
  type ChunkRow,
  type SealedCaseRow,
} from '../../../shared/backup/vault-rows';
import { fromUtf8, randomBytes, randomId, toBase64Url, utf8 } from '../../../shared/crypto/bytes';
import { openRecord, sealRecord } from '../../../shared/crypto/envelope';
import { IntegrityError, VaultError } from '../../../shared/crypto/errors';
import {
  createCaseKeys,
  openCaseKeys,
  parseVaultHeader,
  type CaseKeys,
  type VaultHeader,
  type VaultKeys,
} from '../../../shared/crypto/vault-keys';
import type { AttachmentManifest } from '../../../shared/domain/attachment';
import { storageError } from './errors';
import { VaultDatabase, type SealedRow } from './vault-db';

/** Sealed tables whose rows belong to a case. */
type CaseTable = 'cases' | 'entries' | 'attachments';

/** A case as it comes out of the vault: its keys, its record and its rows, decrypted. */
export type OpenedCase = {
  readonly caseTag: string;
  readonly keys: CaseKeys;
  readonly record: unknown;
  readonly entries: ReadonlyArray<{ readonly id: string; readonly value: unknown }>;
  readonly attachments: readonly AttachmentManifest[];
  /** The IV of the stored case row: it changes with every write to the case. */
  readonly version: Uint8Array;
};

/**
 * One import (a merged backup or a case package), sealed and checked before it gets here, and
 * written in one transaction: every row or none.
 */
export type ImportWrite = {
  /** Cases the import was computed against: they must still be as they were (by row IV). */
  readonly expectCases: ReadonlyArray<{ readonly caseTag: string; readonly version: Uint8Array }>;
  /** The settings row the import was computed against (its IV, or null when there was none). */
  readonly expectSettings: Uint8Array | null;
  readonly newCaseKeys: readonly CaseKeyRow[];
  readonly cases: readonly SealedCaseRow[];
  readonly entries: readonly SealedCaseRow[];
  readonly deleteEntries: readonly string[];
  readonly attachments: readonly SealedCaseRow[];
  readonly deleteAttachments: readonly string[];
  readonly chunks: readonly ChunkRow[];
  readonly settings: SealedCaseRow | null;
};

export type LoadResult = {
  readonly cases: readonly OpenedCase[];
  /** Rows that failed to decrypt, each naming its table and row; the other cases still open. */
  readonly failures: readonly IntegrityError[];
};

/** The tables a backup carries, header first. */
export const BACKUP_TABLES = ['meta', 'caseKeys', 'cases', 'entries', 'attachments', 'chunks', 'settings'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** 1 MiB: large enough that per-chunk overhead (a GCM tag, a row) is negligible. */
export const ATTACHMENT_CHUNK_SIZE = 1024 * 1024;
/** Chunks per durable write: one fsync per 8 MiB instead of per chunk. */
const CHUNKS_PER_WRITE = 8;

/**
 * The only code that talks to IndexedDB. It encrypts before a transaction opens and decrypts
 * after it closes (WebCrypto is asynchronous and would let IndexedDB commit a transaction early),
 * and every multi-row write is one transaction.
 */
export class VaultRepository {
  constructor(readonly db: VaultDatabase) {}

  static open(name?: string, deps?: ConstructorParameters<typeof VaultDatabase>[1]): VaultRepository {
    return new VaultRepository(new VaultDatabase(name ?? 'qorgau-vault', deps));
  }

  close(): void {
    this.db.close();
  }

  // ── Header ──────────────────────────────────────────────────────────────────────────────────

  async readHeader(): Promise<VaultHeader | null> {
    const row = await this.guard('read the vault header', () => this.db.meta.get('header'));
    return row === undefined ? null : parseVaultHeader(row.header);
  }

  /** Stores the header of a new vault; refuses to overwrite an existing one. */
  async createHeader(header: VaultHeader): Promise<void> {
    await this.guard('create the vault', () =>
      this.db.transaction('rw', this.db.meta, async () => {
        if ((await this.db.meta.get('header')) !== undefined) {
          throw new VaultError('vault-exists', 'create the vault: a vault already exists on this device.');
        }
        await this.db.meta.put({ key: 'header', header });
      }),
    );
  }

  /**
   * Replaces the header in one transaction, only if it is still `current` (so two windows cannot
   * interleave passphrase changes). One put: at every instant the old or the new header is whole.
   */
  async replaceHeader(current: VaultHeader, next: VaultHeader): Promise<void> {
    await this.guard('change the passphrase', () =>
      this.db.transaction('rw', this.db.meta, async () => {
        const stored = await this.db.meta.get('header');
        if (stored === undefined || JSON.stringify(stored.header) !== JSON.stringify(current)) {
          throw new VaultError('storage', 'change the passphrase: the vault changed meanwhile; nothing was written.');
        }
        await this.db.meta.put({ key: 'header', header: next });
      }),
    );
  }

  // ── Cases and entries ───────────────────────────────────────────────────────────────────────

  /** Creates a case: its wrapped key and its first record, in one transaction. */
  async createCase(keys: VaultKeys, record: unknown): Promise<{ caseTag: string; caseKeys: CaseKeys }> {
    const caseTag = randomId();
    const { wrapped, caseKeys } = await createCaseKeys(keys, caseTag);
    const row = await sealCaseRow(keys.vaultId, caseKeys, 'cases', caseTag, record);
    await this.guard('create the case', () =>
      this.db.transaction('rw', this.db.caseKeys, this.db.cases, async () => {
        await this.db.caseKeys.add({ caseTag, iv: wrapped.iv, ct: wrapped.ct });
        await this.db.cases.add(row);
      }),
    );
    return { caseTag, caseKeys };
  }

  /**
   * Writes a case record together with entry changes in one transaction: an entry and the case
   * history that records it are never saved apart.
   */
  async writeCase(
    keys: VaultKeys,
    caseKeys: CaseKeys,
    change: {
      readonly record: unknown;
      readonly putEntries?: ReadonlyArray<{ readonly id: string; readonly value: unknown }>;
      readonly deleteEntries?: readonly string[];
    },
  ): Promise<void> {
    const caseRow = await sealCaseRow(keys.vaultId, caseKeys, 'cases', caseKeys.caseTag, change.record);
    const entryRows = await Promise.all(
      (change.putEntries ?? []).map((entry) => sealCaseRow(keys.vaultId, caseKeys, 'entries', entry.id, entry.value)),
    );
    await this.guard('save the case', () =>
      this.db.transaction('rw', this.db.cases, this.db.entries, async () => {
        await this.db.cases.put(caseRow);
        if (entryRows.length > 0) await this.db.entries.bulkPut(entryRows);
        if (change.deleteEntries?.length) await this.db.entries.bulkDelete([...change.deleteEntries]);
      }),
    );
  }

  /**
   * Deletes a case by crypto-shredding: its key goes first, in its own durable transaction, so
   * from that moment its rows are unreadable noise; then the rows. If the app dies in between,
   * the start-up sweep removes the leftovers.
   */
  async deleteCase(caseTag: string): Promise<void> {
    await this.guard('delete the case', () => this.db.caseKeys.delete(caseTag));
    await this.guard('delete the case', () => this.deleteRowsOf([caseTag]));
  }

  /** Reads every case, decrypting after the read transaction has closed. */
  async loadAll(keys: VaultKeys): Promise<LoadResult> {
    const [keyRows, caseRows, entryRows, attachmentRows] = await this.guard('open the vault', () =>
      this.db.transaction('r', [this.db.caseKeys, this.db.cases, this.db.entries, this.db.attachments], () =>
        Promise.all([
          this.db.caseKeys.toArray(),
          this.db.cases.toArray(),
          this.db.entries.toArray(),
          this.db.attachments.toArray(),
        ]),
      ),
    );
    const failures: IntegrityError[] = [];
    const byTag = <T extends { caseTag: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rows) map.set(row.caseTag, [...(map.get(row.caseTag) ?? []), row]);
      return map;
    };
    const entriesByTag = byTag(entryRows);
    const attachmentsByTag = byTag(attachmentRows);
    const caseRowByTag = new Map(caseRows.map((row) => [row.caseTag, row]));

    const opened = await Promise.all(
      keyRows.map(async (keyRow): Promise<OpenedCase | null> => {
        try {
          const caseKeys = await openCaseKeys(keys, keyRow.caseTag, keyRow);
          const caseRow = caseRowByTag.get(keyRow.caseTag);
          if (caseRow === undefined) throw new IntegrityError('cases', keyRow.caseTag, 'the case record is missing');
          const record = await openCaseRow(keys.vaultId, caseKeys, 'cases', caseRow);
          const entries = await this.openRows(
            keys.vaultId,
            caseKeys,
            'entries',
            entriesByTag.get(keyRow.caseTag),
            failures,
          );
          const attachments = await this.openRows(
            keys.vaultId,
            caseKeys,
            'attachments',
            attachmentsByTag.get(keyRow.caseTag),
            failures,
          );
          return {
            caseTag: keyRow.caseTag,
            keys: caseKeys,
            record,
            entries,
            attachments: attachments.map((a) => a.value as AttachmentManifest),
            version: caseRow.iv,
          };
        } catch (error) {
          if (error instanceof IntegrityError) {
            failures.push(error);
            return null;
          }
          throw error;
        }
      }),
    );
    return { cases: opened.filter((c): c is OpenedCase => c !== null), failures };
  }

  // ── Backup and restore ──────────────────────────────────────────────────────────────────────

  /**
   * Every stored row, table by table, in batches: what a backup holds. Rows are read as stored
   * (still encrypted); attachment chunks go one per batch so no batch is large.
   */
  async *exportRows(): AsyncGenerator<{ table: BackupTable; rows: unknown[] }> {
    for (const table of BACKUP_TABLES) {
      const store = this.db.table(table);
      const keys = await this.guard('back up the vault', () => store.toCollection().primaryKeys());
      const batch = table === 'chunks' ? 1 : 200;
      for (let i = 0; i < keys.length; i += batch) {
        const rows = await this.guard('back up the vault', () => store.bulkGet(keys.slice(i, i + batch)));
        yield { table, rows: rows.filter((row) => row !== undefined) };
      }
    }
  }

  /**
   * Restores a verified backup into this (empty) vault in one transaction: either every row is
   * written or none is. Refuses when a vault is already here.
   */
  async restoreRows(frames: ReadonlyArray<{ table: string; rows: readonly unknown[] }>): Promise<void> {
    const stores = BACKUP_TABLES.map((table) => this.db.table(table));
    await this.guard('restore the backup', () =>
      this.db.transaction('rw', stores, async () => {
        if ((await this.db.meta.get('header')) !== undefined) {
          throw new VaultError(
            'vault-exists',
            'restore the backup: this device already has a vault; nothing was written.',
          );
        }
        for (const frame of frames) {
          if (!(BACKUP_TABLES as readonly string[]).includes(frame.table)) {
            throw new VaultError(
              'integrity',
              `restore the backup: unknown table "${frame.table}"; nothing was written.`,
            );
          }
          if (frame.rows.length > 0) await this.db.table(frame.table).bulkPut([...frame.rows]);
        }
        if ((await this.db.meta.get('header')) === undefined) {
          throw new VaultError(
            'integrity',
            'restore the backup: the backup holds no vault header; nothing was written.',
          );
        }
      }),
    );
  }

  /**
   * Writes an import in one transaction, after checking that nothing it was computed against
   * changed meanwhile (another window, a reminder): if anything did, nothing is written.
   */
  async applyImport(write: ImportWrite): Promise<void> {
    const changed = () =>
      new VaultError(
        'storage',
        'import: the vault changed while the import was being prepared; nothing was written. Try again.',
      );
    const tables = [
      this.db.caseKeys,
      this.db.cases,
      this.db.entries,
      this.db.attachments,
      this.db.chunks,
      this.db.settings,
    ];
    await this.guard('import', () =>
      this.db.transaction('rw', tables, async () => {
        for (const expected of write.expectCases) {
          const row = await this.db.cases.get(expected.caseTag);
          if (row === undefined || !sameBytes(row.iv, expected.version)) throw changed();
        }
        const settings = await this.db.settings.get('settings');
        if (!sameBytes(settings?.iv ?? null, write.expectSettings)) throw changed();
        const newTags = write.newCaseKeys.map((row) => row.caseTag);
        if ((await this.db.caseKeys.bulkGet(newTags)).some((row) => row !== undefined)) throw changed();
        // Rows a crash left behind for one of these tags (a shredded case) must not join the new case.
        if (newTags.length > 0) await this.deleteRowsOf(newTags);
        await this.db.caseKeys.bulkAdd([...write.newCaseKeys]);
        await this.db.cases.bulkPut([...write.cases]);
        await this.db.entries.bulkDelete([...write.deleteEntries]);
        await this.db.entries.bulkPut([...write.entries]);
        for (const id of write.deleteAttachments) {
          await this.db.attachments.delete(id);
          await this.db.chunks.where('attachmentId').equals(id).delete();
        }
        await this.db.attachments.bulkPut([...write.attachments]);
        await this.db.chunks.bulkPut([...write.chunks]);
        if (write.settings !== null) await this.db.settings.put(write.settings);
      }),
    );
  }

  // ── Settings ────────────────────────────────────────────────────────────────────────────────

  async readSettings(keys: VaultKeys): Promise<unknown> {
    return (await this.readSettingsVersioned(keys)).value;
  }

  /** The settings and the IV of their row (null when none are stored), for an import's check. */
  async readSettingsVersioned(keys: VaultKeys): Promise<{ value: unknown; version: Uint8Array | null }> {
    const row = await this.guard('read the settings', () => this.db.settings.get('settings'));
    if (row === undefined) return { value: null, version: null };
    const address = { vaultId: keys.vaultId, table: 'settings', caseTag: '', rowId: row.id };
    return {
      value: JSON.parse(fromUtf8(await openRecord(keys.vaultRecords, address, row))) as unknown,
      version: row.iv,
    };
  }

  async writeSettings(keys: VaultKeys, value: unknown): Promise<void> {
    const row = await sealSettings(keys, value);
    await this.guard('save the settings', () => this.db.settings.put(row));
  }

  // ── Attachments ─────────────────────────────────────────────────────────────────────────────

  /**
   * Streams a file into the vault, one encrypted chunk at a time (never the whole file in memory),
   * hashing as it goes; the manifest is written last, so a half-imported file has no manifest
   * and its chunks are collected. Cancelling removes what was written.
   */
  async importAttachment(
    keys: VaultKeys,
    caseKeys: CaseKeys,
    file: Blob,
    meta: { readonly name: string; readonly type: string; readonly entryId?: string | null },
    options: { readonly signal?: AbortSignal; readonly onProgress?: (done: number, total: number) => void } = {},
  ): Promise<AttachmentManifest> {
    const attachmentId = randomId();
    const key = await caseKeys.attachmentKey(attachmentId);
    const noncePrefix = randomBytes(7);
    const hasher = await createSHA256();
    hasher.init();
    const chunkCount = Math.max(1, Math.ceil(file.size / ATTACHMENT_CHUNK_SIZE));
    const address: ChunkAddress = { vaultId: keys.vaultId, caseTag: caseKeys.caseTag, attachmentId, noncePrefix };
    // A pipeline: while one batch of chunks is being written (one durable transaction), the next
    // is read, hashed and encrypted. Only two batches are ever in memory.
    let writing: Promise<void> = Promise.resolve();
    try {
      for (let first = 0; first < chunkCount; first += CHUNKS_PER_WRITE) {
        const sealing: Array<Promise<ChunkRow>> = [];
        for (let index = first; index < Math.min(chunkCount, first + CHUNKS_PER_WRITE); index += 1) {
          if (options.signal?.aborted)
            throw new VaultError('cancelled', `import "${meta.name}": cancelled; nothing was kept.`);
          const start = index * ATTACHMENT_CHUNK_SIZE;
          const plain = new Uint8Array(await file.slice(start, start + ATTACHMENT_CHUNK_SIZE).arrayBuffer());
          hasher.update(plain);
          options.onProgress?.(Math.min(file.size, start + plain.byteLength), file.size);
          sealing.push(
            sealChunk(key, address, index, index === chunkCount - 1, plain).then((ct) => ({
              attachmentId,
              index,
              caseTag: caseKeys.caseTag,
              ct,
            })),
          );
        }
        const rows = await Promise.all(sealing);
        await writing;
        writing = this.guard(`import "${meta.name}"`, async () => {
          await this.db.chunks.bulkPut(rows);
        });
        // A failed write surfaces at the next await; never as an unhandled rejection meanwhile.
        writing.catch(() => undefined);
      }
      await writing;
      if (options.signal?.aborted)
        throw new VaultError('cancelled', `import "${meta.name}": cancelled; nothing was kept.`);
      const manifest: AttachmentManifest = {
        id: attachmentId,
        caseTag: caseKeys.caseTag,
        name: meta.name,
        type: meta.type,
        size: file.size,
        sha256: hasher.digest('hex'),
        chunkSize: ATTACHMENT_CHUNK_SIZE,
        chunkCount,
        noncePrefix: toBase64Url(noncePrefix),
        addedAt: new Date().toISOString(),
        entryId: meta.entryId ?? null,
      };
      const row = await sealCaseRow(keys.vaultId, caseKeys, 'attachments', attachmentId, manifest);
      await this.guard(`import "${meta.name}"`, () => this.db.attachments.put(row));
      return manifest;
    } catch (error) {
      await writing.catch(() => undefined);
      await this.db.chunks.where('attachmentId').equals(attachmentId).delete();
      throw error;
    }
  }

  /**
   * Yields an attachment's bytes chunk by chunk; each chunk is authenticated before it is
   * released, and a missing, damaged, reordered or truncated chunk stops the read with an error
   * that names the file.
   */
  async *readAttachment(keys: VaultKeys, caseKeys: CaseKeys, manifest: AttachmentManifest): AsyncGenerator<Uint8Array> {
    const key = await caseKeys.attachmentKey(manifest.id);
    const address: ChunkAddress = {
      vaultId: keys.vaultId,
      caseTag: caseKeys.caseTag,
      attachmentId: manifest.id,
      noncePrefix: noncePrefixOf(manifest.noncePrefix, manifest.id),
    };
    // Batches of chunks are read in one transaction each and decrypted in parallel; the next
    // batch is read while this one is yielded.
    const batch = (first: number) => {
      const keys: Array<[string, number]> = [];
      for (let i = first; i < Math.min(manifest.chunkCount, first + CHUNKS_PER_WRITE); i += 1)
        keys.push([manifest.id, i]);
      const read = this.guard(`open "${manifest.name}"`, () => this.db.chunks.bulkGet(keys));
      return read.then((rows) =>
        Promise.all(
          rows.map((row, k) => openChunk(key, address, first + k, manifest.chunkCount, row?.ct, manifest.name)),
        ),
      );
    };
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

  async deleteAttachment(attachmentId: string): Promise<void> {
    await this.guard('delete the attachment', () =>
      this.db.transaction('rw', this.db.attachments, this.db.chunks, async () => {
        await this.db.attachments.delete(attachmentId);
        await this.db.chunks.where('attachmentId').equals(attachmentId).delete();
      }),
    );
  }

  /**
   * Start-up sweep: chunks with no manifest (an import that died) and rows of shredded cases.
   * Needs no keys: it looks only at the random ids.
   */
  async collectOrphans(): Promise<{ chunks: number; rows: number }> {
    return this.guard('tidy the vault', () =>
      this.db.transaction(
        'rw',
        [this.db.caseKeys, this.db.cases, this.db.entries, this.db.attachments, this.db.chunks],
        async () => {
          const liveTags = new Set(await this.db.caseKeys.toCollection().primaryKeys());
          const manifests = new Set(await this.db.attachments.toCollection().primaryKeys());
          const chunkKeys = await this.db.chunks.toCollection().primaryKeys();
          const orphanChunks = chunkKeys.filter(([attachmentId]) => !manifests.has(attachmentId));
          await this.db.chunks.bulkDelete(orphanChunks);
          const deadTags = new Set<string>();
          for (const table of [this.db.cases, this.db.entries, this.db.attachments, this.db.chunks] as const) {
            for (const tag of await table.orderBy('caseTag').uniqueKeys()) {
              if (typeof tag === 'string' && !liveTags.has(tag)) deadTags.add(tag);
            }
          }
          const rows = deadTags.size > 0 ? await this.deleteRowsOf([...deadTags]) : 0;
          return { chunks: orphanChunks.length, rows };
        },
      ),
    );
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────────

  private async deleteRowsOf(caseTags: string[]): Promise<number> {
    return this.db.transaction(
      'rw',
      [this.db.cases, this.db.entries, this.db.attachments, this.db.chunks],
      async () => {
        let count = 0;
        for (const table of [this.db.cases, this.db.entries, this.db.attachments, this.db.chunks] as const) {
          count += await table.where('caseTag').anyOf(caseTags).delete();
        }
        return count;
      },
    );
  }

  private async openRows(
    vaultId: string,
    caseKeys: CaseKeys,
    table: CaseTable,
    rows: SealedRow[] | undefined,
    failures: IntegrityError[],
  ): Promise<{ id: string; value: unknown }[]> {
    const out: { id: string; value: unknown }[] = [];
    for (const row of rows ?? []) {
      try {
        out.push({ id: row.id, value: await openCaseRow(vaultId, caseKeys, table, row) });
      } catch (error) {
        if (!(error instanceof IntegrityError)) throw error;
        failures.push(error);
      }
    }
    return out;
  }

  private async guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw storageError(operation, error);
    }
  }
}

/** The vault settings sealed as their row. */
export async function sealSettings(keys: VaultKeys, value: unknown): Promise<SealedCaseRow> {
  const address = { vaultId: keys.vaultId, table: 'settings', caseTag: '', rowId: 'settings' };
  const sealed = await sealRecord(keys.vaultRecords, address, utf8(JSON.stringify(value)));
  return { id: 'settings', caseTag: '', ...sealed };
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}
