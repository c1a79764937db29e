/**
 * Remembers, outside IndexedDB, that a vault existed on this device, so that a wiped or reset
 * IndexedDB is reported as a lost vault instead of being shown as an empty one. Holds only the
 * vault's random id.
 */
export type VaultMarker = {
  read(): string | null;
  write(vaultId: string): void;
  clear(): void;
};

const KEY = 'qorgau.vault.present';

export function localStorageMarker(storage: Storage = localStorage): VaultMarker {
  return {
    read: () => {
      try {
        return storage.getItem(KEY);
      } catch {
        return null;
      }
    },
    write: (vaultId) => {
      try {
        storage.setItem(KEY, vaultId);
      } catch {
        // Without storage the wipe check is unavailable; the vault itself is unaffected.
      }
    },
    clear: () => {
      try {
        storage.removeItem(KEY);
      } catch {
        // As above.
      }
    },
  };
}
