import type { CaseHead } from '../../../shared/domain/case-head';
import { VaultError } from '../../../shared/crypto/errors';
import type { Argon2id, KdfCost } from '../../../shared/crypto/kdf';
import {
  createVaultKeys,
  replaceRecoveryKey,
  rewrapForNewPassphrase,
  rootBytesWithPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  unlockWithRootBytes,
  type VaultHeader,
  type VaultKeys,
} from '../../../shared/crypto/vault-keys';
import { readSettings, type VaultSettings } from '../../../shared/settings/vault-settings';
import { markTiming } from '../../../shared/app/timing';
import { VaultMissingError } from '../db/errors';
import { type VaultRepository } from '../db/vault-repository';
import type { DeviceKeystore, VaultAnchor } from '../platform';
import type { KeystoreUnavailable } from '../../../shared/ipc/contract';
import type { VaultMarker } from './vault-marker';
import { KeyEpochs } from './key-epochs';
import { DRAFTS_ROW, openDrafts, sealDrafts, type FormDraft } from './form-drafts';

export type OpenedVault = {
  /** The head of every case: the list, filters and agenda work from these. */
  readonly cases: CaseHead[];
  /** Decrypted search pages (JSON): the search index is built from them off the main thread. */
  readonly searchPages: readonly Uint8Array[];
  /** Pages that did not open, each an error naming it; the other pages' cases are listed. */
  readonly failures: readonly VaultError[];
  readonly settings: VaultSettings;
};

/** What the opt-in device keystore can do here; null in the web edition. */
export type DeviceKeystoreStatus = {
  readonly available: boolean;
  readonly remembered: boolean;
  readonly reason?: KeystoreUnavailable;
};

export type VaultServiceDeps = {
  readonly repository: VaultRepository;
  readonly argon2id: Argon2id;
  readonly marker: VaultMarker;
  /** The OS keystore on the desktop; null in the web edition. */
  readonly deviceKeystore?: DeviceKeystore | null;
  /** Main's vault anchor on the desktop (where a replaced epoch key is destroyed); null in the web edition. */
  readonly vaultAnchor?: VaultAnchor | null;
  /** Only tests lower these; the app uses the defaults. */
  readonly kdfCost?: KdfCost;
  readonly kdfFloor?: KdfCost;
};

/**
 * The vault's session: whether a vault is here, creating it, unlocking it (passphrase, recovery
 * key, or the device keystore where the user opted in), locking it, changing its passphrase. It
 * holds the keys of the unlocked vault; `lock()` drops them. Keys never leave the vault layer:
 * stores and components hold decrypted records at most.
 */
export class VaultSession {
  private keys: VaultKeys | null = null;
  private header: VaultHeader | null = null;

  private searchPagesListener: ((batches: AsyncIterable<readonly Uint8Array[]>) => void) | null = null;
  /** Where the epoch key lives, and moving to a new epoch (see key-epochs.ts). */
  readonly epochs: KeyEpochs;

  constructor(private readonly deps: VaultServiceDeps) {
    this.epochs = new KeyEpochs(deps.repository, deps.vaultAnchor ?? null);
  }

  /**
   * Deletes cases for good: the vault moves to a new key epoch in the same transaction, every
   * live key re-wrapped, and the old epoch key is destroyed (desktop), so what remains on disk of
   * the deleted cases needs a key that no longer exists.
   */
  async shred(caseTags: readonly string[]): Promise<void> {
    this.keys = await this.epochs.rotate(this.requireKeys(), caseTags);
  }

  /** Takes a vault restored from a backup as this device's, unlocked with the keys that opened it. */
  async adopt(header: VaultHeader, keys: VaultKeys): Promise<OpenedVault> {
    this.deps.marker.write(header.vaultId);
    this.header = header;
    this.keys = keys;
    return this.load();
  }

  /**
   * Hands the decrypted search pages to `listener` on each open, batch by batch as they are
   * decrypted, while the cases are parsed, so the index can be built beside them.
   */
  onSearchPages(listener: (batches: AsyncIterable<readonly Uint8Array[]>) => void): void {
    this.searchPagesListener = listener;
  }

  /**
   * What start-up finds: no vault yet, a vault to unlock, a vault that was wiped under us, or a
   * vault other than the one this device had (its storage swapped for another's): that one is
   * not taken as ours until the user says so (`acceptReplacedVault`).
   */
  async probe(): Promise<'absent' | 'locked' | 'missing' | 'replaced'> {
    const header = await this.deps.repository.readHeader();
    const known = this.deps.marker.read();
    if (header === null) return known === null ? 'absent' : 'missing';
    this.header = header;
    if (known !== null && known !== header.vaultId) return 'replaced';
    this.deps.marker.write(header.vaultId);
    return 'locked';
  }

  /** The user knows the vault here is not the one this device had, and takes it as this device's. */
  async acceptReplacedVault(): Promise<void> {
    this.deps.marker.write((await this.requireHeader()).vaultId);
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

  /** Drops every key. The caller drops the decrypted records it holds. */
  lock(): void {
    this.keys = null;
    this.deps.repository.forget();
  }

  /** A lock that keeps forms first, still running: an unlock waits for it. */
  private locking: Promise<void> = Promise.resolve();

  /**
   * Locks, keeping the unsaved forms given (sealed, see form-drafts.ts) for the next unlock. The
   * keys are dropped once the forms are stored, or failed to be: the lock always happens.
   */
  lockKeeping(drafts: readonly FormDraft[]): Promise<void> {
    const keys = this.keys;
    if (keys === null || drafts.length === 0) {
      this.lock();
      return this.locking;
    }
    this.locking = (async () => {
      try {
        await this.deps.repository.putDrafts(await sealDrafts(keys, drafts));
      } catch {
        // A form that could not be kept is lost as it would have been; the lock matters more.
      } finally {
        if (this.keys === keys) this.lock();
      }
    })();
    return this.locking;
  }

  /** The forms kept at the last lock (once: the row is deleted as it is read). */
  async takeDrafts(): Promise<FormDraft[]> {
    const keys = this.requireKeys();
    const row = await this.deps.repository.takeDrafts(DRAFTS_ROW);
    return row === null ? [] : openDrafts(keys, row);
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

  /**
   * A new recovery key: the old one stops opening this vault (backups made before keep opening
   * with it). One atomic header write; the passphrase proves it is wanted and unwraps the root.
   */
  async newRecoveryKey(passphrase: string): Promise<string> {
    const current = await this.requireHeader();
    this.requireKeys();
    const next = await replaceRecoveryKey({
      header: current,
      passphrase,
      argon2id: this.deps.argon2id,
      ...this.floor(),
    });
    await this.deps.repository.replaceHeader(current, next.header);
    this.header = next.header;
    return next.recoveryKey;
  }

  /**
   * Re-keys the vault, for when the old passphrase (or a copy of the vault) may be in other hands:
   * a new root under the new passphrase and a new recovery key; every case and page key wrapped
   * anew under it, the settings sealed anew, the header replaced, in one transaction (see
   * `KeyEpochs.rekey`); the old epoch key destroyed; this device's remembered key forgotten. An
   * old passphrase with any old copy of the header (every backup has one) then opens nothing
   * written from now on. Returns the new recovery key, shown once.
   */
  async rekey(oldPassphrase: string, newPassphrase: string): Promise<string> {
    const current = await this.requireHeader();
    const keys = this.requireKeys();
    // The current passphrase, checked as a passphrase change checks it.
    await unlockWithPassphrase(current, oldPassphrase, this.deps.argon2id, this.floor());
    const created = await createVaultKeys({
      passphrase: newPassphrase,
      argon2id: this.deps.argon2id,
      vaultId: current.vaultId,
      ...(this.deps.kdfCost ? { cost: this.deps.kdfCost } : {}),
    });
    this.keys = await this.epochs.rekey(keys, created.keys, { from: current, to: created.header });
    this.header = created.header;
    await this.deps.deviceKeystore?.forget(current.vaultId).catch(() => undefined);
    return created.recoveryKey;
  }

  /** Opens what the keys unlock: every case head, the search pages, the settings; tidies orphaned chunks. */
  async load(): Promise<OpenedVault> {
    // A lock still storing its forms finishes first, so this unlock finds them.
    await this.locking;
    const { keys, lastCounter } = await this.epochs.resolve(this.requireKeys());
    this.keys = keys;
    // Before anything is read: rows are found by their row names (see row-names.ts).
    await this.deps.repository.openNames(keys);
    const { cases, searchPages, failures } = await this.deps.repository.loadAll(keys, {
      lastCounter,
      ...(this.searchPagesListener ? { onSearchPages: this.searchPagesListener } : {}),
    });
    // A vault made before key epochs (or just made) enters its first epoch: its keys are wrapped
    // anew, so that deleting a case can shred it. Not while anything is damaged: a page that does
    // not open cannot be re-wrapped.
    if (keys.epoch === 0 && failures.length === 0) this.keys = await this.epochs.rotate(keys, []);
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

  /** The vault header (read once), or VaultMissingError when the vault was wiped under the app. */
  async requireHeader(): Promise<VaultHeader> {
    this.header ??= await this.deps.repository.readHeader();
    if (this.header === null) throw new VaultMissingError();
    return this.header;
  }

  /** The unlocked vault's keys, for the vault layer's own parts (case commands, imports); never handed above it. */
  requireKeys(): VaultKeys {
    if (this.keys === null) throw new VaultError('locked', 'vault: it is locked; unlock it first.');
    return this.keys;
  }

  private requireKeystore(): DeviceKeystore {
    if (!this.deps.deviceKeystore)
      throw new VaultError('storage', 'vault: this edition has no device keystore.', { reason: 'no-keystore' });
    return this.deps.deviceKeystore;
  }

  /** The key-derivation floor a header must meet (lowered only in tests). */
  floor(): { kdfFloor?: KdfCost } {
    return this.deps.kdfFloor ? { kdfFloor: this.deps.kdfFloor } : {};
  }
}
