import type { PastReportWrite } from '../../../shared/import/import-writes';
import { useMemo } from 'react';
import { create } from 'zustand';
import { caseHead, type CaseHead } from '../../../shared/domain/case-head';
import { VaultError } from '../../../shared/crypto/errors';
import type { CaseFields } from '../../../shared/domain/case';
import type { Deadline } from '../../../shared/domain/deadline';
import type { EntryFields } from '../../../shared/domain/entry';
import type { AttachmentDetails, AttachmentManifest } from '../../../shared/domain/attachment';
import { markTiming } from '../../../shared/app/timing';
import { failureOf, type Failure } from '../i18n/failure-text';
import { createSearchClient, type SearchClient } from '../search/search-client';
import { SearchSession } from '../search/search-session';
import {
  type DeviceKeystoreStatus,
  type ImportSummary,
  type OpenedVault,
  type VaultService,
} from '../vault/vault-service';
import { DEFAULT_SETTINGS, type ReportSettings, type VaultSettings } from '../../../shared/settings/vault-settings';
import type { CaseFile } from '../../../shared/domain/case-file';
import type { QuickDevelopment } from '../../../shared/domain/quick-development';
import type { FormDraft } from '../vault/form-drafts';
import { formsToKeep } from './kept-forms';

export type { ImportSummary };

/** A verified import as the UI holds it: what will change, and the one step that writes it. */
export type PreparedImportAction = { readonly summary: ImportSummary; readonly commit: () => Promise<boolean> };

export type VaultStatus = 'starting' | 'absent' | 'missing' | 'replaced' | 'locked' | 'unlocked';

type VaultState = {
  readonly status: VaultStatus;
  readonly busy: boolean;
  /** The last failure, as a code and what its sentence needs (worded where shown); never key material. */
  readonly error: Failure | null;
  /** Shown once, right after the vault is created (or a new one made); cleared when acknowledged or on lock. */
  readonly recoveryKey: string | null;
  /** True when `recoveryKey` replaces an earlier one (Settings), false at the vault's creation. */
  readonly recoveryKeyIsNew: boolean;
  /** The head of every case (what the list needs); `caseView` reads a whole case. */
  readonly cases: readonly CaseHead[];
  /** Search over the decrypted cases; rebuilt on unlock, updated case by case, dropped on lock. */
  readonly search: SearchClient;
  /** False while the index is being built after unlock; search answers once it is true. */
  readonly searchReady: boolean;
  /** Bumped whenever the index changes, so shown results are asked for again. */
  readonly searchVersion: number;
  /** Records that did not open at unlock, each named. */
  readonly failures: readonly Failure[];
  readonly settings: VaultSettings;
  /** The browser's answer to `navigator.storage.persist()`; null until asked. */
  readonly persisted: boolean | null;
  /** The opt-in device keystore (desktop only); null in the web edition. */
  readonly device: DeviceKeystoreStatus | null;
  /** A form left unsaved when the vault last locked, to open again (see vault/form-drafts.ts); null once dealt with. */
  readonly restoredDraft: FormDraft | null;
};

type VaultActions = {
  start: () => Promise<void>;
  create: (passphrase: string) => Promise<void>;
  forgetLostVault: () => void;
  /** Takes a vault that is not the one this device had as this device's (after the user read why). */
  acceptReplacedVault: () => Promise<void>;
  acknowledgeRecoveryKey: () => void;
  unlock: (passphrase: string) => Promise<void>;
  unlockWithRecoveryKey: (recoveryKey: string) => Promise<void>;
  /** Locks; the forms open with unsaved changes are kept, sealed, for the next unlock. */
  lock: () => void;
  /** The restored form was saved, cancelled or left. */
  dismissRestoredDraft: () => void;
  /**
   * A whole case, read from the unlocked vault (null: no such case, or the vault is locked).
   * Throws an IntegrityError naming the damaged page if the case's bytes do not read.
   */
  caseView: (caseTag: string) => CaseFile | null;
  /** Resolves to the new case's tag, or null when it could not be saved. */
  addCase: (input: CaseFields) => Promise<string | null>;
  updateCase: (caseTag: string, fields: CaseFields) => Promise<boolean>;
  /** Records a quick development; resolves to its tag, or null when it could not be saved. */
  addQuickDevelopment: (quick: QuickDevelopment) => Promise<string | null>;
  /** Moves a quick development's entry into a tracked case, removing the quick one (one write). */
  attachQuickDevelopment: (quickTag: string, caseTag: string) => Promise<boolean>;
  /** A quick development becomes a tracked case. */
  trackQuickDevelopment: (caseTag: string) => Promise<boolean>;
  addEntry: (caseTag: string, fields: EntryFields) => Promise<boolean>;
  updateEntry: (caseTag: string, entryId: string, fields: EntryFields) => Promise<boolean>;
  deleteEntry: (caseTag: string, entryId: string) => Promise<boolean>;
  saveDeadline: (caseTag: string, deadline: Deadline) => Promise<boolean>;
  deleteDeadline: (caseTag: string, deadlineId: string) => Promise<boolean>;
  importAttachment: (
    caseTag: string,
    file: File,
    options: { entryId?: string | null; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
  ) => Promise<boolean>;
  /** The decrypted file, or throws (an IntegrityError naming the file when a chunk was tampered with). */
  readAttachment: (caseTag: string, manifest: AttachmentManifest) => Promise<Uint8Array[]>;
  deleteAttachment: (caseTag: string, manifest: AttachmentManifest) => Promise<boolean>;
  describeAttachment: (caseTag: string, attachmentId: string, details: AttachmentDetails) => Promise<boolean>;
  /** Remembers reminders already shown, so each is shown once. */
  markReminded: (keys: readonly string[]) => Promise<void>;
  saveReportSettings: (quarter: string, report: ReportSettings) => Promise<void>;
  /** The whole vault as a backup file's parts; records when it was made. */
  createBackup: () => Promise<Uint8Array[] | null>;
  prepareRestore: (
    bytes: Uint8Array,
    secret: { passphrase: string } | { recoveryKey: string },
  ) => Promise<{
    summary: { cases: number; entries: number; documents: number };
    commit: () => Promise<boolean>;
  } | null>;
  /** Verifies a backup and works out how it merges into this vault; nothing is written before `commit`. */
  prepareMerge: (
    bytes: Uint8Array,
    secret: { passphrase: string } | { recoveryKey: string },
  ) => Promise<PreparedImportAction | null>;
  /** Writes a confirmed import of past reports in one transaction (refused if the vault changed since the review). */
  importPastReports: (write: PastReportWrite, reviewed: readonly CaseFile[]) => Promise<boolean>;
  /** Opens a case package with its one-time code; nothing is written before `commit`. */
  prepareCasePackageImport: (bytes: Uint8Array, code: string) => Promise<PreparedImportAction | null>;
  /** One case as a package file's parts, with the one-time code that opens it. */
  createCasePackage: (
    caseTag: string,
    options?: { readonly includePrivileged?: boolean },
  ) => Promise<{ parts: Uint8Array[]; code: string } | null>;
  deleteCase: (caseTag: string) => Promise<void>;
  changePassphrase: (oldPassphrase: string, newPassphrase: string) => Promise<boolean>;
  /** A new recovery key (shown once, like the first); the old one stops opening the vault. */
  newRecoveryKey: (passphrase: string) => Promise<boolean>;
  /** A passphrase change with a new root, every key re-wrapped, and a new recovery key (shown once). */
  rekey: (oldPassphrase: string, newPassphrase: string) => Promise<boolean>;
  saveSettings: (settings: VaultSettings) => Promise<void>;
  clearError: () => void;
  unlockOnDevice: () => Promise<void>;
  rememberOnDevice: (passphrase: string) => Promise<boolean>;
  forgetOnDevice: () => Promise<void>;
};

/** The empty state: nothing decrypted, nothing known. Locking returns to it (but for status). */
export function initialVaultState(): VaultState {
  return {
    status: 'starting',
    busy: false,
    error: null,
    recoveryKey: null,
    recoveryKeyIsNew: false,
    cases: [],
    search: createSearchClient(),
    searchReady: false,
    searchVersion: 0,
    failures: [],
    settings: DEFAULT_SETTINGS,
    persisted: null,
    device: null,
    restoredDraft: null,
  };
}

let service: VaultService | null = null;

/** The search index's life beside the vault's (see search-session.ts). */
const searchSession = new SearchSession((client) => {
  const state = useVaultStore.getState();
  if (state.search !== client) return;
  markTiming('qorgau:search-ready');
  useVaultStore.setState({ searchReady: true, searchVersion: state.searchVersion + 1 });
});

/** Connects the store to the vault service once at start-up (tests pass their own). */
export function connectVaultService(vaultService: VaultService): void {
  service = vaultService;
  vaultService.session.onSearchPages((pages) => searchSession.load(pages));
}

function requireService(): VaultService {
  if (service === null) throw new Error('vault-store: connectVaultService() was not called at start-up');
  return service;
}

export const useVaultStore = create<VaultState & VaultActions>()((set, get) => {
  /**
   * Runs a vault operation with busy/error handling: its result, or null when it failed (the
   * failure is then in `error`, to be worded where it is shown).
   */
  const attempt = async <T>(operation: () => Promise<T>): Promise<{ readonly value: T } | null> => {
    set({ busy: true, error: null });
    try {
      return { value: await operation() };
    } catch (error) {
      set({ error: failureOf(error) });
      return null;
    } finally {
      set({ busy: false });
    }
  };
  /** As `attempt`, for operations whose only result is that they succeeded. */
  const run = async (operation: () => Promise<unknown>): Promise<boolean> => (await attempt(operation)) !== null;
  const opened = (vault: OpenedVault): Partial<VaultState> => {
    // The index is built beside the list (in a worker): the list shows first, search follows.
    const entry = searchSession.take(vault.searchPages);
    if (get().search !== entry.client) get().search.dispose();
    return {
      status: 'unlocked',
      cases: sortCases(vault.cases),
      search: entry.client,
      searchReady: entry.ready,
      failures: vault.failures.map(failureOf),
      settings: vault.settings,
    };
  };
  /** Runs an import's verification; its commit replaces the decrypted state with the vault as written. */
  const prepareImport = async <S>(
    prepare: () => Promise<{ summary: S; commit: () => Promise<OpenedVault> }>,
  ): Promise<{ summary: S; commit: () => Promise<boolean> } | null> => {
    const prepared = await attempt(prepare);
    if (prepared === null) return null;
    const { summary, commit } = prepared.value;
    return {
      summary,
      commit: () =>
        run(async () => {
          set(opened(await commit()));
        }),
    };
  };
  /** The vault as an unlock opened it, with the form the last lock kept (if any). */
  const unlocked = async (vault: OpenedVault): Promise<Partial<VaultState>> => {
    const [draft] = await requireService().session.takeDrafts();
    return { ...opened(vault), restoredDraft: draft ?? null };
  };
  const askPersistence = async (): Promise<void> => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (storage?.persist === undefined) return;
    try {
      set({ persisted: (await storage.persisted()) || (await storage.persist()) });
    } catch {
      set({ persisted: false });
    }
  };

  /** Applies a saved change to one case: the list, and the search index, follow. */
  const replaceCase = async (
    caseTag: string,
    change: (service: VaultService, current: CaseFile) => Promise<CaseFile>,
  ): Promise<void> => {
    const current = get().caseView(caseTag);
    if (current === null)
      throw new VaultError('storage', `save the case: the case ${caseTag} is not open.`, { reason: 'case-not-open' });
    const next = await change(requireService(), current);
    if (next === current) return;
    get().search.upsert(next);
    const head = caseHead(next);
    set({
      searchVersion: get().searchVersion + 1,
      cases: sortCases(get().cases.map((c) => (c.caseTag === caseTag ? head : c))),
    });
  };

  return {
    ...initialVaultState(),
    start: async () => {
      await run(async () => {
        const status = await requireService().session.probe();
        set({ status, device: await requireService().session.deviceKeystoreStatus() });
      });
    },
    unlockOnDevice: async () => {
      searchSession.warmUp();
      await run(async () => {
        try {
          set(await unlocked(await requireService().session.unlockOnDevice()));
        } finally {
          set({ device: await requireService().session.deviceKeystoreStatus() });
        }
      });
    },
    rememberOnDevice: (passphrase) =>
      run(async () => {
        await requireService().session.rememberOnDevice(passphrase);
        set({ device: await requireService().session.deviceKeystoreStatus() });
      }),
    forgetOnDevice: async () => {
      await run(async () => {
        await requireService().session.forgetOnDevice();
        set({ device: await requireService().session.deviceKeystoreStatus() });
      });
    },
    create: async (passphrase) => {
      await run(async () => {
        const { recoveryKey, opened: vault } = await requireService().session.create(passphrase);
        set({
          ...opened(vault),
          recoveryKey,
          recoveryKeyIsNew: false,
          device: await requireService().session.deviceKeystoreStatus(),
        });
        await askPersistence();
      });
    },
    acceptReplacedVault: async () => {
      await run(async () => {
        await requireService().session.acceptReplacedVault();
        set({ status: 'locked' });
      });
    },
    forgetLostVault: () => {
      requireService().session.forgetLostVault();
      set({ status: 'absent' });
    },
    acknowledgeRecoveryKey: () => set({ recoveryKey: null }),
    unlock: async (passphrase) => {
      searchSession.warmUp();
      await run(async () => {
        set(await unlocked(await requireService().session.unlock(passphrase)));
        await askPersistence();
      });
    },
    unlockWithRecoveryKey: async (recoveryKey) => {
      searchSession.warmUp();
      await run(async () => {
        set(await unlocked(await requireService().session.unlockWithRecoveryKey(recoveryKey)));
        await askPersistence();
      });
    },
    lock: () => {
      // The keys go once the unsaved forms are stored (a moment); the screen locks now.
      void requireService().session.lockKeeping(get().status === 'unlocked' ? formsToKeep() : []);
      // The search index holds words of case texts: it goes with the keys.
      get().search.dispose();
      searchSession.discard();
      // Every decrypted record and the recovery key leave memory with the state they lived in.
      set({
        ...initialVaultState(),
        status: get().status === 'unlocked' ? 'locked' : get().status,
        persisted: get().persisted,
        device: get().device,
      });
    },
    dismissRestoredDraft: () => set({ restoredDraft: null }),
    caseView: (caseTag) => {
      if (get().status !== 'unlocked') return null;
      return requireService().cases.caseView(caseTag) ?? null;
    },
    addCase: async (input) => {
      const created = await attempt(async () => {
        const created = await requireService().cases.createCase(input);
        get().search.upsert(created);
        set({ searchVersion: get().searchVersion + 1, cases: sortCases([...get().cases, caseHead(created)]) });
        return created.caseTag;
      });
      return created?.value ?? null;
    },
    updateCase: (caseTag, fields) =>
      run(() => replaceCase(caseTag, (service, current) => service.cases.updateCase(current, fields))),
    addQuickDevelopment: async (quick) => {
      const created = await attempt(async () => {
        const made = await requireService().cases.createQuickDevelopment(quick);
        get().search.upsert(made);
        set({ searchVersion: get().searchVersion + 1, cases: sortCases([...get().cases, caseHead(made)]) });
        return made.caseTag;
      });
      return created?.value ?? null;
    },
    attachQuickDevelopment: (quickTag, caseTag) =>
      run(async () => {
        const quick = get().caseView(quickTag);
        if (quick === null)
          throw new VaultError('storage', `attach: the case ${quickTag} is not open.`, { reason: 'case-not-open' });
        await replaceCase(caseTag, (service, current) => service.cases.attachQuickDevelopment(quick, current));
        get().search.remove(quickTag);
        set({ searchVersion: get().searchVersion + 1, cases: get().cases.filter((c) => c.caseTag !== quickTag) });
      }),
    trackQuickDevelopment: (caseTag) =>
      run(() => replaceCase(caseTag, (service, current) => service.cases.trackQuickDevelopment(current))),
    addEntry: (caseTag, fields) =>
      run(() => replaceCase(caseTag, (service, current) => service.cases.addEntry(current, fields))),
    updateEntry: (caseTag, entryId, fields) =>
      run(() => replaceCase(caseTag, (service, current) => service.cases.updateEntry(current, entryId, fields))),
    deleteEntry: (caseTag, entryId) =>
      run(() => replaceCase(caseTag, (service, current) => service.cases.deleteEntry(current, entryId))),
    saveDeadline: (caseTag, deadline) =>
      run(() => replaceCase(caseTag, (service, current) => service.cases.saveDeadline(current, deadline))),
    deleteDeadline: (caseTag, deadlineId) =>
      run(() => replaceCase(caseTag, (service, current) => service.cases.deleteDeadline(current, deadlineId))),
    importAttachment: (caseTag, file, options) =>
      run(() =>
        replaceCase(caseTag, (service, current) =>
          service.cases.importAttachment(
            current,
            file,
            { name: file.name, type: file.type, entryId: options.entryId ?? null },
            options,
          ),
        ),
      ),
    readAttachment: (caseTag, manifest) => {
      const current = get().caseView(caseTag);
      if (current === null)
        return Promise.reject(
          new VaultError('storage', 'open the file: the case is not open.', { reason: 'case-not-open' }),
        );
      return requireService().cases.readAttachment(current, manifest);
    },
    deleteAttachment: (caseTag, manifest) =>
      run(() => replaceCase(caseTag, (service, current) => service.cases.deleteAttachment(current, manifest))),
    describeAttachment: (caseTag, attachmentId, details) =>
      run(() =>
        replaceCase(caseTag, (service, current) => service.cases.describeAttachment(current, attachmentId, details)),
      ),
    createBackup: async () => {
      const made = await attempt(async () => {
        const parts = await requireService().imports.createBackup();
        const next = { ...get().settings, lastBackupAt: new Date().toISOString() };
        set({ settings: next });
        await requireService().cases.saveSettings(next);
        return parts;
      });
      return made?.value ?? null;
    },
    prepareRestore: (bytes, secret) => prepareImport(() => requireService().imports.prepareRestore(bytes, secret)),
    prepareMerge: (bytes, secret) => prepareImport(() => requireService().imports.prepareMerge(bytes, secret)),
    importPastReports: (write, reviewed) =>
      run(async () => {
        set(opened(await requireService().imports.writePastReports(write, reviewed)));
      }),
    prepareCasePackageImport: (bytes, code) =>
      prepareImport(() => requireService().imports.prepareCasePackageImport(bytes, code)),
    createCasePackage: async (caseTag, options = {}) => {
      const made = await attempt(() => {
        const current = get().caseView(caseTag);
        if (current === null)
          throw new VaultError('storage', `hand over the case: the case ${caseTag} is not open.`, {
            reason: 'case-not-open',
          });
        return requireService().imports.createCasePackage(current, options);
      });
      return made?.value ?? null;
    },
    saveReportSettings: async (quarter, report) => {
      const next = { ...get().settings, reports: { ...get().settings.reports, [quarter]: report } };
      set({ settings: next });
      await run(() => requireService().cases.saveSettings(next));
    },
    markReminded: async (keys) => {
      if (keys.length === 0) return;
      const settings = get().settings;
      const next = { ...settings, notifiedReminders: [...settings.notifiedReminders, ...keys] };
      set({ settings: next });
      await requireService().cases.saveSettings(next);
    },
    deleteCase: async (caseTag) => {
      await run(async () => {
        await requireService().cases.deleteCase(caseTag);
        get().search.remove(caseTag);
        set({ searchVersion: get().searchVersion + 1 });
        set({ cases: get().cases.filter((c) => c.caseTag !== caseTag) });
      });
    },
    changePassphrase: (oldPassphrase, newPassphrase) =>
      run(() => requireService().session.changePassphrase(oldPassphrase, newPassphrase)),
    newRecoveryKey: (passphrase) =>
      run(async () => {
        set({ recoveryKey: await requireService().session.newRecoveryKey(passphrase), recoveryKeyIsNew: true });
      }),
    rekey: (oldPassphrase, newPassphrase) =>
      run(async () => {
        const recoveryKey = await requireService().session.rekey(oldPassphrase, newPassphrase);
        set({ recoveryKey, recoveryKeyIsNew: true, device: await requireService().session.deviceKeystoreStatus() });
      }),
    saveSettings: async (settings) => {
      await run(async () => {
        await requireService().cases.saveSettings(settings);
        set({ settings });
      });
    },
    clearError: () => set({ error: null }),
  };
});

/**
 * The whole case behind a head in the list, read again whenever its head changes (each save gives
 * the case a new head). `error` names the damaged page when the case's bytes do not read.
 */
export function useCaseView(caseTag: string): { readonly view: CaseFile | null; readonly error: Failure | null } {
  const head = useVaultStore((s) => s.cases.find((c) => c.caseTag === caseTag));
  return useMemo(() => {
    if (head === undefined) return { view: null, error: null };
    try {
      return { view: useVaultStore.getState().caseView(head.caseTag), error: null };
    } catch (error) {
      return { view: null, error: failureOf(error) };
    }
  }, [head]);
}

/** Whole cases for some heads (a quarter's report, the agenda's hearings), skipping any that do not read. */
export function caseViewsOf(heads: readonly CaseHead[]): CaseFile[] {
  const { caseView } = useVaultStore.getState();
  return heads.flatMap((head) => {
    try {
      return caseView(head.caseTag) ?? [];
    } catch {
      // A damaged page is reported when the vault opens; its cases are left out here.
      return [];
    }
  });
}

function sortCases(cases: readonly CaseHead[]): CaseHead[] {
  return [...cases].sort((a, b) => b.record.updatedAt.localeCompare(a.record.updatedAt));
}
