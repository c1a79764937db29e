import { concatBytes, fromBase64Url, randomBytes, toBufferSource } from './bytes';
import { recordAad } from './envelope';
import { IntegrityError } from './errors';

/** Where one chunk of an attachment belongs: bound into its nonce and AAD. */
export type ChunkAddress = {
  readonly vaultId: string;
  readonly caseTag: string;
  readonly attachmentId: string;
  /** 7 random bytes per attachment; the chunk index and the final flag complete the nonce. */
  readonly noncePrefix: Uint8Array;
};

/** The 12-byte nonce of one chunk: the attachment's random prefix, the chunk index, the final flag. */
export function chunkNonce(address: ChunkAddress, index: number, final: boolean): Uint8Array<ArrayBuffer> {
  const counter = new Uint8Array(5);
  new DataView(counter.buffer).setUint32(0, index);
  counter[4] = final ? 1 : 0;
  return concatBytes(address.noncePrefix, counter);
}

/** The AAD of one chunk: it names the vault, the case, the attachment, the index and the final flag. */
export function chunkAad(address: ChunkAddress, index: number, final: boolean): Uint8Array<ArrayBuffer> {
  return recordAad({
    vaultId: address.vaultId,
    table: 'chunks',
    caseTag: address.caseTag,
    rowId: `${address.attachmentId}#${index}#${final ? 'final' : 'more'}`,
  });
}

/**
 * AES-GCM parameters of one chunk: a counter nonce with a final flag, and AAD naming the chunk,
 * so a chunk moved, reordered, dropped from the end or taken from another file fails to open.
 * The desktop app's main process seals chunks with the same nonce and AAD (Node's own AES-GCM).
 */
export function chunkParams(address: ChunkAddress, index: number, final: boolean): AesGcmParams {
  return { name: 'AES-GCM', iv: chunkNonce(address, index, final), additionalData: chunkAad(address, index, final) };
}

export async function sealChunk(
  key: CryptoKey,
  address: ChunkAddress,
  index: number,
  final: boolean,
  plain: Uint8Array,
): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.encrypt(chunkParams(address, index, final), key, toBufferSource(plain)));
}

/** What a reader knows of the document a chunk belongs to (from its sealed manifest). */
export type ChunkedFile = {
  readonly name: string;
  readonly size: number;
  readonly chunkSize: number;
  readonly chunkCount: number;
};

const TAG_BYTES = 16;

/**
 * Decrypts one chunk, or throws an IntegrityError that names the file and the part. A stored
 * last chunk may carry padding after its tag (see `padLastChunk`): only the length the manifest
 * gives is decrypted.
 */
export async function openChunk(
  key: CryptoKey,
  address: ChunkAddress,
  index: number,
  file: ChunkedFile,
  stored: Uint8Array | undefined,
): Promise<Uint8Array> {
  const { chunkCount, name } = file;
  const where = `part ${index + 1} of ${chunkCount} of the file "${name}"`;
  const params = { reason: 'document-part', file: name, part: index + 1, parts: chunkCount };
  if (stored === undefined)
    throw new IntegrityError('chunks', `${address.attachmentId}#${index}`, `${where} is missing`, params);
  const length = chunkPlainLength(file, index) + TAG_BYTES;
  const damaged = () =>
    new IntegrityError('chunks', `${address.attachmentId}#${index}`, `${where} was changed or damaged`, params);
  if (stored.byteLength < length || (index < chunkCount - 1 && stored.byteLength !== length)) throw damaged();
  try {
    const ct = stored.subarray(0, length);
    return new Uint8Array(
      await crypto.subtle.decrypt(chunkParams(address, index, index === chunkCount - 1), key, toBufferSource(ct)),
    );
  } catch {
    throw damaged();
  }
}

/** The plaintext length of chunk `index` of a file. */
export function chunkPlainLength(file: Pick<ChunkedFile, 'size' | 'chunkSize' | 'chunkCount'>, index: number): number {
  return index < file.chunkCount - 1 ? file.chunkSize : file.size - (file.chunkCount - 1) * file.chunkSize;
}

/**
 * How long a file's last chunk is stored: its ciphertext rounded up by Padmé (Nikitin et al.,
 * "Reducing metadata leakage from encrypted files and communication with PURBs", 2019), which
 * keeps only the top bits of the length (at most 12 % more bytes, about a log-log of the length
 * revealed), and never less than 4 KiB nor more than a whole chunk. So a stored document shows its
 * size only to within a bucket: a file of 3 MiB + 5 bytes looks like every other of 3 MiB + up
 * to 4 KiB. The exact size is only in the document's sealed manifest.
 */
export function paddedChunkLength(ctLength: number, chunkSize: number): number {
  const full = chunkSize + TAG_BYTES;
  const length = Math.max(MIN_STORED_CHUNK, ctLength);
  const exponent = Math.floor(Math.log2(length));
  const lastBits = exponent - (Math.floor(Math.log2(exponent)) + 1);
  const mask = 2 ** lastBits - 1;
  const padded = Math.ceil(length / (mask + 1)) * (mask + 1);
  return Math.max(ctLength, Math.min(full, padded));
}
const MIN_STORED_CHUNK = 4096;

/** A last chunk as stored: its ciphertext and tag, then random bytes up to `paddedChunkLength`. */
export function padLastChunk(ct: Uint8Array, chunkSize: number): Uint8Array {
  const length = paddedChunkLength(ct.byteLength, chunkSize);
  if (length === ct.byteLength) return ct;
  return concatBytes(ct, randomBytes(length - ct.byteLength));
}

/** The stored nonce prefix of a manifest, checked. */
export function noncePrefixOf(text: string, attachmentId: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(text);
  } catch {
    bytes = new Uint8Array(0);
  }
  if (bytes.byteLength !== 7) throw new IntegrityError('attachments', attachmentId, 'its nonce prefix is malformed');
  return bytes;
}
