import path from 'node:path';
import type { KeystoreUnavailable } from '../../../shared/ipc/contract';

/** The slice of Electron's `safeStorage` the keystore needs; injected for tests. */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
};

export type KeystoreFiles = {
  readonly write: (filePath: string, bytes: Uint8Array) => Promise<void>;
  readonly read: (filePath: string) => Promise<Uint8Array | null>;
  readonly remove: (filePath: string) => Promise<boolean>;
};

/**
 * "Remember on this device": a vault's root key sealed by the OS keystore (Keychain, DPAPI,
 * libsecret/kwallet through Electron's safeStorage) in a file of the app's data folder. Opt-in
 * and desktop-only. It protects against someone copying the files off a powered-off laptop; it
 * does not protect against anyone who can sign in to the same OS account.
 */
export function createDeviceKeystore(deps: {
  readonly safeStorage: SafeStorageLike;
  readonly folder: string;
  readonly files: KeystoreFiles;
  readonly platform: string;
}) {
  const fileFor = (vaultId: string): string => {
    // The contract already limits ids to base64url; this keeps main safe on its own too.
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(vaultId)) throw new Error('device keystore: malformed vault id');
    return path.join(deps.folder, `${vaultId}.key`);
  };

  // Reasons are codes: the page words them in the person's language.
  const status = (): { available: boolean; reason?: KeystoreUnavailable } => {
    if (!deps.safeStorage.isEncryptionAvailable()) {
      return { available: false, reason: 'no-keystore' };
    }
    // On Linux without a keyring, Electron falls back to a hard-coded password: no protection.
    if (deps.platform === 'linux' && deps.safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return { available: false, reason: 'no-keyring' };
    }
    return { available: true };
  };

  return {
    /** Whether the keystore can be used here and whether it holds this vault's key. */
    async status(
      vaultId: string | null,
    ): Promise<{ available: boolean; remembered: boolean; reason?: KeystoreUnavailable }> {
      const available = status();
      const remembered = available.available && vaultId !== null && (await deps.files.read(fileFor(vaultId))) !== null;
      return { ...available, remembered };
    },
    async remember(vaultId: string, rootKey: Uint8Array): Promise<void> {
      if (!status().available) throw new Error('device keystore: not available on this device');
      const sealed = deps.safeStorage.encryptString(Buffer.from(rootKey).toString('base64'));
      await deps.files.write(fileFor(vaultId), sealed);
    },
    async recall(vaultId: string): Promise<Uint8Array | null> {
      if (!status().available) return null;
      const sealed = await deps.files.read(fileFor(vaultId));
      if (sealed === null) return null;
      try {
        const rootKey = Buffer.from(deps.safeStorage.decryptString(Buffer.from(sealed)), 'base64');
        return rootKey.byteLength === 32 ? new Uint8Array(rootKey) : null;
      } catch {
        return null; // sealed under another OS account or keyring: as good as absent
      }
    },
    forget: (vaultId: string): Promise<boolean> => deps.files.remove(fileFor(vaultId)),
  };
}

export type DeviceKeystore = ReturnType<typeof createDeviceKeystore>;
