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
import { mergeCase, type CaseMerge } from '../../../shared/backup/merge';
import {
  openVaultRows,
  resealDocuments,
  type CaseKeyWrap,
  type ChunkRow,
  type OpenedRows,
  type SettingsRow,
} from '../../../shared/vault-format/vault-rows';
import { VaultError } from '../../../shared/crypto/errors';
import {
  createCaseKeys,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type CaseKeys,
  type VaultKeys,
} from '../../../shared/crypto/vault-keys';
import { readSettings, reportSettingsFor } from '../../../shared/settings/vault-settings';
import type { PastReportWrite } from '../../../shared/import/import-writes';
import { sealSettings } from '../db/vault-repository';
import type { ImportSummary } from '../../../shared/backup/import-summary';
import type { VaultServiceDeps, VaultSession, OpenedVault } from './vault-session';
import type { CaseFile } from '../../../shared/domain/case-file';
import type { WithheldField } from '../../../shared/domain/withheld';
import type { EpochRow } from '../../../shared/vault-format/manifest';

/** A verified import, ready to write in one transaction; nothing is written until `commit()`. */
export type { ImportSummary };

export type PreparedImport = {
  readonly summary: ImportSummary;
  readonly commit: () => Promise<OpenedVault>;
};

/**
 * What comes into the vault from a file, and goes out as one: backups (made, restored into an
 * empty vault, merged into this one) and case packages (made for a colleague, imported). Every
 * file is read and verified whole, and what it will change is shown, before anything is written;
 * the write is one transaction.
 */
export class VaultImports {
  constructor(
    private readonly session: VaultSession,
    private readonly deps: VaultServiceDeps,
  ) {}

  /**
   * The whole vault as backup file parts: the stored rows, still encrypted, sealed again as one
   * framed stream that opens with the passphrase or the recovery key alone.
   */
  async createBackup(): Promise<Uint8Array[]> {
    const keys = this.session.requireKeys();
    const writer = await createBackupWriter(await this.session.requireHeader(), keys.backup);
    // The epoch key travels sealed in the backup (which opens with the passphrase or recovery
    // key alone), even where the vault keeps it in the desktop's anchor.
    const epoch = await this.session.epochs.portableRow(keys);
    const rows = this.deps.repository.exportRows(keys.vaultId);
    return sealBackupFrames(
      writer,
      (async function* () {
        for await (const frame of rows)
          yield frame.table === 'meta' && epoch !== null
            ? { ...frame, rows: frame.rows.map((row) => ((row as { key?: unknown }).key === 'epoch' ? epoch : row)) }
            : frame;
      })(),
    );
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
        // On the desktop the epoch key goes to main's anchor, never into IndexedDB.
        const adopted: BackupFrame[] = [];
        for (const frame of frames)
          adopted.push(
            frame.table === 'meta'
              ? {
                  ...frame,
                  rows: await Promise.all(
                    frame.rows.map((row) =>
                      (row as { key?: unknown }).key === 'epoch'
                        ? this.session.epochs.adoptRow(keys, row as EpochRow)
                        : row,
                    ),
                  ),
                }
              : frame,
          );
        await this.deps.repository.restoreRows(adopted);
        return this.session.adopt(header.vault, keys);
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
    this.session.requireKeys();
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
        ? await unlockWithPassphrase(header.vault, secret.passphrase, this.deps.argon2id, this.session.floor())
        : await unlockWithRecoveryKey(header.vault, secret.recoveryKey);
    return { header, keys, frames: await readBackupFrames(bytes, keys.backup) };
  }

  /** Opens a case package with its one-time code and works out whether it creates or updates a case. */
  async prepareCasePackageImport(bytes: Uint8Array, code: string): Promise<PreparedImport> {
    this.session.requireKeys();
    const opened = await readCasePackage(bytes, code, this.deps.argon2id, this.deps.kdfFloor);
    return this.prepareImport(opened, opened.withheld);
  }

  /**
   * One case as a package for a colleague, with the one-time code that opens it (shown once);
   * without its privileged notes unless `includePrivileged`.
   */
  async createCasePackage(
    current: CaseFile,
    options: { readonly includePrivileged?: boolean } = {},
  ): Promise<{ parts: Uint8Array[]; code: string }> {
    const keys = this.session.requireKeys();
    const caseKeys = await this.deps.repository.caseKeysFor(keys, current.caseTag);
    return writeCasePackage({
      snapshot: current,
      chunks: (_caseTag, manifest) => this.deps.repository.readAttachment(keys, caseKeys, manifest),
      argon2id: this.deps.argon2id,
      includePrivileged: options.includePrivileged === true,
      ...(this.deps.kdfCost ? { cost: this.deps.kdfCost } : {}),
    });
  }

  /**
   * Writes a confirmed import of past reports (see shared/import): the cases it adds and changes
   * and each quarter's new order, in one transaction. `reviewed` are the cases the review was
   * made from: if any case it changes, or the settings, changed since, nothing is written.
   */
  async writePastReports(write: PastReportWrite, reviewed: readonly CaseFile[]): Promise<OpenedVault> {
    const keys = this.session.requireKeys();
    const repository = this.deps.repository;
    const created = new Set(write.created);
    const expected = new Map<string, CaseFile | null>();
    for (const file of write.put) {
      expected.set(
        file.caseTag,
        created.has(file.caseTag) ? null : (reviewed.find((c) => c.caseTag === file.caseTag) ?? null),
      );
    }
    const newCaseKeys: CaseKeyWrap[] = [];
    for (const caseTag of write.created) {
      const { wrapped } = await createCaseKeys(keys, caseTag);
      newCaseKeys.push({ caseTag, iv: wrapped.iv, ct: wrapped.ct });
    }
    const stored = await repository.readSettingsVersioned(keys);
    const settings = readSettings(stored.value);
    const reports = { ...settings.reports };
    for (const [quarter, order] of Object.entries(write.orders))
      reports[quarter] = { ...reportSettingsFor(settings, quarter), order: [...order] };
    await repository.write(keys, {
      put: write.put,
      newCaseKeys,
      settings: await sealSettings(keys, { ...settings, reports }),
      expect: { cases: expected, settings: stored.version },
    });
    return this.session.load();
  }

  private async prepareImport(incoming: OpenedRows, withheld: readonly WithheldField[] = []): Promise<PreparedImport> {
    const keys = this.session.requireKeys();
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
    const merges = incoming.cases.map((c) => mergeCase(localCases.get(c.caseTag), c, at, { withheld }));
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
      const newCaseKeys: CaseKeyWrap[] = [];
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
          repository.rowNames(),
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
      return this.session.load();
    };
    return { summary, commit };
  }
}
