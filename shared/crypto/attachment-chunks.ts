import { concatBytes, fromBase64Url, toBufferSource } from './bytes';
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

/** Decrypts one chunk, or throws an IntegrityError that names the file and the part. */
export async function openChunk(
  key: CryptoKey,
  address: ChunkAddress,
  index: number,
  chunkCount: number,
  ct: Uint8Array | undefined,
  fileName: string,
): Promise<Uint8Array> {
  const where = `part ${index + 1} of ${chunkCount} of the file "${fileName}"`;
  const params = { reason: 'document-part', file: fileName, part: index + 1, parts: chunkCount };
  if (ct === undefined)
    throw new IntegrityError('chunks', `${address.attachmentId}#${index}`, `${where} is missing`, params);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(chunkParams(address, index, index === chunkCount - 1), key, toBufferSource(ct)),
    );
  } catch {
    throw new IntegrityError('chunks', `${address.attachmentId}#${index}`, `${where} was changed or damaged`, params);
  }
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
