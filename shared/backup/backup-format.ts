import { z } from 'zod';
import {
  concatBytes,
  fromBase64Url,
  fromUtf8,
  randomBytes,
  randomId,
  toBase64Url,
  toBufferSource,
  utf8,
} from '../crypto/bytes';
import { VaultError } from '../crypto/errors';
import { FormatTooNewError } from '../formats/upgrade';
import { parseVaultHeader, vaultHeaderSchema, type VaultHeader } from '../crypto/vault-keys';
import { WITHHOLDABLE_FIELDS, type WithheldField } from '../domain/withheld';

/**
 * The backup file: the whole vault in one file that opens with the passphrase or the recovery
 * key alone (it carries the vault header, which wraps the root under both).
 *
 *   "QORGAU-BACKUP\n"  u32 header length  header JSON  { u32 frame length  frame }*
 *
 * Each frame is one AES-GCM message under the vault's backup key, with a counter nonce whose
 * last byte flags the final frame, and AAD binding the SHA-256 of the header bytes and the
 * frame's index: a reordered, dropped, altered or truncated frame, and an altered header, all
 * fail. The rows inside are the vault's own rows, still individually encrypted.
 */
export const BACKUP_MAGIC = utf8('QORGAU-BACKUP\n');
/**
 * Version 3: cases packed into pages, each case deflated on its own behind the pages' heads (see
 * vault-rows.ts). Version 4: the header says which fields a case package was made without
 * (`withheld`), so an older Qorgau, which would take the emptied field as the sender's value,
 * refuses it rather than emptying the receiver's. A version 3 file withheld nothing. Version 5:
 * rows under row names (tables `sealedKeys` and `parts`, the meta row `names`; see row-names.ts),
 * each document's last chunk padded; versions 3 and 4 carry tables `caseKeys` and `chunks`.
 */
export const BACKUP_VERSION = 5;
/** The oldest version read: versions 1 and 2 (one row per case) predate any release. */
const OLDEST_BACKUP_VERSION = 3;
const MAX_HEADER_BYTES = 64 * 1024;
/** Frames hold at most this much plaintext; anything longer in a file is refused as absurd. */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024;

export const backupHeaderSchema = z.object({
  format: z.literal('qorgau-backup'),
  version: z.number().int(),
  backupId: z.string().min(16).max(64),
  noncePrefix: z.string().regex(/^[A-Za-z0-9_-]{10}$/),
  /** A whole vault, or one case handed to a colleague (a case package). Bound into every frame. */
  contents: z.enum(['vault', 'case']).default('vault'),
  /** Fields the cases were written without (a package made without privileged notes). */
  withheld: z.array(z.enum(WITHHOLDABLE_FIELDS)).default([]),
  vault: vaultHeaderSchema,
});
export type BackupContents = BackupHeader['contents'];
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export type BackupErrorCode =
  'not-a-backup' | 'unsupported-version' | 'truncated' | 'corrupt' | 'too-large' | 'wrong-kind';

/** Why a backup file cannot be read, and where. */
export class BackupError extends VaultError {
  constructor(
    readonly reason: BackupErrorCode,
    message: string,
    params: Readonly<Record<string, string | number>> = {},
  ) {
    super('integrity', `backup: ${message}`, { reason: `backup-${reason}`, ...params });
    this.name = 'BackupError';
  }
}

/** What a frame carries: rows of one table, as stored (byte fields stay bytes). */
export type BackupFrame = { readonly table: string; readonly rows: readonly unknown[] };

/** Writes a backup frame by frame; the caller streams the returned parts to a file or a download. */
export async function createBackupWriter(
  vault: VaultHeader,
  key: CryptoKey,
  contents: BackupContents = 'vault',
  withheld: readonly WithheldField[] = [],
) {
  const header: BackupHeader = {
    format: 'qorgau-backup',
    version: BACKUP_VERSION,
    backupId: randomId(),
    noncePrefix: toBase64Url(randomBytes(7)),
    contents,
    withheld: [...withheld],
    vault,
  };
  const headerBytes = utf8(JSON.stringify(header));
  const headerHash = new Uint8Array(await crypto.subtle.digest('SHA-256', headerBytes));
  const prefix = fromBase64Url(header.noncePrefix);
  let index = 0;
  return {
    /** The magic and the header: the first bytes of the file. */
    start: (): Uint8Array => concatBytes(BACKUP_MAGIC, u32(headerBytes.byteLength), headerBytes),
    /** One sealed frame, length-prefixed. The last frame must be written with `final`. */
    async frame(frame: BackupFrame, final: boolean): Promise<Uint8Array> {
      const plain = utf8(
        JSON.stringify(frame, (_key, value: unknown) =>
          value instanceof Uint8Array ? { $b: toBase64Url(value) } : value,
        ),
      );
      if (plain.byteLength > MAX_FRAME_BYTES)
        throw new BackupError('too-large', `a frame of ${plain.byteLength} bytes is larger than allowed.`);
      const ct = new Uint8Array(await crypto.subtle.encrypt(frameParams(prefix, headerHash, index, final), key, plain));
      index += 1;
      return concatBytes(u32(ct.byteLength), ct);
    },
  };
}

/** Seals frames into file parts: the header first, every frame, the last one marked final. */
export async function sealBackupFrames(
  writer: Awaited<ReturnType<typeof createBackupWriter>>,
  frames: AsyncIterable<BackupFrame> | Iterable<BackupFrame>,
): Promise<Uint8Array[]> {
  const parts = [writer.start()];
  let pending: BackupFrame | null = null;
  for await (const frame of frames) {
    if (pending !== null) parts.push(await writer.frame(pending, false));
    pending = frame;
  }
  parts.push(await writer.frame(pending ?? { table: 'meta', rows: [] }, true));
  return parts;
}

/** Refuses a file that holds the other kind of contents, saying where it belongs. */
export function expectContents(header: BackupHeader, expected: BackupContents): void {
  if (header.contents === expected) return;
  throw new BackupError(
    'wrong-kind',
    expected === 'vault'
      ? 'this file is a case package, not a backup of a vault: import it from the Cases screen.'
      : 'this file is a backup of a whole vault, not a case package: restore or merge it from Settings.',
    { reason: expected === 'vault' ? 'backup-is-package' : 'backup-is-backup' },
  );
}

/** Reads and checks the header at the start of a backup file. */
export function readBackupHeader(bytes: Uint8Array): { header: BackupHeader; headerBytes: Uint8Array; offset: number } {
  if (bytes.byteLength < BACKUP_MAGIC.byteLength + 4 || !BACKUP_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new BackupError('not-a-backup', 'this file is not a Qorgau backup.');
  }
  const length = readU32(bytes, BACKUP_MAGIC.byteLength);
  if (length > MAX_HEADER_BYTES)
    throw new BackupError('too-large', `the header claims ${length} bytes, more than any backup has.`);
  const start = BACKUP_MAGIC.byteLength + 4;
  if (bytes.byteLength < start + length) throw new BackupError('truncated', 'the file ends inside its header.');
  const headerBytes = bytes.slice(start, start + length);
  let raw: unknown;
  try {
    raw = JSON.parse(fromUtf8(headerBytes));
  } catch {
    throw new BackupError('corrupt', 'the header is not readable.');
  }
  const { version, contents } = (raw ?? {}) as { version?: unknown; contents?: unknown };
  if (typeof version === 'number' && version > BACKUP_VERSION)
    throw new FormatTooNewError(contents === 'case' ? 'case-package' : 'backup', version, BACKUP_VERSION);
  // Versions 1 and 2 (one row per case, before pages) were written only while Qorgau was being
  // built, before any release; no upgrade path reads them. Version 3 reads as 4 with nothing
  // withheld (the schema's default).
  if (typeof version === 'number' && version < OLDEST_BACKUP_VERSION) {
    throw new BackupError(
      'unsupported-version',
      `this backup is format version ${version}; this Qorgau reads versions ${OLDEST_BACKUP_VERSION} to ${BACKUP_VERSION}.`,
      { version },
    );
  }
  const parsed = backupHeaderSchema.safeParse(raw);
  if (!parsed.success) throw new BackupError('corrupt', 'the header is not a Qorgau backup header.');
  parseVaultHeader(parsed.data.vault);
  return { header: parsed.data, headerBytes, offset: start + length };
}

/**
 * Decrypts and checks every frame of a whole backup held in memory, in order, before returning
 * any of it: a truncated, reordered or altered file is refused with the frame it failed at.
 */
export async function readBackupFrames(bytes: Uint8Array, key: CryptoKey): Promise<BackupFrame[]> {
  const { header, headerBytes, offset: start } = readBackupHeader(bytes);
  const headerHash = new Uint8Array(await crypto.subtle.digest('SHA-256', toBufferSource(headerBytes)));
  const prefix = fromBase64Url(header.noncePrefix);
  const frames: BackupFrame[] = [];
  let offset = start;
  for (let index = 0; ; index += 1) {
    if (offset === bytes.byteLength)
      throw new BackupError('truncated', `the file ends after frame ${index} without its final frame.`, {
        frame: index,
      });
    if (offset + 4 > bytes.byteLength)
      throw new BackupError('truncated', `the file ends inside frame ${index + 1}.`, { frame: index + 1 });
    const length = readU32(bytes, offset);
    if (length < 16 || length > MAX_FRAME_BYTES + 16)
      throw new BackupError('corrupt', `frame ${index + 1} claims an impossible length (${length} bytes).`);
    if (offset + 4 + length > bytes.byteLength)
      throw new BackupError('truncated', `the file ends inside frame ${index + 1}.`, { frame: index + 1 });
    const ct = bytes.slice(offset + 4, offset + 4 + length);
    offset += 4 + length;
    const final = offset === bytes.byteLength;
    let plain: ArrayBuffer;
    try {
      plain = await crypto.subtle.decrypt(frameParams(prefix, headerHash, index, final), key, ct);
    } catch {
      throw new BackupError(
        final ? 'truncated' : 'corrupt',
        final
          ? `frame ${index + 1} is not the final frame: the file was cut short or altered.`
          : `frame ${index + 1} failed its integrity check: the file was altered or damaged.`,
      );
    }
    frames.push(parseFrame(new Uint8Array(plain), index));
    if (final) return frames;
  }
}

function parseFrame(plain: Uint8Array, index: number): BackupFrame {
  try {
    const value = JSON.parse(fromUtf8(plain), (_key, v: unknown) =>
      typeof v === 'object' && v !== null && '$b' in v && typeof v.$b === 'string'
        ? fromBase64Url((v as { $b: string }).$b)
        : v,
    ) as BackupFrame;
    if (typeof value.table !== 'string' || !Array.isArray(value.rows)) throw new Error('shape');
    return value;
  } catch {
    throw new BackupError('corrupt', `frame ${index + 1} does not hold backup rows.`);
  }
}

function frameParams(prefix: Uint8Array, headerHash: Uint8Array, index: number, final: boolean): AesGcmParams {
  const counter = new Uint8Array(5);
  new DataView(counter.buffer).setUint32(0, index);
  counter[4] = final ? 1 : 0;
  return { name: 'AES-GCM', iv: concatBytes(prefix, counter), additionalData: concatBytes(headerHash, counter) };
}

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function readU32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
}
