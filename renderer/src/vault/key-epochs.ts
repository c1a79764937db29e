import { randomBytes } from '../../../shared/crypto/bytes';
import { IntegrityError } from '../../../shared/crypto/errors';
import {
  EPOCH_KEY_BYTES,
  openEpochKey,
  sealEpochKey,
  withEpoch,
  withoutEpoch,
  type VaultHeader,
  type VaultKeys,
} from '../../../shared/crypto/vault-keys';
import { readSettings } from '../../../shared/settings/vault-settings';
import { resealNamesRow } from '../../../shared/crypto/row-names';
import type { EpochRow } from '../../../shared/vault-format/manifest';
import { sealSettings, type RotateChange, type VaultRepository } from '../db/vault-repository';
import type { VaultAnchor } from '../platform';

/**
 * Key epochs: where the vault's epoch key lives, and moving to a new one (see vault-keys.ts).
 *
 * On the desktop the epoch key is in main's vault anchor, a file overwritten in place: moving to
 * a new epoch keeps both keys there until the vault's rows are re-wrapped (in one transaction),
 * then destroys the old one. A crash between leaves the key the vault needs; the next unlock
 * finishes the job. In the web edition the key is sealed in IndexedDB itself, whose files may
 * keep old rows: there a deleted case may be recoverable with the passphrase, and the app says so.
 */
export class KeyEpochs {
  /** The anchor's counter writes, in order. */
  private counters: Promise<void> = Promise.resolve();

  constructor(
    private readonly repository: VaultRepository,
    private readonly anchor: VaultAnchor | null,
  ) {
    // The desktop keeps each write's counter outside IndexedDB, to see a rolled-back store. Not
    // awaited by the save: a counter lost to a crash only leaves the last write's rollback unseen.
    repository.onCommitted((vaultId, counter) => {
      this.counters = this.counters.then(() => anchor?.raiseCounter(vaultId, counter)).catch(() => undefined);
    });
  }

  /** Resolves once every write's counter has reached the anchor. */
  settled(): Promise<void> {
    return this.counters;
  }

  /** True when a replaced epoch key is really destroyed (the desktop's anchor). */
  get destroyable(): boolean {
    return this.anchor !== null;
  }

  /**
   * The keys of the epoch the vault is in, and the last write counter this device recorded
   * outside IndexedDB (null in the web edition). Finishes a move to a new epoch a crash cut short.
   */
  async resolve(keys: VaultKeys): Promise<{ keys: VaultKeys; lastCounter: number | null }> {
    const row = await this.repository.readEpoch();
    const anchor = this.anchor ? await this.anchor.read(keys.vaultId) : null;
    const lastCounter = anchor?.counter ?? null;
    // A vault made before key epochs. (If its epoch row was removed instead, nothing opens with
    // these keys, and every page says so; the anchor is left as it is.)
    if (row === null) return { keys: await withoutEpoch(keys), lastCounter };
    let epochKey: Uint8Array;
    if (row.sealed !== null) {
      epochKey = await openEpochKey(keys, row.epoch, row.sealed);
    } else {
      const kept = anchor?.epochs.find((e) => e.epoch === row.epoch);
      if (kept === undefined)
        throw new IntegrityError(
          'meta',
          'epoch',
          'the key of the vault’s key epoch is not among this device’s files: the vault was copied here from elsewhere, or the app’s data folder was replaced',
          { reason: 'epoch-key-missing' },
        );
      epochKey = new Uint8Array(kept.key);
    }
    try {
      const current = await withEpoch(keys, row.epoch, epochKey);
      if (this.anchor && anchor!.epochs.some((e) => e.epoch !== row.epoch))
        await this.anchor.keepEpoch(keys.vaultId, row.epoch);
      return { keys: current, lastCounter };
    } finally {
      epochKey.fill(0);
      for (const e of anchor?.epochs ?? []) e.key.fill(0);
    }
  }

  /**
   * Moves the vault to a new epoch, deleting `remove` in the same transaction, and destroys the
   * old epoch key (desktop). Returns the keys of the new epoch.
   */
  async rotate(keys: VaultKeys, remove: readonly string[]): Promise<VaultKeys> {
    return this.moveTo(keys, keys, { remove });
  }

  /**
   * Re-keys the vault: every case and page key wrapped under a new epoch of a new root (`root`,
   * fresh from `createVaultKeys`), the settings sealed under it, and `header` (which wraps the
   * new root) in place of `current`, all in one transaction; then the old epoch key is destroyed.
   */
  async rekey(
    keys: VaultKeys,
    root: VaultKeys,
    header: { readonly from: VaultHeader; readonly to: VaultHeader },
  ): Promise<VaultKeys> {
    const settings = await this.repository.readSettingsVersioned(keys);
    const row = settings.value === null ? null : await sealSettings(root, readSettings(settings.value));
    // The name key stays (no row is renamed); it is sealed under the new root.
    const names = await this.repository.readNamesRow();
    return this.moveTo(keys, root, {
      header,
      settings: { row, basedOn: settings.version },
      ...(names ? { names: await resealNamesRow(keys, root, names) } : {}),
    });
  }

  /** Moves from `keys` to a new epoch of `root` (the same root, or a new one), with `change`. */
  private async moveTo(keys: VaultKeys, root: VaultKeys, change: RotateChange): Promise<VaultKeys> {
    const epoch = keys.epoch + 1;
    const epochKey = randomBytes(EPOCH_KEY_BYTES);
    try {
      const next = await withEpoch(root, epoch, epochKey);
      const row: EpochRow = {
        key: 'epoch',
        epoch,
        sealed: this.anchor === null ? await sealEpochKey(root, epoch, epochKey) : null,
      };
      await this.anchor?.addEpoch(keys.vaultId, epoch, epochKey);
      // If this fails, whether or not it was stored, the anchor keeps both keys: the next unlock
      // keeps the one the vault turns out to be in.
      await this.repository.rotateEpoch(keys, next, row, change);
      await this.anchor?.keepEpoch(keys.vaultId, epoch);
      return next;
    } finally {
      epochKey.fill(0);
    }
  }

  /**
   * The epoch row as a backup carries it: the key sealed under the vault-record key, so the
   * backup opens with the passphrase or recovery key alone. Null for a vault before epochs.
   */
  async portableRow(keys: VaultKeys): Promise<EpochRow | null> {
    const row = await this.repository.readEpoch();
    if (row === null || row.sealed !== null) return row;
    const anchor = await this.anchor?.read(keys.vaultId);
    const kept = anchor?.epochs.find((e) => e.epoch === row.epoch);
    if (kept === undefined) throw new IntegrityError('meta', 'epoch', 'the key of the vault’s key epoch is missing');
    try {
      return { ...row, sealed: await sealEpochKey(keys, row.epoch, kept.key) };
    } finally {
      for (const e of anchor?.epochs ?? []) e.key.fill(0);
    }
  }

  /**
   * The epoch row a restored backup is stored with: on the desktop its key goes into a fresh
   * anchor and the row keeps none (a key sealed in IndexedDB could never be destroyed).
   */
  async adoptRow(keys: VaultKeys, row: EpochRow): Promise<EpochRow> {
    if (this.anchor === null || row.sealed === null) return row;
    const key = await openEpochKey(keys, row.epoch, row.sealed);
    try {
      await this.anchor.reset(keys.vaultId, { counter: 0, epochs: [{ epoch: row.epoch, key }] });
    } finally {
      key.fill(0);
    }
    return { ...row, sealed: null };
  }
}
