import { Dexie } from 'dexie';
import { VaultError } from '../../../shared/crypto/errors';

export class QuotaExceededError extends VaultError {
  constructor(operation: string) {
    super(
      'quota-exceeded',
      `${operation}: there is no room left to store this on the device. Free disk space, then try again; nothing was saved half.`,
    );
    this.name = 'QuotaExceededError';
  }
}

/** The vault's storage was wiped or reset under the app (a known Electron and browser failure). */
export class VaultMissingError extends VaultError {
  constructor() {
    super(
      'vault-missing',
      'vault: the vault that was on this device is gone: its storage was wiped or reset. Restore it from a backup.',
    );
    this.name = 'VaultMissingError';
  }
}

/** Turns a storage failure into the typed error a person can act on. */
export function storageError(operation: string, error: unknown): Error {
  if (error instanceof VaultError) return error;
  const name = error instanceof Error ? error.name : '';
  const inner: unknown = error instanceof Dexie.DexieError ? (error.inner as unknown) : null;
  if (name === 'QuotaExceededError' || (inner instanceof Error && inner.name === 'QuotaExceededError')) {
    return new QuotaExceededError(operation);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new VaultError('storage', `${operation}: the device storage refused the operation (${message}).`);
}
