import { Dexie } from 'dexie';
import { VaultError, type ErrorParams } from '../../../shared/crypto/errors';

/**
 * What the vault was doing when storage failed: a code the UI words in the person's language
 * (`errors.operation.*`), and the English phrase of the log's message.
 */
export const STORAGE_OPERATIONS = {
  'read-header': 'read the vault header',
  create: 'create the vault',
  'change-passphrase': 'change the passphrase',
  open: 'open the vault',
  'open-case': 'open the case',
  save: 'save',
  reorganise: 'reorganise the vault',
  backup: 'back up the vault',
  restore: 'restore the backup',
  'read-settings': 'read the settings',
  'save-settings': 'save the settings',
  import: 'import the document',
  'open-document': 'open the document',
  tidy: 'tidy the vault',
  delete: 'delete the case',
} as const;
export type StorageOperation = keyof typeof STORAGE_OPERATIONS;

export class QuotaExceededError extends VaultError {
  constructor(operation: StorageOperation) {
    super(
      'quota-exceeded',
      `${STORAGE_OPERATIONS[operation]}: there is no room left to store this on the device. Free disk space, then try again; nothing was saved half.`,
      { operation },
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
export function storageError(operation: StorageOperation, error: unknown, params: ErrorParams = {}): Error {
  if (error instanceof VaultError) return error;
  const name = error instanceof Error ? error.name : '';
  const inner: unknown = error instanceof Dexie.DexieError ? (error.inner as unknown) : null;
  if (name === 'QuotaExceededError' || (inner instanceof Error && inner.name === 'QuotaExceededError')) {
    return new QuotaExceededError(operation);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new VaultError(
    'storage',
    `${STORAGE_OPERATIONS[operation]}: the device storage refused the operation (${message}).`,
    { operation, ...params },
  );
}

/** Runs a storage step; a failure comes back as the typed error a person can act on (see `storageError`). */
export async function guarded<T>(operation: StorageOperation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw storageError(operation, error);
  }
}
