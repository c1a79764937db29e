/**
 * Typed errors of the vault. Each carries a code, and in `params` what a sentence about it needs
 * (which record, which file, why, as a `reason` code): the UI turns those into words in the
 * person's language (renderer/src/i18n/failure-text.ts). The English `message` is for logs and
 * the command line only. None ever carries key material, passphrases or decrypted content
 * beyond the name of the file or case a person needs to act.
 */
export type VaultErrorCode =
  | 'wrong-passphrase'
  | 'wrong-recovery-key'
  | 'integrity'
  | 'kdf-policy'
  | 'unsupported-format'
  | 'format-too-new'
  | 'vault-missing'
  | 'vault-exists'
  | 'quota-exceeded'
  | 'locked'
  | 'cancelled'
  | 'storage';

/** Names and numbers a sentence about an error needs; `reason` picks the sentence within its code. */
export type ErrorParams = Readonly<Record<string, string | number>>;

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

export class WrongPassphraseError extends VaultError {
  constructor() {
    super('wrong-passphrase', 'unlock: that passphrase does not open this vault. Nothing was changed.');
    this.name = 'WrongPassphraseError';
  }
}

export class WrongRecoveryKeyError extends VaultError {
  constructor() {
    super('wrong-recovery-key', 'unlock: that recovery key does not open this vault. Nothing was changed.');
    this.name = 'WrongRecoveryKeyError';
  }
}

/**
 * A stored record failed authenticated decryption or its checks: it was changed, damaged or moved
 * on disk. `detail` is for the log; `params` may add what the person needs (a file's name and
 * which part, with `reason: 'document-part'`).
 */
export class IntegrityError extends VaultError {
  constructor(
    readonly table: string,
    readonly rowId: string,
    detail = 'it was changed, damaged or moved on disk',
    params: ErrorParams = {},
  ) {
    super('integrity', `integrity: the record ${table}/${rowId} failed its integrity check (${detail}).`, {
      table,
      rowId,
      ...params,
    });
    this.name = 'IntegrityError';
  }
}

/** The vault header asks for a key derivation outside the allowed range: refused, never used. */
export class KdfPolicyError extends VaultError {
  constructor(detail: string) {
    super(
      'kdf-policy',
      `unlock: the vault header asks for ${detail}. Refused: a header with weakened key derivation may have been tampered with.`,
    );
    this.name = 'KdfPolicyError';
  }
}

export class UnsupportedFormatError extends VaultError {
  constructor(detail: string) {
    super('unsupported-format', `vault: ${detail}`);
    this.name = 'UnsupportedFormatError';
  }
}
