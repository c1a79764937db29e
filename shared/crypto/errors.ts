/**
 * Typed errors of the vault. Each says what failed, where, and what the person can do; none ever
 * carries key material, passphrases or decrypted content.
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

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
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

/** A stored record failed authenticated decryption: it was changed, damaged or moved on disk. */
export class IntegrityError extends VaultError {
  constructor(
    readonly table: string,
    readonly rowId: string,
    detail = 'it was changed, damaged or moved on disk',
  ) {
    super('integrity', `integrity: the record ${table}/${rowId} failed its integrity check (${detail}).`);
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
