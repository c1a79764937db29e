import {
  createBackupWriter,
  expectContents,
  readBackupFrames,
  readBackupHeader,
  sealBackupFrames,
  type BackupFrame,
  type BackupHeader,
} from '../../../shared/backup/backup-format';
import { readCasePackage, writeCasePackage } from '../../../shared/backup/case-package';
import type { CaseHead } from '../../../shared/domain/case-head';
import { mergeCase, type CaseMerge } from '../../../shared/backup/merge';
import {
  openVaultRows,
  resealDocuments,
  type CaseKeyRow,
  type ChunkRow,
  type OpenedRows,
  type SettingsRow,
} from '../../../shared/vault-format/vault-rows';
import { randomId } from '../../../shared/crypto/bytes';
import { VaultError, type IntegrityError } from '../../../shared/crypto/errors';
import type { Argon2id, KdfCost } from '../../../shared/crypto/kdf';
import {
  createCaseKeys,
  createVaultKeys,
  rewrapForNewPassphrase,
  rootBytesWithPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  unlockWithRootBytes,
  type CaseKeys,
  type VaultHeader,
  type VaultKeys,
} from '../../../shared/crypto/vault-keys';
import {
  caseFieldsOf,
  caseFieldsSchema,
  caseRecordSchema,
  type CaseFields,
  type CaseRecord,
  type HistoryEvent,
} from '../../../shared/domain/case';
import {
  entryFieldsOf,
  entryFieldsSchema,
  entryRecordSchema,
  type EntryFields,
  type EntryRecord,
} from '../../../shared/domain/entry';
import { deadlineSchema, type Deadline } from '../../../shared/domain/deadline';
import { diffFields } from '../../../shared/domain/history';
import { readSettings, type VaultSettings } from '../../../shared/settings/vault-settings';
import { markTiming } from '../../../shared/app/timing';
import { VaultMissingError } from '../db/errors';
import { sealSettings, type VaultRepository } from '../db/vault-repository';
import type { AttachmentManifest } from '../../../shared/domain/attachment';
import type { DeviceKeystore } from '../platform';
import type { VaultMarker } from './vault-marker';
import type { CaseFile, CaseEntry } from '../../../shared/domain/case-file';

export type OpenedVault = {
  /** The head of every case: the list, filters and agenda work from these. */
  readonly cases: CaseHead[];
  /** Decrypted search pages (JSON): the search index is built from them off the main thread. */
  readonly searchPages: readonly Uint8Array[];
  /** Pages that did not open, each an error naming it; the other pages' cases are listed. */
  readonly failures: readonly IntegrityError[];
  readonly settings: VaultSettings;
};

/** What an import (a merged backup or a case package) will do, shown before anything is written. */
export type ImportSummary = {
  readonly newCases: number;
  readonly updatedCases: number;
  readonly unchangedCases: number;
  readonly entriesAdded: number;
  readonly entriesUpdated: number;
  readonly entriesRemoved: number;
  readonly documentsAdded: number;
  readonly documentsRemoved: number;
  /** Values both copies changed: the newer kept, the other written into the case history. */
  readonly conflicts: number;
  /** Report settings of quarters this vault has none for. */
  readonly reportsAdded: number;
  readonly cases: ReadonlyArray<{
    readonly caseTag: string;
    readonly title: string;
    readonly outcome: CaseMerge['outcome'];
  }>;
};

/** A verified import, ready to write in one transaction; nothing is written until `commit()`. */
export type PreparedImport = {
  readonly summary: ImportSummary;
  readonly commit: () => Promise<OpenedVault>;
};

/** What the opt-in device keystore can do here; null in the web edition. */
export type DeviceKeystoreStatus = {
  readonly available: boolean;
  readonly remembered: boolean;
  readonly reason?: string;
};

export type VaultServiceDeps = {
  readonly repository: VaultRepository;
  readonly argon2id: Argon2id;
  readonly marker: VaultMarker;
  /** The OS keystore on the desktop; null in the web edition. */
  readonly deviceKeystore?: DeviceKeystore | null;
  /** Only tests lower these; the app uses the defaults. */
  readonly kdfCost?: KdfCost;
  readonly kdfFloor?: KdfCost;
};

/**
 * The vault's use cases on top of the repository: create, unlock, lock, change the passphrase,
 * and the case operations. It holds the keys of the unlocked vault; `lock()` drops them. Keys
 * never leave this object: stores and components hold decrypted records at most.
 */
export class VaultService {
  private keys: VaultKeys | null = null;
  private header: VaultHeader | null = null;

  private searchPagesListener: ((batches: AsyncIterable<readonly Uint8Array[]>) => void) | null = null;

  constructor(private readonly deps: VaultServiceDeps) {}

  /**
   * Hands the decrypted search pages to `listener` on each open, batch by batch as they are
   * decrypted, while the cases are parsed, so the index can be built beside them.
   */
  onSearchPages(listener: (batches: AsyncIterable<readonly Uint8Array[]>) => void): void {
    this.searchPagesListener = listener;
  }

  /** What start-up finds: no vault yet, a vault to unlock, or a vault that was wiped under us. */
  async probe(): Promise<'absent' | 'locked' | 'missing'> {
    const header = await this.deps.repository.readHeader();
    if (header === null) return this.deps.marker.read() === null ? 'absent' : 'missing';
    this.header = header;
    this.deps.marker.write(header.vaultId);
    return 'locked';
  }

  /** After a wipe, with no backup to restore: forget the lost vault so a new one can be made. */
  forgetLostVault(): void {
    this.deps.marker.clear();
  }

  async create(passphrase: string): Promise<{ recoveryKey: string; opened: OpenedVault }> {
    const created = await createVaultKeys({
      passphrase,
      argon2id: this.deps.argon2id,
      ...(this.deps.kdfCost ? { cost: this.deps.kdfCost } : {}),
    });
    await this.deps.repository.createHeader(created.header);
    this.deps.marker.write(created.header.vaultId);
    this.header = created.header;
    this.keys = created.keys;
    return { recoveryKey: created.recoveryKey, opened: await this.load() };
  }

  async unlock(passphrase: string): Promise<OpenedVault> {
    const header = await this.requireHeader();
    markTiming('qorgau:unlock-start');
    this.keys = await unlockWithPassphrase(header, passphrase, this.deps.argon2id, this.floor());
    markTiming('qorgau:kdf-done');
    return this.load();
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<OpenedVault> {
    this.keys = await unlockWithRecoveryKey(await this.requireHeader(), recoveryKey);
    return this.load();
  }

  /** Opens the vault with the root key the OS keystore remembers; forgets a key that no longer fits. */
  async unlockOnDevice(): Promise<OpenedVault> {
    const header = await this.requireHeader();
    const keystore = this.requireKeystore();
    const rootKey = await keystore.recall(header.vaultId);
    if (rootKey === null)
      throw new VaultError(
        'wrong-passphrase',
        'unlock: this device does not remember the vault key any more. Use the passphrase.',
        { reason: 'device-forgot' },
      );
    try {
      this.keys = await unlockWithRootBytes(header, rootKey);
    } catch (error) {
      await keystore.forget(header.vaultId);
      throw error;
    } finally {
      rootKey.fill(0);
    }
    return this.load();
  }

  async deviceKeystoreStatus(): Promise<DeviceKeystoreStatus | null> {
    if (!this.deps.deviceKeystore) return null;
    const header = this.header ?? (await this.deps.repository.readHeader());
    return this.deps.deviceKeystore.status(header?.vaultId ?? null);
  }

  /** Opt-in: lets the OS keystore hold the root key; asks for the passphrase to prove it is wanted. */
  async rememberOnDevice(passphrase: string): Promise<void> {
    const header = await this.requireHeader();
    const keystore = this.requireKeystore();
    const rootKey = await rootBytesWithPassphrase(header, passphrase, this.deps.argon2id, this.deps.kdfFloor);
    try {
      await keystore.remember(header.vaultId, rootKey);
    } finally {
      rootKey.fill(0);
    }
  }

  async forgetOnDevice(): Promise<void> {
    await this.requireKeystore().forget((await this.requireHeader()).vaultId);
  }

  /**
   * The whole vault as backup file parts: the stored rows, still encrypted, sealed again as one
   * framed stream that opens with the passphrase or the recovery key alone.
   */
  async createBackup(): Promise<Uint8Array[]> {
    const keys = this.requireKeys();
    const writer = await createBackupWriter(await this.requireHeader(), keys.backup);
    return sealBackupFrames(writer, this.deps.repository.exportRows(keys.vaultId));
  }

  /**
   * Reads and verifies a whole backup before anything is written, and says what it holds. Only
   * `commit()` writes, in one transaction, into an empty vault.
   */
  async prepareRestore(
    bytes: Uint8Array,
    secret: { readonly passphrase: string } | { readonly recoveryKey: string },
  ): Promise<{ summary: { cases: number; entries: number; documents: number }; commit: () => Promise<OpenedVault> }> {
    const { header, keys, frames } = await this.openBackup(bytes, secret);
    const { cases } = await openVaultRows(frames, keys);
    const count = (pick: (c: CaseFile) => number) => cases.reduce((sum, c) => sum + pick(c), 0);
    return {
      summary: {
        cases: cases.length,
        entries: count((c) => c.entries.length),
        documents: count((c) => c.attachments.length),
      },
      commit: async () => {
        await this.deps.repository.restoreRows(frames);
        this.deps.marker.write(header.vault.vaultId);
        this.header = header.vault;
        this.keys = keys;
        return this.load();
      },
    };
  }

  /**
   * Reads and verifies a whole backup (of this vault or another) and works out how it merges into
   * this one, case by case; `commit()` writes the result in one transaction.
   */
  async prepareMerge(
    bytes: Uint8Array,
    secret: { readonly passphrase: string } | { readonly recoveryKey: string },
  ): Promise<PreparedImport> {
    this.requireKeys();
    const { keys, frames } = await this.openBackup(bytes, secret);
    return this.prepareImport(await openVaultRows(frames, keys));
  }

  /** A whole-vault backup file opened with its passphrase or recovery key, every frame verified. */
  private async openBackup(
    bytes: Uint8Array,
    secret: { readonly passphrase: string } | { readonly recoveryKey: string },
  ): Promise<{ header: BackupHeader; keys: VaultKeys; frames: BackupFrame[] }> {
    const { header } = readBackupHeader(bytes);
    expectContents(header, 'vault');
    const keys =
      'passphrase' in secret
        ? await unlockWithPassphrase(header.vault, secret.passphrase, this.deps.argon2id, this.floor())
        : await unlockWithRecoveryKey(header.vault, secret.recoveryKey);
    return { header, keys, frames: await readBackupFrames(bytes, keys.backup) };
  }

  /** Opens a case package with its one-time code and works out whether it creates or updates a case. */
  async prepareCasePackageImport(bytes: Uint8Array, code: string): Promise<PreparedImport> {
    this.requireKeys();
    return this.prepareImport(await readCasePackage(bytes, code, this.deps.argon2id, this.deps.kdfFloor));
  }

  /** One case as a package for a colleague, with the one-time code that opens it (shown once). */
  async createCasePackage(current: CaseFile): Promise<{ parts: Uint8Array[]; code: string }> {
    const keys = this.requireKeys();
    const caseKeys = await this.deps.repository.caseKeysFor(keys, current.caseTag);
    return writeCasePackage({
      snapshot: current,
      chunks: (_caseTag, manifest) => this.deps.repository.readAttachment(keys, caseKeys, manifest),
      argon2id: this.deps.argon2id,
      ...(this.deps.kdfCost ? { cost: this.deps.kdfCost } : {}),
    });
  }

  private async prepareImport(incoming: OpenedRows): Promise<PreparedImport> {
    const keys = this.requireKeys();
    const repository = this.deps.repository;
    // Compared with the cases this window holds; if the vault changes before the commit (another
    // window), the write notices and refuses.
    const localCases = new Map<string, CaseFile>();
    for (const { caseTag } of incoming.cases) {
      const found = repository.storedCase(caseTag);
      if (found !== undefined) localCases.set(caseTag, found);
    }
    // Cases on a page this vault holds but cannot read must not be replaced behind the user's back.
    const blocked = incoming.cases.find((c) => repository.onDamagedPage(c.caseTag));
    if (blocked !== undefined)
      throw new VaultError(
        'integrity',
        `import: the case "${blocked.record.title}" belongs with stored records that are damaged, so it cannot be merged. Nothing was written.`,
        { reason: 'merge-into-damaged', title: blocked.record.title },
      );
    const at = new Date().toISOString();
    const merges = incoming.cases.map((c) => mergeCase(localCases.get(c.caseTag), c, at));
    const storedSettings = await repository.readSettingsVersioned(keys);
    const settings = readSettings(storedSettings.value);
    const otherReports = readSettings(incoming.settings).reports;
    const reportsAdded = Object.keys(otherReports).filter((quarter) => !(quarter in settings.reports));
    const sum = (pick: (m: CaseMerge) => number) => merges.reduce((total, m) => total + pick(m), 0);
    const summary: ImportSummary = {
      newCases: merges.filter((m) => m.outcome === 'new').length,
      updatedCases: merges.filter((m) => m.outcome === 'updated').length,
      unchangedCases: merges.filter((m) => m.outcome === 'unchanged').length,
      entriesAdded: sum((m) => (m.outcome === 'unchanged' ? 0 : m.entriesAdded)),
      entriesUpdated: sum((m) => m.entriesUpdated),
      entriesRemoved: sum((m) => m.entriesRemoved.length),
      documentsAdded: sum((m) => m.attachmentsAdded.length),
      documentsRemoved: sum((m) => m.attachmentsRemoved.length),
      conflicts: sum((m) => m.conflicts),
      reportsAdded: reportsAdded.length,
      cases: merges.map((m) => ({ caseTag: m.merged.caseTag, title: m.merged.record.title, outcome: m.outcome })),
    };
    const commit = async (): Promise<OpenedVault> => {
      const put: CaseFile[] = [];
      const newCaseKeys: CaseKeyRow[] = [];
      const chunks: ChunkRow[] = [];
      const removedDocuments: string[] = [];
      const expected = new Map<string, CaseFile | null>();
      for (const merge of merges) {
        if (merge.outcome === 'unchanged') continue;
        const { merged } = merge;
        const existing = localCases.get(merged.caseTag);
        expected.set(merged.caseTag, existing ?? null);
        let caseKeys: CaseKeys;
        if (existing === undefined) {
          const created = await createCaseKeys(keys, merged.caseTag);
          caseKeys = created.caseKeys;
          newCaseKeys.push({ caseTag: merged.caseTag, iv: created.wrapped.iv, ct: created.wrapped.ct });
        } else {
          caseKeys = await repository.caseKeysFor(keys, merged.caseTag);
        }
        const documents = await resealDocuments(
          keys.vaultId,
          caseKeys,
          merged.caseTag,
          merge.attachmentsAdded,
          incoming.chunks,
        );
        const resealed = new Map(documents.manifests.map((m) => [m.id, m]));
        put.push({ ...merged, attachments: merged.attachments.map((a) => resealed.get(a.id) ?? a) });
        chunks.push(...documents.chunkRows);
        removedDocuments.push(...merge.attachmentsRemoved);
      }
      let settingsRow: SettingsRow | undefined;
      if (reportsAdded.length > 0) {
        const reports = { ...settings.reports };
        for (const quarter of reportsAdded) reports[quarter] = otherReports[quarter]!;
        settingsRow = await sealSettings(keys, { ...settings, reports });
      }
      await repository.write(keys, {
        put,
        newCaseKeys,
        chunks,
        deleteChunksOf: { attachmentIds: removedDocuments },
        ...(settingsRow ? { settings: settingsRow } : {}),
        expect: { cases: expected, settings: storedSettings.version },
      });
      return this.load();
    };
    return { summary, commit };
  }

  /**
   * A whole case (record, timeline, documents), read from the unlocked vault on demand; undefined
   * when there is no such case. Throws an IntegrityError naming the page if its bytes are damaged.
   */
  caseView(caseTag: string): CaseFile | undefined {
    this.requireKeys();
    return this.deps.repository.storedCase(caseTag);
  }

  /** Drops every key. The caller drops the decrypted records it holds. */
  lock(): void {
    this.keys = null;
    this.deps.repository.forget();
  }

  get unlocked(): boolean {
    return this.keys !== null;
  }

  /** Re-wraps the root under a new passphrase; one atomic header write, so a crash leaves one of the two working. */
  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    const current = await this.requireHeader();
    const next = await rewrapForNewPassphrase({
      header: current,
      oldPassphrase,
      newPassphrase,
      argon2id: this.deps.argon2id,
      ...(this.deps.kdfCost ? { cost: this.deps.kdfCost } : {}),
      ...this.floor(),
    });
    await this.deps.repository.replaceHeader(current, next);
    this.header = next;
  }

  async createCase(fields: CaseFields): Promise<CaseFile> {
    const keys = this.requireKeys();
    const now = new Date().toISOString();
    const record: CaseRecord = caseRecordSchema.parse({
      ...caseFieldsSchema.parse(fields),
      createdAt: now,
      updatedAt: now,
      history: [{ at: now, action: 'case-created', changes: [] }],
    });
    const caseTag = randomId();
    const { wrapped } = await createCaseKeys(keys, caseTag);
    const view: CaseFile = { caseTag, record, entries: [], attachments: [] };
    await this.deps.repository.write(keys, { put: [view], newCaseKeys: [{ caseTag, ...wrapped }] });
    return view;
  }

  /** Saves edited fields; the history records each field that changed, with both values. */
  async updateCase(current: CaseFile, fields: CaseFields): Promise<CaseFile> {
    const next = caseFieldsSchema.parse(fields);
    const changes = diffFields(caseFieldsOf(current.record), next);
    if (changes.length === 0) return current;
    const now = new Date().toISOString();
    const record: CaseRecord = {
      ...current.record,
      ...next,
      updatedAt: now,
      history: [...current.record.history, { at: now, action: 'case-updated', changes }],
    };
    return this.store({ ...current, record });
  }

  /** Adds a timeline entry and its history line in one write. */
  async addEntry(current: CaseFile, fields: EntryFields): Promise<CaseFile> {
    const now = new Date().toISOString();
    const entry: EntryRecord = entryRecordSchema.parse({
      ...entryFieldsSchema.parse(fields),
      createdAt: now,
      updatedAt: now,
    });
    const id = randomId();
    const event: HistoryEvent = {
      at: now,
      action: 'entry-added',
      entryId: id,
      changes: diffFields({}, entryFieldsOf(entry)),
    };
    return this.writeEntries(current, event, [...current.entries, { id, record: entry }]);
  }

  async updateEntry(current: CaseFile, entryId: string, fields: EntryFields): Promise<CaseFile> {
    const existing = current.entries.find((entry) => entry.id === entryId);
    if (existing === undefined)
      throw new VaultError('storage', `save the timeline entry: entry ${entryId} is not in this case.`, {
        reason: 'entry-missing',
      });
    const next = entryFieldsSchema.parse(fields);
    const changes = diffFields(entryFieldsOf(existing.record), next);
    if (changes.length === 0) return current;
    const now = new Date().toISOString();
    const entry: EntryRecord = { ...existing.record, ...next, updatedAt: now };
    const event: HistoryEvent = { at: now, action: 'entry-updated', entryId, changes };
    return this.writeEntries(
      current,
      event,
      current.entries.map((e) => (e.id === entryId ? { id: entryId, record: entry } : e)),
    );
  }

  async deleteEntry(current: CaseFile, entryId: string): Promise<CaseFile> {
    const existing = current.entries.find((entry) => entry.id === entryId);
    if (existing === undefined) return current;
    const now = new Date().toISOString();
    const event: HistoryEvent = {
      at: now,
      action: 'entry-deleted',
      entryId,
      changes: diffFields(entryFieldsOf(existing.record), {}),
    };
    return this.writeEntries(
      current,
      event,
      current.entries.filter((e) => e.id !== entryId),
    );
  }

  /** Adds, changes (including marking done) or removes a deadline; the history records it. */
  async saveDeadline(current: CaseFile, deadline: Deadline): Promise<CaseFile> {
    const next = deadlineSchema.parse(deadline);
    const existing = current.record.deadlines.find((d) => d.id === next.id);
    const changes = diffFields(existing ?? {}, next);
    if (changes.length === 0) return current;
    const deadlines = existing
      ? current.record.deadlines.map((d) => (d.id === next.id ? next : d))
      : [...current.record.deadlines, next];
    return this.writeRecord(
      current,
      { ...current.record, deadlines },
      {
        action: existing ? 'deadline-updated' : 'deadline-added',
        deadlineId: next.id,
        changes,
      },
    );
  }

  async deleteDeadline(current: CaseFile, deadlineId: string): Promise<CaseFile> {
    const existing = current.record.deadlines.find((d) => d.id === deadlineId);
    if (existing === undefined) return current;
    const deadlines = current.record.deadlines.filter((d) => d.id !== deadlineId);
    return this.writeRecord(
      current,
      { ...current.record, deadlines },
      {
        action: 'deadline-deleted',
        deadlineId,
        changes: diffFields(existing, {}),
      },
    );
  }

  /**
   * Streams a file into the case (or one of its entries) through the vault's chunked encryption;
   * the history notes it once the manifest is stored.
   */
  async importAttachment(
    current: CaseFile,
    file: Blob,
    meta: { readonly name: string; readonly type: string; readonly entryId?: string | null },
    options: { readonly signal?: AbortSignal; readonly onProgress?: (done: number, total: number) => void } = {},
  ): Promise<CaseFile> {
    const keys = this.requireKeys();
    const manifest = await this.deps.repository.importAttachment(
      keys,
      await this.deps.repository.caseKeysFor(keys, current.caseTag),
      file,
      meta,
      options,
    );
    const withFile = { ...current, attachments: [...current.attachments, manifest] };
    return this.writeRecord(withFile, current.record, {
      action: 'attachment-added',
      attachmentId: manifest.id,
      changes: [
        {
          field: 'attachment',
          before: null,
          after: `${manifest.name} (${manifest.size} B, SHA-256 ${manifest.sha256})`,
        },
      ],
    });
  }

  /** The decrypted bytes of an attachment, each chunk verified before it is released. */
  async readAttachment(current: CaseFile, manifest: AttachmentManifest): Promise<Uint8Array[]> {
    const parts: Uint8Array[] = [];
    const keys = this.requireKeys();
    const source = this.deps.repository.readAttachment(
      keys,
      await this.deps.repository.caseKeysFor(keys, current.caseTag),
      manifest,
    );
    for await (const part of source) parts.push(part);
    return parts;
  }

  async deleteAttachment(current: CaseFile, manifest: AttachmentManifest): Promise<CaseFile> {
    const withoutFile = { ...current, attachments: current.attachments.filter((a) => a.id !== manifest.id) };
    return this.writeRecord(
      withoutFile,
      current.record,
      {
        action: 'attachment-deleted',
        attachmentId: manifest.id,
        changes: [{ field: 'attachment', before: manifest.name, after: null }],
      },
      { attachmentIds: [manifest.id] },
    );
  }

  /**
   * Deletes a case in one transaction: it leaves its page, which is re-keyed, its document key is
   * destroyed and its documents' chunks removed (crypto-shredding: what remains on disk of any of
   * them needs a key that no longer exists).
   */
  async deleteCase(caseTag: string): Promise<void> {
    await this.deps.repository.write(this.requireKeys(), {
      remove: [caseTag],
      deleteChunksOf: { caseTags: [caseTag] },
    });
  }

  async saveSettings(settings: VaultSettings): Promise<void> {
    await this.deps.repository.writeSettings(this.requireKeys(), settings);
  }

  private async writeEntries(current: CaseFile, event: HistoryEvent, entries: CaseEntry[]): Promise<CaseFile> {
    const record: CaseRecord = { ...current.record, updatedAt: event.at, history: [...current.record.history, event] };
    return this.store({ ...current, record, entries });
  }

  private async writeRecord(
    current: CaseFile,
    record: CaseRecord,
    event: Omit<HistoryEvent, 'at'>,
    deleteChunksOf?: { attachmentIds: string[] },
  ): Promise<CaseFile> {
    const at = new Date().toISOString();
    const next: CaseRecord = { ...record, updatedAt: at, history: [...record.history, { at, ...event }] };
    return this.store({ ...current, record: next }, deleteChunksOf);
  }

  /** Stores a case as it now is (its page is re-sealed in one transaction). */
  private async store(next: CaseFile, deleteChunksOf?: { attachmentIds: string[] }): Promise<CaseFile> {
    await this.deps.repository.write(this.requireKeys(), {
      put: [next],
      ...(deleteChunksOf ? { deleteChunksOf } : {}),
    });
    return next;
  }

  private async load(): Promise<OpenedVault> {
    const keys = this.requireKeys();
    const { cases, searchPages, failures } = await this.deps.repository.loadAll(
      keys,
      this.searchPagesListener ?? undefined,
    );
    const storedSettings = await this.deps.repository.readSettings(keys);
    // Chunks no document refers to: an import that died half way (or another window's leftovers).
    if (failures.length === 0)
      await this.deps.repository.collectOrphanChunks(keys.vaultId, new Set(cases.flatMap((c) => c.attachmentIds)));
    markTiming('qorgau:vault-loaded');
    return {
      cases: [...cases],
      searchPages,
      failures,
      settings: readSettings(storedSettings),
    };
  }

  /** Checks the shape of decrypted cases and keeps their keys; what does not fit is reported, not shown. */

  private async requireHeader(): Promise<VaultHeader> {
    this.header ??= await this.deps.repository.readHeader();
    if (this.header === null) throw new VaultMissingError();
    return this.header;
  }

  private requireKeys(): VaultKeys {
    if (this.keys === null) throw new VaultError('locked', 'vault: it is locked; unlock it first.');
    return this.keys;
  }

  private requireKeystore(): DeviceKeystore {
    if (!this.deps.deviceKeystore)
      throw new VaultError('storage', 'vault: this edition has no device keystore.', { reason: 'no-keystore' });
    return this.deps.deviceKeystore;
  }

  private floor(): { kdfFloor?: KdfCost } {
    return this.deps.kdfFloor ? { kdfFloor: this.deps.kdfFloor } : {};
  }
}
