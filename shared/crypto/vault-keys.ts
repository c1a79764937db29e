import { z } from 'zod';
import { fromBase64Url, randomBytes, randomId, toBase64Url, toBufferSource, utf8 } from './bytes';
import { seal, tryOpen, type Sealed } from './envelope';
import { IntegrityError, UnsupportedFormatError, WrongPassphraseError, WrongRecoveryKeyError } from './errors';
import { assertKdfPolicy, DEFAULT_KDF_COST, kdfParamsSchema, type Argon2id, type KdfCost, type KdfParams } from './kdf';
import { formatRecoveryKey, parseRecoveryKey } from './recovery-key';
import { FormatTooNewError } from '../formats/upgrade';

/**
 * The vault's key hierarchy:
 *
 *   passphrase ─Argon2id─► key-encryption key ─┐
 *   recovery key ─HKDF──► recovery KEK ────────┴─unwraps─► vault root (HKDF master, never stored plain)
 *   vault root ─HKDF─► vault-record key, backup key
 *   vault root + epoch key ─HKDF─► the epoch's wrapping key
 *   epoch wrapping key ─unwraps─► case masters and page keys (random each)
 *   case master ─HKDF─► case record key, one key per attachment
 *
 * The epoch key is random and replaced whenever a case is deleted: every live case and page key
 * is re-wrapped under the new epoch and the old epoch key is destroyed, so a deleted case's key,
 * wherever an old copy of its row survives, needs a key that no longer exists (see epoch-keys in
 * renderer/src/vault). Epoch 0 is the wrapping key of vaults made before epochs, derived from the
 * root alone; a vault leaves it at its first unlock by this version.
 *
 * Every CryptoKey held in memory is non-extractable. The only raw key bytes that ever exist in
 * JavaScript are freshly generated ones on their way to being wrapped, and the root bytes during
 * a passphrase change or an opt-in device-keystore save; each is zeroed right after use.
 */

const b64 = z.string().regex(/^[A-Za-z0-9_-]+$/);
const sealedSchema = z.object({ iv: b64, ct: b64 });

export const vaultHeaderSchema = z.object({
  format: z.literal('qorgau-vault'),
  version: z.literal(1),
  vaultId: z.string().min(16).max(64),
  kdf: kdfParamsSchema,
  passphraseWrap: sealedSchema,
  recovery: z.object({ salt: b64, wrap: sealedSchema }).nullable(),
  /** Proves a root key belongs to this vault (device-keystore unlock). */
  rootCheck: sealedSchema,
});
export type VaultHeader = z.infer<typeof vaultHeaderSchema>;

/** The keys of an unlocked vault. Dropping this object (and the case keys) is locking. */
export type VaultKeys = {
  readonly vaultId: string;
  /** The root, to derive the wrapping key of another epoch. Non-extractable. */
  readonly root: CryptoKey;
  /** The key epoch `caseKeyWrap` belongs to (0: a vault made before epochs). */
  readonly epoch: number;
  /** Wraps case masters and page keys: the wrapping key of `epoch`. */
  readonly caseKeyWrap: CryptoKey;
  readonly vaultRecords: CryptoKey;
  /** Seals backup files; a backup opens with the passphrase or recovery key alone. */
  readonly backup: CryptoKey;
};

/** The keys of one case. */
export type CaseKeys = {
  readonly caseTag: string;
  readonly records: CryptoKey;
  attachmentKey(attachmentId: string): Promise<CryptoKey>;
  /**
   * The same key as raw bytes, for the desktop app's main process to encrypt a file it reads
   * from disk itself. One attachment's key only; the caller zeroes it once handed over.
   */
  attachmentKeyBytes(attachmentId: string): Promise<Uint8Array>;
};

const ROOT_BYTES = 32;
const HKDF_SALT = utf8('qorgau/hkdf/v1');

/** The vault header's format version (its `version` field); the header has had one version so far. */
export const VAULT_HEADER_VERSION = 1;

/**
 * Parses a stored header, refusing anything that is not a Qorgau vault header this version reads;
 * a header of a newer version is refused as such (`FormatTooNewError`), never half read.
 */
export function parseVaultHeader(value: unknown): VaultHeader {
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > VAULT_HEADER_VERSION)
    throw new FormatTooNewError('vault-header', version, VAULT_HEADER_VERSION);
  const parsed = vaultHeaderSchema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(header)').join(', ');
    throw new UnsupportedFormatError(`the vault header is not one this version can open (at ${where}).`);
  }
  return parsed.data;
}

export type CreatedVault = {
  readonly header: VaultHeader;
  readonly keys: VaultKeys;
  /** Shown once to the user; never stored. */
  readonly recoveryKey: string;
};

/** Creates a new vault: a random root, wrapped under the passphrase and under a new recovery key. */
export async function createVaultKeys(options: {
  readonly passphrase: string;
  readonly argon2id: Argon2id;
  readonly cost?: KdfCost;
  /** False for a case package: it opens with its one-time code only. */
  readonly withRecoveryKey?: boolean;
  /** The same vault with a new root (re-keying); a new vault gets a new id. */
  readonly vaultId?: string;
}): Promise<CreatedVault> {
  const vaultId = options.vaultId ?? randomId();
  const kdf: KdfParams = {
    algorithm: 'argon2id',
    ...(options.cost ?? DEFAULT_KDF_COST),
    salt: toBase64Url(randomBytes(16)),
  };
  const root = randomBytes(ROOT_BYTES);
  const recoveryBytes = randomBytes(32);
  try {
    const kek = await passphraseKek(options.passphrase, kdf, options.argon2id);
    const passphraseWrap = await seal(kek, root, passphraseAad(vaultId, kdf));
    const recoverySalt = toBase64Url(randomBytes(16));
    const recoveryKek = await recoveryKekFrom(recoveryBytes, recoverySalt);
    const recoveryWrap = await seal(recoveryKek, root, recoveryAad(vaultId, recoverySalt));
    const keys = await deriveVaultKeys(vaultId, await importRoot(root));
    const rootCheck = await seal(keys.vaultRecords, utf8('qorgau-root-check'), rootCheckAad(vaultId));
    const header: VaultHeader = {
      format: 'qorgau-vault',
      version: 1,
      vaultId,
      kdf,
      passphraseWrap: encodeSealed(passphraseWrap),
      recovery: options.withRecoveryKey === false ? null : { salt: recoverySalt, wrap: encodeSealed(recoveryWrap) },
      rootCheck: encodeSealed(rootCheck),
    };
    return { header, keys, recoveryKey: options.withRecoveryKey === false ? '' : formatRecoveryKey(recoveryBytes) };
  } finally {
    root.fill(0);
    recoveryBytes.fill(0);
  }
}

/**
 * Opens the vault with its passphrase. The header's KDF cost is checked against the floor before
 * anything is derived; a wrong passphrase and a tampered header both end in a typed error.
 */
export async function unlockWithPassphrase(
  header: VaultHeader,
  passphrase: string,
  argon2id: Argon2id,
  options: { readonly kdfFloor?: KdfCost } = {},
): Promise<VaultKeys> {
  assertKdfPolicy(header.kdf, options.kdfFloor);
  const kek = await passphraseKek(passphrase, header.kdf, argon2id);
  const root = await unwrapRoot(kek, header.passphraseWrap, passphraseAad(header.vaultId, header.kdf));
  if (root === null) throw new WrongPassphraseError();
  return deriveVaultKeys(header.vaultId, root);
}

/** Opens the vault with the recovery key shown at creation. */
export async function unlockWithRecoveryKey(header: VaultHeader, recoveryKey: string): Promise<VaultKeys> {
  const recoveryBytes = parseRecoveryKey(recoveryKey);
  if (header.recovery === null || recoveryBytes === null) throw new WrongRecoveryKeyError();
  try {
    const kek = await recoveryKekFrom(recoveryBytes, header.recovery.salt);
    const root = await unwrapRoot(kek, header.recovery.wrap, recoveryAad(header.vaultId, header.recovery.salt));
    if (root === null) throw new WrongRecoveryKeyError();
    return await deriveVaultKeys(header.vaultId, root);
  } finally {
    recoveryBytes.fill(0);
  }
}

/**
 * A header with the root re-wrapped under a new passphrase (fresh salt, current default cost).
 * Pure: the caller stores it in one atomic write, so either header is complete at every moment.
 */
export async function rewrapForNewPassphrase(options: {
  readonly header: VaultHeader;
  readonly oldPassphrase: string;
  readonly newPassphrase: string;
  readonly argon2id: Argon2id;
  readonly cost?: KdfCost;
  readonly kdfFloor?: KdfCost;
}): Promise<VaultHeader> {
  const { header } = options;
  const root = await rootBytesWithPassphrase(header, options.oldPassphrase, options.argon2id, options.kdfFloor);
  try {
    const kdf: KdfParams = {
      algorithm: 'argon2id',
      ...(options.cost ?? DEFAULT_KDF_COST),
      salt: toBase64Url(randomBytes(16)),
    };
    const kek = await passphraseKek(options.newPassphrase, kdf, options.argon2id);
    const passphraseWrap = await seal(kek, root, passphraseAad(header.vaultId, kdf));
    return { ...header, kdf, passphraseWrap: encodeSealed(passphraseWrap) };
  } finally {
    root.fill(0);
  }
}

/**
 * A header whose recovery key is a new one (the old one stops opening this header; backups made
 * before keep theirs). Pure: the caller stores it in one atomic write. Needs the passphrase, since
 * the root is wrapped anew.
 */
export async function replaceRecoveryKey(options: {
  readonly header: VaultHeader;
  readonly passphrase: string;
  readonly argon2id: Argon2id;
  readonly kdfFloor?: KdfCost;
}): Promise<{ header: VaultHeader; recoveryKey: string }> {
  const { header } = options;
  const root = await rootBytesWithPassphrase(header, options.passphrase, options.argon2id, options.kdfFloor);
  const recoveryBytes = randomBytes(32);
  try {
    const salt = toBase64Url(randomBytes(16));
    const wrap = await seal(await recoveryKekFrom(recoveryBytes, salt), root, recoveryAad(header.vaultId, salt));
    return {
      header: { ...header, recovery: { salt, wrap: encodeSealed(wrap) } },
      recoveryKey: formatRecoveryKey(recoveryBytes),
    };
  } finally {
    root.fill(0);
    recoveryBytes.fill(0);
  }
}

/**
 * The raw root bytes, for the opt-in device keystore only (Electron safeStorage). The caller
 * hands them to the keystore and zeroes them at once.
 */
export async function rootBytesWithPassphrase(
  header: VaultHeader,
  passphrase: string,
  argon2id: Argon2id,
  kdfFloor?: KdfCost,
): Promise<Uint8Array> {
  assertKdfPolicy(header.kdf, kdfFloor);
  const kek = await passphraseKek(passphrase, header.kdf, argon2id);
  const raw = await tryOpen(kek, decodeSealed(header.passphraseWrap), passphraseAad(header.vaultId, header.kdf));
  if (raw === null) throw new WrongPassphraseError();
  return raw;
}

/** Opens the vault with root bytes from the device keystore, verified against the header. */
export async function unlockWithRootBytes(header: VaultHeader, rootBytes: Uint8Array): Promise<VaultKeys> {
  const keys = await deriveVaultKeys(header.vaultId, await importRoot(rootBytes));
  const check = await tryOpen(keys.vaultRecords, decodeSealed(header.rootCheck), rootCheckAad(header.vaultId));
  if (check === null) throw new WrongPassphraseError();
  return keys;
}

/** A new random case master, wrapped for storage, and the case's keys. */
export async function createCaseKeys(
  keys: VaultKeys,
  caseTag: string,
): Promise<{ wrapped: Sealed; caseKeys: CaseKeys }> {
  const raw = randomBytes(32);
  try {
    const wrapped = await seal(keys.caseKeyWrap, raw, caseKeyAad(keys.vaultId, caseTag));
    const master = await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey', 'deriveBits']);
    return { wrapped, caseKeys: await deriveCaseKeys(keys.vaultId, caseTag, master) };
  } finally {
    raw.fill(0);
  }
}

/** Unwraps a stored case master; a damaged or swapped one fails with an error naming the case. */
export async function openCaseKeys(keys: VaultKeys, caseTag: string, wrapped: Sealed): Promise<CaseKeys> {
  let master: CryptoKey;
  try {
    master = await crypto.subtle.unwrapKey(
      'raw',
      toBufferSource(wrapped.ct),
      keys.caseKeyWrap,
      { name: 'AES-GCM', iv: toBufferSource(wrapped.iv), additionalData: caseKeyAad(keys.vaultId, caseTag) },
      'HKDF',
      false,
      ['deriveKey', 'deriveBits'],
    );
  } catch {
    throw new IntegrityError('caseKeys', caseTag);
  }
  return deriveCaseKeys(keys.vaultId, caseTag, master);
}

/**
 * A new random key for one page of packed case records, wrapped by the vault. A page is re-keyed
 * whenever a case leaves it, so the deleted case's old ciphertext needs a key that no longer exists.
 */
export async function createPageKey(keys: VaultKeys, pageId: string): Promise<{ wrapped: Sealed; key: CryptoKey }> {
  const raw = randomBytes(32);
  try {
    const wrapped = await seal(keys.caseKeyWrap, raw, pageKeyAad(keys.vaultId, pageId));
    const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    return { wrapped, key };
  } finally {
    raw.fill(0);
  }
}

/** Unwraps a page key; a damaged or moved one fails with an error naming the page. */
export async function openPageKey(keys: VaultKeys, pageId: string, wrapped: Sealed): Promise<CryptoKey> {
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      toBufferSource(wrapped.ct),
      keys.caseKeyWrap,
      { name: 'AES-GCM', iv: toBufferSource(wrapped.iv), additionalData: pageKeyAad(keys.vaultId, pageId) },
      'AES-GCM',
      false,
      ['encrypt', 'decrypt'],
    );
  } catch {
    throw new IntegrityError('pages', pageId, 'its key was changed, damaged or moved');
  }
}

function pageKeyAad(vaultId: string, pageId: string): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify(['qorgau/page-key/v1', vaultId, pageId]));
}

async function deriveCaseKeys(vaultId: string, caseTag: string, master: CryptoKey): Promise<CaseKeys> {
  return {
    caseTag,
    records: await hkdfAesKey(master, ['qorgau/case-records/v1', vaultId, caseTag], ['encrypt', 'decrypt']),
    attachmentKey: (attachmentId) =>
      hkdfAesKey(master, attachmentKeyInfo(vaultId, caseTag, attachmentId), ['encrypt', 'decrypt']),
    // HKDF's first 256 bits: exactly the AES-256 key deriveKey makes from the same parameters.
    attachmentKeyBytes: async (attachmentId) =>
      new Uint8Array(
        await crypto.subtle.deriveBits(hkdfParams(attachmentKeyInfo(vaultId, caseTag, attachmentId)), master, 256),
      ),
  };
}

function attachmentKeyInfo(vaultId: string, caseTag: string, attachmentId: string): string[] {
  return ['qorgau/attachment/v1', vaultId, caseTag, attachmentId];
}

async function deriveVaultKeys(vaultId: string, root: CryptoKey): Promise<VaultKeys> {
  return {
    vaultId,
    root,
    epoch: 0,
    caseKeyWrap: await hkdfAesKey(root, ['qorgau/case-key-wrap/v1', vaultId], ['encrypt', 'decrypt', 'unwrapKey']),
    vaultRecords: await hkdfAesKey(root, ['qorgau/vault-records/v1', vaultId], ['encrypt', 'decrypt']),
    backup: await hkdfAesKey(root, ['qorgau/backup/v1', vaultId], ['encrypt', 'decrypt']),
  };
}

/** HKDF-SHA-256 parameters for one purpose; `info` is the JSON of a fixed-order label array. */
export function hkdfParams(info: readonly string[], salt: Uint8Array = HKDF_SALT): HkdfParams {
  return { name: 'HKDF', hash: 'SHA-256', salt: toBufferSource(salt), info: utf8(JSON.stringify(info)) };
}

function hkdfAesKey(base: CryptoKey, info: readonly string[], usages: KeyUsage[]): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(hkdfParams(info), base, { name: 'AES-GCM', length: 256 }, false, usages);
}

function importRoot(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', toBufferSource(raw), 'HKDF', false, ['deriveKey']);
}

/** Bytes of a new epoch key. */
export const EPOCH_KEY_BYTES = 32;

/**
 * The vault's keys under key epoch `epoch` (≥ 1), whose random key is `epochKey`: the wrapping
 * key is derived from the root and the epoch key together, so neither alone opens a wrapped key.
 */
export async function withEpoch(keys: VaultKeys, epoch: number, epochKey: Uint8Array): Promise<VaultKeys> {
  if (!Number.isInteger(epoch) || epoch < 1 || epochKey.byteLength !== EPOCH_KEY_BYTES)
    throw new IntegrityError('meta', 'epoch', 'it is not a key epoch this version reads');
  const caseKeyWrap = await crypto.subtle.deriveKey(
    hkdfParams(['qorgau/epoch-wrap/v1', keys.vaultId, String(epoch)], epochKey),
    keys.root,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt', 'unwrapKey'],
  );
  return { ...keys, epoch, caseKeyWrap };
}

/** The vault's keys before key epochs (epoch 0): the wrapping key derived from the root alone. */
export function withoutEpoch(keys: VaultKeys): Promise<VaultKeys> {
  return keys.epoch === 0 ? Promise.resolve(keys) : deriveVaultKeys(keys.vaultId, keys.root);
}

/** A case master wrapped under `from`'s epoch, wrapped under `to`'s instead (raw bytes zeroed at once). */
export function rewrapCaseKey(from: VaultKeys, to: VaultKeys, caseTag: string, wrapped: Sealed): Promise<Sealed> {
  return rewrap(from, to, wrapped, caseKeyAad(from.vaultId, caseTag), () => new IntegrityError('caseKeys', caseTag));
}

/** A page key wrapped under `from`'s epoch, wrapped under `to`'s instead. */
export function rewrapPageKey(from: VaultKeys, to: VaultKeys, pageId: string, wrapped: Sealed): Promise<Sealed> {
  return rewrap(
    from,
    to,
    wrapped,
    pageKeyAad(from.vaultId, pageId),
    () => new IntegrityError('pages', pageId, 'its key was changed, damaged or moved'),
  );
}

async function rewrap(
  from: VaultKeys,
  to: VaultKeys,
  wrapped: Sealed,
  aad: Uint8Array,
  failure: () => IntegrityError,
): Promise<Sealed> {
  const raw = await tryOpen(from.caseKeyWrap, wrapped, aad);
  if (raw === null) throw failure();
  try {
    return await seal(to.caseKeyWrap, raw, aad);
  } finally {
    raw.fill(0);
  }
}

/**
 * An epoch key sealed under the vault-record key (root-derived): how the web edition stores it,
 * and how a backup carries it, so a backup opens with the passphrase or recovery key alone.
 */
export function sealEpochKey(keys: VaultKeys, epoch: number, epochKey: Uint8Array): Promise<Sealed> {
  return seal(keys.vaultRecords, epochKey, epochAad(keys.vaultId, epoch));
}

export async function openEpochKey(keys: VaultKeys, epoch: number, sealed: Sealed): Promise<Uint8Array> {
  const raw = await tryOpen(keys.vaultRecords, sealed, epochAad(keys.vaultId, epoch));
  if (raw === null) throw new IntegrityError('meta', 'epoch', 'the key of the vault’s key epoch does not open');
  return raw;
}

function epochAad(vaultId: string, epoch: number): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify(['qorgau/epoch-key/v1', vaultId, epoch]));
}

async function unwrapRoot(
  kek: CryptoKey,
  wrap: { iv: string; ct: string },
  aad: Uint8Array,
): Promise<CryptoKey | null> {
  try {
    const sealed = decodeSealed(wrap);
    return await crypto.subtle.unwrapKey(
      'raw',
      toBufferSource(sealed.ct),
      kek,
      { name: 'AES-GCM', iv: toBufferSource(sealed.iv), additionalData: toBufferSource(aad) },
      'HKDF',
      false,
      ['deriveKey'],
    );
  } catch {
    return null;
  }
}

async function passphraseKek(passphrase: string, kdf: KdfParams, argon2id: Argon2id): Promise<CryptoKey> {
  const password = utf8(passphrase.normalize('NFC'));
  const derived = await argon2id({ password, salt: fromBase64Url(kdf.salt), cost: kdf, hashLength: 32 });
  password.fill(0);
  try {
    return await crypto.subtle.importKey('raw', toBufferSource(derived), 'AES-GCM', false, [
      'encrypt',
      'decrypt',
      'unwrapKey',
    ]);
  } finally {
    derived.fill(0);
  }
}

async function recoveryKekFrom(recoveryBytes: Uint8Array, salt: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', toBufferSource(recoveryBytes), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    hkdfParams(['qorgau/recovery-kek/v1'], fromBase64Url(salt)),
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt', 'unwrapKey'],
  );
}

function passphraseAad(vaultId: string, kdf: KdfParams): Uint8Array<ArrayBuffer> {
  return utf8(
    JSON.stringify([
      'qorgau/root/passphrase/v1',
      vaultId,
      kdf.algorithm,
      kdf.memoryKiB,
      kdf.iterations,
      kdf.parallelism,
      kdf.salt,
    ]),
  );
}

function recoveryAad(vaultId: string, salt: string): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify(['qorgau/root/recovery/v1', vaultId, salt]));
}

function rootCheckAad(vaultId: string): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify(['qorgau/root-check/v1', vaultId]));
}

function caseKeyAad(vaultId: string, caseTag: string): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify(['qorgau/case-key/v1', vaultId, caseTag]));
}

function encodeSealed(sealed: Sealed): { iv: string; ct: string } {
  return { iv: toBase64Url(sealed.iv), ct: toBase64Url(sealed.ct) };
}

function decodeSealed(encoded: { iv: string; ct: string }): Sealed {
  return { iv: fromBase64Url(encoded.iv), ct: fromBase64Url(encoded.ct) };
}
