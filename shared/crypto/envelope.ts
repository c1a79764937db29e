import { toBufferSource, randomBytes, utf8 } from './bytes';
import { IntegrityError } from './errors';

/** One sealed value as stored: a fresh 96-bit IV and the AES-GCM ciphertext with its tag. */
export type Sealed = { readonly iv: Uint8Array; readonly ct: Uint8Array };

/** Where a record lives; bound into its AAD so a moved, swapped or renamed row fails to open. */
export type RecordAddress = {
  readonly vaultId: string;
  readonly table: string;
  readonly caseTag: string;
  readonly rowId: string;
};

const AAD_VERSION = 'qorgau/record/v1';

/** Unambiguous encoding of the address: JSON of a fixed-order array. */
export function recordAad(address: RecordAddress): Uint8Array<ArrayBuffer> {
  return utf8(JSON.stringify([AAD_VERSION, address.vaultId, address.table, address.caseTag, address.rowId]));
}

/** Encrypts with a fresh random IV; `aad` binds the ciphertext to where it belongs. */
export async function seal(key: CryptoKey, plaintext: Uint8Array, aad: Uint8Array): Promise<Sealed> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: toBufferSource(aad) },
    key,
    toBufferSource(plaintext),
  );
  return { iv, ct: new Uint8Array(ct) };
}

/** Decrypts and authenticates, or returns null: callers turn null into the error that fits. */
export async function tryOpen(key: CryptoKey, sealed: Sealed, aad: Uint8Array): Promise<Uint8Array | null> {
  if (!(sealed.iv instanceof Uint8Array) || !(sealed.ct instanceof Uint8Array) || sealed.iv.byteLength !== 12)
    return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: toBufferSource(sealed.iv), additionalData: toBufferSource(aad) },
      key,
      toBufferSource(sealed.ct),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

export function sealRecord(key: CryptoKey, address: RecordAddress, plaintext: Uint8Array): Promise<Sealed> {
  return seal(key, plaintext, recordAad(address));
}

/** Opens a stored record or throws an IntegrityError naming its table and row. */
export async function openRecord(key: CryptoKey, address: RecordAddress, sealed: Sealed): Promise<Uint8Array> {
  const plain = await tryOpen(key, sealed, recordAad(address));
  if (plain === null) throw new IntegrityError(address.table, address.rowId);
  return plain;
}
