import { IntegrityError } from '../../../shared/crypto/errors';
import { openCaseKeys, type CaseKeys, type VaultHeader, type VaultKeys } from '../../../shared/crypto/vault-keys';
import type { AttachmentManifest } from '../../../shared/domain/attachment';
import type { CaseFile } from '../../../shared/domain/case-file';
import type { VaultSettings } from '../../../shared/settings/vault-settings';
import type { DeviceDocuments } from '../platform/platform';
import { AttachmentStore, type DocumentMeta, type ImportOptions } from './attachment-store';
import { exportRows, restoreRows, type BackupTable } from './backup-rows';
import { guarded } from './errors';
import type { FileHasher } from './file-hash';
import { createHeader, readHeader, replaceHeader } from './header-store';
import { PageStore, type LoadOptions, type LoadResult, type RotateChange, type VaultWrite } from './page-store';
import type { EpochRow } from '../../../shared/vault-format/manifest';
import { putDraftsRow, readSettings, readSettingsVersioned, takeDraftsRow, writeSettings } from './settings-store';
import type { SettingsRow } from '../../../shared/vault-format/vault-rows';
import { openRowNamesIn, RowNameBook } from './row-name-store';
import type { NamesRow, RowNames } from '../../../shared/crypto/row-names';
import { VAULT_DB_NAME, VaultDatabase } from './vault-db';

export { ATTACHMENT_CHUNK_SIZE, CHUNKS_PER_WRITE, type DocumentMeta, type ImportOptions } from './attachment-store';
export { BACKUP_TABLES, type BackupTable } from './backup-rows';
export type { LoadOptions, LoadResult, RotateChange, VaultWrite } from './page-store';
export { sealSettings } from './settings-store';

/** How the app opens the repository. */
export type RepositoryOptions = {
  /** How imported files are hashed (default: on this thread). */
  readonly hashFile?: FileHasher;
  /** A full garbage collection, called during large imports (see `COLLECT_EVERY`). */
  readonly collectGarbage?: () => void;
  /**
   * The desktop app's document store: files the user gives are imported there by main, natively
   * (see `importAttachment`). Documents stored in IndexedDB (restored from a backup, imported in
   * the web edition or built in memory) stay there and are read from there.
   */
  readonly deviceDocuments?: DeviceDocuments | null;
};

/**
 * The engine's own collector where the host exposes it: the desktop app starts its renderer with
 * `--expose-gc` for `COLLECT_EVERY`. Undefined in a browser, where imports simply hold more.
 */
export function exposedGarbageCollector(): (() => void) | undefined {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? () => (gc as () => void)() : undefined;
}

/**
 * The only code that talks to IndexedDB, and the one door the vault service uses: a thin front
 * over the stores that each hold one kind of row — the header (header-store.ts), the cases in
 * their pages (page-store.ts), the documents (attachment-store.ts), the settings
 * (settings-store.ts) and the rows a backup carries (backup-rows.ts). Each encrypts before a
 * transaction opens and decrypts after it closes (WebCrypto is asynchronous and would let
 * IndexedDB commit a transaction early), and every multi-row write is one transaction. While the
 * vault is unlocked it remembers the decrypted pages and the case keys it unwrapped; `forget()`
 * drops them on lock.
 */
export class VaultRepository {
  private readonly pages: PageStore;
  private readonly documents: AttachmentStore;
  private readonly device: DeviceDocuments | null;
  private readonly caseKeys = new Map<string, Promise<CaseKeys>>();
  /** What rows are stored under (see row-names.ts), while the vault is unlocked. */
  private readonly names = new RowNameBook();

  constructor(
    readonly db: VaultDatabase,
    options: RepositoryOptions & { readonly pagesPerBatch?: number } = {},
  ) {
    this.device = options.deviceDocuments ?? null;
    this.pages = new PageStore(db, this.names, options.pagesPerBatch);
    this.documents = new AttachmentStore(db, this.names, options);
  }

  /**
   * Opens the vault's row names (making them for a vault that has none) and moves whatever is
   * still stored under the names of version 2; must precede any other read of cases or documents.
   */
  async openNames(keys: VaultKeys): Promise<void> {
    this.names.use(await openRowNamesIn(this.db, keys, this.device));
  }

  /** The unlocked vault's row names, for rows sealed outside the repository (an import's documents). */
  rowNames(): RowNames {
    return this.names.get();
  }

  /** The meta row that holds the vault's name key (null: a vault not yet unlocked by this version). */
  async readNamesRow(): Promise<NamesRow | null> {
    const row = await guarded('open', () => this.db.meta.get('names'));
    return row?.key === 'names' ? row : null;
  }

  static open(options: RepositoryOptions = {}): VaultRepository {
    return new VaultRepository(new VaultDatabase(VAULT_DB_NAME), options);
  }

  close(): void {
    this.db.close();
  }

  readHeader(): Promise<VaultHeader | null> {
    return readHeader(this.db);
  }

  /** Stores the header of a new vault; refuses to overwrite an existing one. */
  createHeader(header: VaultHeader): Promise<void> {
    return createHeader(this.db, header);
  }

  /** Replaces the header in one transaction, only if it is still `current`. */
  replaceHeader(current: VaultHeader, next: VaultHeader): Promise<void> {
    return replaceHeader(this.db, current, next);
  }

  /** Opens every page (heads only; see `PageStore.loadAll`); search pages go to `onSearchPages` batch by batch. */
  loadAll(keys: VaultKeys, options: LoadOptions = {}): Promise<LoadResult> {
    return this.pages.loadAll(keys, options);
  }

  /** Calls `listener` with the manifest's counter after every stored write (see `PageStore.onCommitted`). */
  onCommitted(listener: (vaultId: string, counter: number) => void): void {
    this.pages.onCommitted(listener);
  }

  /** The row that says which key epoch the vault is in (none: a vault made before epochs). */
  async readEpoch(): Promise<EpochRow | null> {
    const row = await guarded('open', () => this.db.meta.get('epoch'));
    return row?.key === 'epoch' ? row : null;
  }

  /**
   * Moves the vault to a new key epoch, deleting `remove` in the same transaction (see
   * `PageStore.rotate`); once it is stored, the desktop app's files of the deleted cases go too.
   */
  async rotateEpoch(from: VaultKeys, to: VaultKeys, epoch: EpochRow, change: RotateChange = {}): Promise<void> {
    const remove = change.remove ?? [];
    const documents = this.pages.documentsOf(remove);
    await this.pages.rotate(from, to, epoch, change);
    for (const caseTag of remove) this.caseKeys.delete(caseTag);
    // Cached case keys stay valid (the masters did not change), but were unwrapped under the old epoch only.
    await this.documents.removeFromDevice(to.vaultId, { attachmentIds: documents });
  }

  /** Drops the decrypted pages and keys this window holds (on lock). */
  forget(): void {
    this.pages.forget();
    this.caseKeys.clear();
    this.names.forget();
  }

  /** The keys of a case's documents, unwrapped when first needed. */
  caseKeysFor(keys: VaultKeys, caseTag: string): Promise<CaseKeys> {
    let found = this.caseKeys.get(caseTag);
    if (found === undefined) {
      found = this.names
        .get()
        .caseRef(caseTag)
        .then((ref) => guarded('open-case', () => this.db.sealedKeys.get(ref)))
        .then((row) => {
          if (row === undefined) throw new IntegrityError('caseKeys', caseTag, 'the key of the case is missing');
          return openCaseKeys(keys, caseTag, row);
        });
      found.catch(() => this.caseKeys.delete(caseTag));
      this.caseKeys.set(caseTag, found);
    }
    return found;
  }

  /**
   * Writes cases (and what goes with them) in one transaction (see `PageStore.write`); once it is
   * stored, the desktop app's files of the documents it dropped are deleted.
   */
  async write(keys: VaultKeys, change: VaultWrite): Promise<void> {
    await this.pages.write(keys, change);
    for (const caseTag of change.remove ?? []) this.caseKeys.delete(caseTag);
    await this.documents.removeFromDevice(keys.vaultId, change.deleteChunksOf);
  }

  /** Resolves once a reorganisation a save started has finished or given up. */
  settled(): Promise<void> {
    return this.pages.settled();
  }

  /** A whole case, read from the page this window holds; undefined when the vault has no such case. */
  storedCase(caseTag: string): CaseFile | undefined {
    return this.pages.storedCase(caseTag);
  }

  /** True when the case would live on a page that did not open: such a case cannot be written. */
  onDamagedPage(caseTag: string): boolean {
    return this.pages.onDamagedPage(caseTag);
  }

  /** Every stored row, table by table, still encrypted: what a backup holds. */
  exportRows(vaultId: string): AsyncGenerator<{ table: BackupTable; rows: unknown[] }> {
    return exportRows(this.db, this.device, vaultId);
  }

  /** Restores a verified backup into this (empty) vault in one transaction. */
  restoreRows(frames: ReadonlyArray<{ table: string; rows: readonly unknown[] }>): Promise<void> {
    return restoreRows(this.db, frames);
  }

  readSettings(keys: VaultKeys): Promise<unknown> {
    return readSettings(this.db, keys);
  }

  /** The settings and the IV of their row (null when none are stored), for an import's check. */
  readSettingsVersioned(keys: VaultKeys): Promise<{ value: unknown; version: Uint8Array | null }> {
    return readSettingsVersioned(this.db, keys);
  }

  writeSettings(keys: VaultKeys, value: VaultSettings): Promise<void> {
    return writeSettings(this.db, keys, value);
  }

  /** Stores the sealed forms kept across a lock. */
  putDrafts(row: SettingsRow): Promise<void> {
    return putDraftsRow(this.db, row);
  }

  /** The sealed forms kept across a lock, deleted as they are read. */
  takeDrafts(id: string): Promise<SettingsRow | null> {
    return takeDraftsRow(this.db, id);
  }

  /** Streams a file into the vault and gives back its manifest (see `AttachmentStore.importAttachment`). */
  importAttachment(
    keys: VaultKeys,
    caseKeys: CaseKeys,
    file: Blob,
    meta: DocumentMeta,
    options: ImportOptions = {},
  ): Promise<AttachmentManifest> {
    return this.documents.importAttachment(keys, caseKeys, file, meta, options);
  }

  /** A document's bytes chunk by chunk, each authenticated before it is released. */
  readAttachment(keys: VaultKeys, caseKeys: CaseKeys, manifest: AttachmentManifest): AsyncGenerator<Uint8Array> {
    return this.documents.readAttachment(keys, caseKeys, manifest);
  }

  /** After unlock: removes chunks and document files no document refers to. */
  collectOrphanChunks(vaultId: string, liveAttachmentIds: ReadonlySet<string>): Promise<number> {
    return this.documents.collectOrphanChunks(vaultId, liveAttachmentIds);
  }
}
