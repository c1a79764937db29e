import { inflateSync } from 'fflate';
import { createSHA256 } from 'hash-wasm';
import { noncePrefixOf, openChunk, padLastChunk, sealChunk, type ChunkAddress } from '../crypto/attachment-chunks';
import { namesRowOf, openRowNames, type RowNames } from '../crypto/row-names';
import { fromUtf16, fromUtf8, randomBytes, toBase64Url, toBufferSource, utf16 } from '../crypto/bytes';
import { openRecord, sealRecord, type Sealed } from '../crypto/envelope';
import { IntegrityError, VaultError } from '../crypto/errors';
import {
  openCaseKeys,
  openEpochKey,
  openPageKey,
  withEpoch,
  type CaseKeys,
  type VaultKeys,
} from '../crypto/vault-keys';
import type { EpochRow } from './manifest';
import type { AttachmentManifest } from '../domain/attachment';
import { caseFileFormat } from '../domain/case-file';
import { defineFormat, FormatTooNewError } from '../formats/upgrade';
import { z } from 'zod';
import type { DocumentWords } from '../search/search-index';
import type { BackupFrame } from '../backup/backup-format';
import { caseHead, type CaseHead } from '../domain/case-head';
import { isZstdFrame, zstdPack, zstdReady, zstdUnpack } from './zstd';
import type { CaseFile } from '../domain/case-file';

/**
 * How a vault is stored, as rows: what IndexedDB holds and what a backup carries.
 *
 * Cases are packed into pages (2^bits of them, chosen by a hash of the case's random tag): one page
 * row holds the records, timelines and document lists of its cases as one AES-GCM message under
 * the page's own random key, which the vault wraps. A second row per page holds the cases'
 * search words, normalised once when the case was saved, so opening the vault neither decrypts
 * thousands of small rows nor normalises every text again. Documents stay chunked, under keys
 * derived from a random key per case.
 *
 * Inside a page (see `packPage`), the cases' heads (what the list needs, see case-head.ts) are
 * compressed together in front of the cases' bodies, compressed as one. Opening the vault unpacks
 * and parses only the heads; a page's bodies are unpacked when one of its cases is opened (or the
 * whole vault is read). Compression is Zstandard (see zstd.ts); pages of format 4, deflated, are
 * still read. Compression also keeps a page below the size at which Chromium moves IndexedDB
 * values into separate blob files. (Compression before encryption leaks only through length, to
 * someone who could also make the app encrypt text of their choosing beside the secret many
 * times over; nothing in this app offers that.)
 *
 * The number of pages follows the size of the vault (see `PageLayout`): a small vault has a few
 * pages, so opening it decrypts few rows; as it grows the pages are split, so a save re-seals and
 * writes one small page rather than a large one.
 */

/**
 * How many pages the cases are spread over: 2^pageBits. Stored as a meta row (not secret: the
 * number of page rows shows it anyway); a vault without one has `MIN_PAGE_BITS`.
 */
export type LayoutRow = { readonly key: 'layout'; readonly pageBits: number };
export const MIN_PAGE_BITS = 4;
export const MAX_PAGE_BITS = 16;

/** The layout a backup's or package's meta rows record, checked; `MIN_PAGE_BITS` when none does. */
export function layoutOf(metaRows: readonly unknown[]): number {
  const row = metaRows.find((r) => (r as { key?: unknown } | null)?.key === 'layout') as
    { pageBits?: unknown } | undefined;
  if (row === undefined) return MIN_PAGE_BITS;
  const bits = row.pageBits;
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < MIN_PAGE_BITS || bits > MAX_PAGE_BITS)
    throw new IntegrityError('meta', 'layout', 'it is not a layout this version reads');
  return bits;
}

/** A page of cases as stored. `wrap` is the page key, wrapped by the vault. */
export type PageRow = Sealed & { readonly id: string; readonly wrap: Sealed };
/** The search words of a page's cases, under the same page key. */
export type SearchPageRow = Sealed & { readonly id: string };
/**
 * A stored piece of a document, named by the document's row name (see row-names.ts): nothing in
 * the clear says which case or document it belongs to. The last piece is padded (see
 * `padLastChunk`), so its length does not give the document's size away.
 */
export type ChunkRow = { readonly ref: string; readonly index: number; readonly ct: Uint8Array };
/** A case's wrapped key (for its documents) as stored, named by the case's row name. */
export type CaseKeyRow = Sealed & { readonly ref: string };
/** A case's wrapped key on its way to be stored: the case it belongs to (the store names it). */
export type CaseKeyWrap = Sealed & { readonly caseTag: string };
/**
 * The rows of vaults, backups and packages made before row names (tables `chunks` and
 * `caseKeys`): read as they are, and moved under row names at the vault's next unlock.
 */
export type LegacyChunkRow = {
  readonly attachmentId: string;
  readonly index: number;
  readonly caseTag: string;
  readonly ct: Uint8Array;
};
export type LegacyCaseKeyRow = Sealed & { readonly caseTag: string };
/** The vault settings as stored. */
export type SettingsRow = Sealed & { readonly id: string; readonly caseTag: string };

/** A case of a page: its head, and the whole case as JSON, parsed only when it is opened. */
export type PackedCase = { readonly head: CaseHead; readonly json: string };
/** A page as read: the heads parsed, the cases' JSON still compressed together (see `packPage`). */
export type StoredPage = {
  /** How the bodies are compressed: 5, Zstandard; 4, deflate (pages written before Qorgau used zstd). */
  readonly format: PageFormat;
  readonly heads: readonly CaseHead[];
  /**
   * The length of each case's JSON in the unpacked bodies, in the order of the heads: in UTF-16
   * code units (the string's length); in UTF-8 bytes in format 4.
   */
  readonly sizes: readonly number[];
  readonly bodies: Uint8Array;
};
/** What a search page holds, decrypted. */
export type SearchPageContent = { readonly words: Readonly<Record<string, DocumentWords>> };

/**
 * The search page's format (field `v`; pages written before versions have none: version 1). Read
 * on every unlock, so a current page is trusted (authenticated, and written by this code).
 */
export const searchPageFormat = defineFormat<SearchPageContent>({
  kind: 'search-page',
  current: 1,
  field: 'v',
  steps: [],
  schema: z.object({ words: z.record(z.string(), z.unknown()) }) as unknown as z.ZodType<SearchPageContent>,
});

/** A search page's payload: its words by case, stamped with the format version. */
export function packSearchPage(words: ReadonlyMap<string, DocumentWords>): Promise<Uint8Array> {
  return packJson(searchPageFormat.stamp({ words: Object.fromEntries(words) }));
}

/** A decrypted search page, read through its upgrade path, or an IntegrityError naming it. */
export async function unpackSearchPage(payload: Uint8Array, pageId: string): Promise<SearchPageContent> {
  return searchPageFormat.read(await unpackJson(payload, 'searchPages', pageId), { trustCurrent: true });
}

/** An attachment's plaintext, chunk by chunk, each chunk authenticated before it is yielded. */
export type ChunkSource = (caseTag: string, manifest: AttachmentManifest) => AsyncIterable<Uint8Array>;

/**
 * The page a case lives in under a layout of 2^pageBits pages: FNV-1a of its tag, so every device
 * agrees without a lookup table. When the layout doubles, each page's cases split between two.
 */
export function pageIdOf(caseTag: string, pageBits: number): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < caseTag.length; i += 1) {
    hash ^= caseTag.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `p${pageBits}-${((hash >>> 0) % 2 ** pageBits).toString(16)}`;
}

/** Seals a page's or search page's payload under its page key, bound to the vault, the table and the page. */
export async function sealPage(
  vaultId: string,
  key: CryptoKey,
  table: 'pages' | 'searchPages',
  pageId: string,
  payload: Uint8Array,
): Promise<Sealed> {
  return sealRecord(key, { vaultId, table, caseTag: '', rowId: pageId }, payload);
}

/** JSON compressed for storage: its text as UTF-16LE in one Zstandard frame (see `packPage`). */
export async function packJson(value: unknown): Promise<Uint8Array> {
  await zstdReady();
  return zstdPack(utf16(JSON.stringify(value)));
}

/**
 * JSON as format 4 stored it: its length in bytes (4, little-endian), then raw deflate. Read,
 * never written. Throws if the bytes do not inflate to their stated length.
 */
function inflateSized(packed: Uint8Array): Uint8Array {
  const size = new DataView(packed.buffer, packed.byteOffset, packed.byteLength).getUint32(0, true);
  if (size > MAX_INFLATED) throw new RangeError('inflateSized: the stated length is absurd');
  // One byte more than stated: fflate silently stops at the end of the buffer it is given.
  const plain = inflateSync(packed.subarray(4), { out: new Uint8Array(size + 1) });
  if (plain.byteLength !== size) throw new RangeError('inflateSized: the length does not match');
  return plain;
}

/**
 * Far above any page or case (a case's texts are capped well below this by its schema). Below the
 * Zstandard magic number read as a format-4 length, so the two formats cannot be mistaken.
 */
const MAX_INFLATED = 256 * 1024 * 1024;

/** A case ready to be packed into its page: its head, and the whole case as JSON, stamped with its format version. */
export function packCase(file: CaseFile): PackedCase {
  return { head: caseHead(file), json: JSON.stringify(caseFileFormat.stamp(file)) };
}

/** The format byte that opens a page payload; another value is refused, not misread. */
type PageFormat = 4 | 5;
export const PAGE_FORMAT: PageFormat = 5;

/**
 * A page's payload: the format byte; the length of the heads block (4 bytes, little-endian); the
 * heads block, compressed JSON `{ heads, sizes }`; then the bodies block: the cases' snapshots as
 * JSON, one after the other (`sizes[i]` long each, in the order of the heads), compressed as one.
 * One frame per page compresses better than one per case and unpacks in one call; pages are small
 * (see the layout), so re-packing a page's bodies on a save costs about a millisecond.
 *
 * Format 5 compresses both blocks with Zstandard, one frame each, and its text is UTF-16LE, as
 * JavaScript holds strings: reading a case back is a copy, not a UTF-8 decode. Measured on the
 * bench's 10,000 cases (Node 20): unpacking, decoding and parsing every case took 345 ms instead
 * of 550, and the compressed pages grew by 4 %.
 * Format 4, which is still read, deflated UTF-8, each block with its length in front.
 */
export async function packPage(cases: readonly PackedCase[]): Promise<Uint8Array> {
  const heads = await packJson({ heads: cases.map((c) => c.head), sizes: cases.map((c) => c.json.length) });
  const bodies = zstdPack(utf16(cases.map((c) => c.json).join('')));
  const payload = new Uint8Array(5 + heads.byteLength + bodies.byteLength);
  payload[0] = PAGE_FORMAT;
  new DataView(payload.buffer).setUint32(1, heads.byteLength, true);
  payload.set(heads, 5);
  payload.set(bodies, 5 + heads.byteLength);
  return payload;
}

/**
 * An opened page payload with its heads parsed and its bodies still compressed (a view into the
 * payload), or an IntegrityError naming the page if it is not a page this version reads.
 */
export async function unpackPage(payload: Uint8Array, pageId: string): Promise<StoredPage> {
  const unreadable = () => new IntegrityError('pages', pageId, 'it is not readable');
  if (payload.byteLength < 5) throw unreadable();
  const format = payload[0]!;
  if (format > PAGE_FORMAT) throw new FormatTooNewError('page', format, PAGE_FORMAT);
  if (format !== 4 && format !== 5)
    throw new IntegrityError('pages', pageId, 'it was written by another version of Qorgau');
  const headsLength = new DataView(payload.buffer, payload.byteOffset).getUint32(1, true);
  if (5 + headsLength + 4 > payload.byteLength) throw unreadable();
  const heads = payload.subarray(5, 5 + headsLength);
  // Each format's blocks are of its own kind: a format-5 page with a deflated block is damaged.
  if (isZstdFrame(heads) !== (format === 5)) throw unreadable();
  const index = await unpackJson(heads, 'pages', pageId);
  const { heads: list, sizes } = (index ?? {}) as { heads?: unknown; sizes?: unknown };
  if (!Array.isArray(list) || !Array.isArray(sizes) || list.length !== sizes.length) throw unreadable();
  if (!sizes.every((size) => typeof size === 'number' && Number.isInteger(size) && size >= 0)) throw unreadable();
  return { format, heads: list as CaseHead[], sizes: sizes as number[], bodies: payload.subarray(5 + headsLength) };
}

/**
 * The cases of a page with their JSON: the bodies block unpacked in one go (synchronous: a page of
 * the layout's size unpacks in well under a millisecond). Only after `unpackPage`, which starts
 * the decompressor.
 */
export function unpackBodies(page: StoredPage, pageId: string): PackedCase[] {
  const total = page.sizes.reduce((sum, size) => sum + size, 0);
  let offset = 0;
  try {
    if (page.format === 5) {
      // One string for the page; each case's JSON is a slice of it (V8 does not copy a slice).
      const text = fromUtf16(zstdUnpack(page.bodies, MAX_INFLATED, total * 2));
      return page.heads.map((head, i) => ({ head, json: text.slice(offset, (offset += page.sizes[i]!)) }));
    }
    const plain = inflateSized(page.bodies);
    if (plain.byteLength !== total) throw new RangeError('the sizes do not add up');
    return page.heads.map((head, i) => ({ head, json: fromUtf8(plain.subarray(offset, (offset += page.sizes[i]!))) }));
  } catch {
    throw new IntegrityError('pages', pageId, 'its cases are not readable');
  }
}

/**
 * A packed case, read through its upgrade path (see `caseFileFormat`), or an IntegrityError naming
 * its page. A case already current is not validated again: it was checked when it was written
 * and its page is authenticated. A case made by a newer Qorgau is refused (`FormatTooNewError`).
 */
export function parseCase(packed: PackedCase, pageId: string): CaseFile {
  let raw: unknown;
  try {
    raw = JSON.parse(packed.json);
  } catch {
    throw new IntegrityError('pages', pageId, 'a case in it is not readable');
  }
  let file: CaseFile;
  try {
    file = caseFileFormat.read(raw, { trustCurrent: true });
  } catch (error) {
    if (error instanceof VaultError) throw error;
    throw new IntegrityError('pages', pageId, 'a case in it is not readable');
  }
  if (file.caseTag !== packed.head.caseTag) throw new IntegrityError('pages', pageId, 'a case in it is not readable');
  return file;
}

/**
 * Compressed JSON (`packJson`, or format 4's deflate), parsed, or an IntegrityError naming the
 * row. Large deflated payloads are inflated by the platform (native code); small ones in
 * JavaScript, where setting up a stream would cost more than the work.
 */
export async function unpackJson(payload: Uint8Array, table: string, rowId: string): Promise<unknown> {
  // Outside the try: a decompressor that did not start is not damaged data.
  const zstd = isZstdFrame(payload);
  if (zstd) await zstdReady();
  try {
    if (zstd) return JSON.parse(fromUtf16(zstdUnpack(payload, MAX_INFLATED))) as unknown;
    if (payload.byteLength < NATIVE_INFLATE_FROM) return JSON.parse(fromUtf8(inflateSized(payload))) as unknown;
    const stream = new Blob([toBufferSource(payload.subarray(4))])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'));
    return JSON.parse(fromUtf8(new Uint8Array(await new Response(stream).arrayBuffer()))) as unknown;
  } catch {
    throw new IntegrityError(table, rowId, 'it is not readable');
  }
}

/** Compressed size from which the platform's inflater beats fflate's (measured with `npm run bench`). */
const NATIVE_INFLATE_FROM = 24 * 1024;

/** Opens a page or search page: its (compressed) payload, or an IntegrityError naming it. See `readPage`. */
export function openPage(
  vaultId: string,
  key: CryptoKey,
  table: 'pages' | 'searchPages',
  pageId: string,
  sealed: Sealed,
): Promise<Uint8Array> {
  return openRecord(key, { vaultId, table, caseTag: '', rowId: pageId }, sealed);
}

export type OpenedRows = {
  readonly cases: CaseFile[];
  /** The vault settings, decrypted (null in a case package). */
  readonly settings: unknown;
  readonly chunks: ChunkSource;
};

/**
 * Decrypts the rows of a verified backup or case package. Strict, unlike opening the vault: a
 * page that fails to decrypt or a case of the wrong shape stops the whole import with an error
 * naming it, since an import must be whole before it may change anything. Runs in Node too.
 */
/**
 * The keys the rows of a backup are wrapped under: a vault in a key epoch carries its epoch key
 * sealed in its meta rows (see vault-keys.ts); a package, and a vault before epochs, none.
 */
export async function epochKeysOf(metaRows: readonly unknown[], rootKeys: VaultKeys): Promise<VaultKeys> {
  const epoch = (metaRows as Array<EpochRow | null>).find((row) => row?.key === 'epoch');
  if (!epoch?.sealed) return rootKeys;
  const epochKey = await openEpochKey(rootKeys, epoch.epoch, epoch.sealed);
  try {
    return await withEpoch(rootKeys, epoch.epoch, epochKey);
  } finally {
    epochKey.fill(0);
  }
}

export async function openVaultRows(frames: readonly BackupFrame[], rootKeys: VaultKeys): Promise<OpenedRows> {
  const rows = <T>(table: string) => frames.filter((f) => f.table === table).flatMap((f) => f.rows as T[]);
  const pageBits = layoutOf(rows('meta'));
  const keys = await epochKeysOf(rows('meta'), rootKeys);
  const cases: CaseFile[] = [];
  for (const page of rows<PageRow>('pages')) {
    const key = await openPageKey(keys, page.id, page.wrap);
    const stored = await unpackPage(await openPage(keys.vaultId, key, 'pages', page.id, page), page.id);
    for (const item of unpackBodies(stored, page.id)) {
      const raw = JSON.parse(item.json) as Record<string, unknown>;
      const checked = checkedCase(raw, page.id, pageBits);
      // The head was derived from this very case when it was written.
      if (canonicalJson(caseHead(checked)) !== canonicalJson(item.head))
        throw new IntegrityError('pages', page.id, 'the summary of a case does not match the case');
      cases.push(checked);
    }
  }
  // Rows under row names (see row-names.ts), or as they were stored before them.
  const namesRow = namesRowOf(rows('meta'));
  const names = namesRow === null ? null : await openRowNames(rootKeys, namesRow);
  const byKey = <R, V>(table: string, key: (row: R) => string, value: (row: R) => V) =>
    new Map(rows<R>(table).map((row) => [key(row), value(row)]));
  const legacyKeys = byKey<LegacyCaseKeyRow, Sealed>(
    'caseKeys',
    (r) => r.caseTag,
    (r) => r,
  );
  const namedKeys = byKey<CaseKeyRow, Sealed>(
    'sealedKeys',
    (r) => r.ref,
    (r) => r,
  );
  const legacyChunks = byKey<LegacyChunkRow, Uint8Array>(
    'chunks',
    (r) => `${r.attachmentId}#${r.index}`,
    (r) => r.ct,
  );
  const namedChunks = byKey<ChunkRow, Uint8Array>(
    'parts',
    (r) => `${r.ref}#${r.index}`,
    (r) => r.ct,
  );
  const keyRowOf = async (caseTag: string) =>
    names ? (namedKeys.get(await names.caseRef(caseTag)) ?? legacyKeys.get(caseTag)) : legacyKeys.get(caseTag);
  const chunkOf = async (attachmentId: string, index: number) =>
    (names ? namedChunks.get(`${await names.documentRef(attachmentId)}#${index}`) : undefined) ??
    legacyChunks.get(`${attachmentId}#${index}`);
  for (const snapshot of cases)
    if ((await keyRowOf(snapshot.caseTag)) === undefined)
      throw new IntegrityError('caseKeys', snapshot.caseTag, 'the key of the case is missing');
  const caseKeys = new Map<string, Promise<CaseKeys>>();
  const settingsRow = rows<SettingsRow>('settings').find((row) => row.id === 'settings');
  const settings = settingsRow
    ? parseJson(
        await openRecord(
          keys.vaultRecords,
          { vaultId: keys.vaultId, table: 'settings', caseTag: '', rowId: 'settings' },
          settingsRow,
        ),
        'settings',
        'settings',
      )
    : null;
  return {
    cases,
    settings,
    chunks: async function* (caseTag, manifest) {
      const keyRow = await keyRowOf(caseTag);
      if (keyRow === undefined) throw new IntegrityError('caseKeys', caseTag, 'the key of the case is missing');
      if (!caseKeys.has(caseTag)) caseKeys.set(caseTag, openCaseKeys(keys, caseTag, keyRow));
      const key = await (await caseKeys.get(caseTag)!).attachmentKey(manifest.id);
      const address = chunkAddress(keys.vaultId, caseTag, manifest);
      for (let index = 0; index < manifest.chunkCount; index += 1)
        yield await openChunk(key, address, index, manifest, await chunkOf(manifest.id, index));
    },
  };
}

/**
 * A case from an imported page, upgraded to the current format and checked field by field by its
 * schema: imports are untrusted. Its documents belong to it whatever their manifests say.
 */
function checkedCase(raw: Record<string, unknown>, pageId: string, pageBits: number): CaseFile {
  const caseTag = typeof raw.caseTag === 'string' && raw.caseTag !== '' ? raw.caseTag : null;
  if (caseTag === null || pageIdOf(caseTag, pageBits) !== pageId)
    throw new IntegrityError('pages', pageId, 'it holds a case that does not belong to it');
  let file: CaseFile;
  try {
    file = caseFileFormat.read(raw);
  } catch (error) {
    if (error instanceof VaultError) throw error;
    throw new IntegrityError('cases', caseTag, 'it does not have the shape of a case');
  }
  return { ...file, attachments: file.attachments.map((manifest) => ({ ...manifest, caseTag })) };
}

/**
 * Re-encrypts documents for a case of another vault, chunk by chunk under fresh nonces, checking
 * each document's bytes against its SHA-256 and size on the way: a mismatch stops the import.
 * Gives back the manifests as the target stores them, and the chunk rows under the target's
 * row names.
 */
export async function resealDocuments(
  vaultId: string,
  caseKeys: CaseKeys,
  names: RowNames,
  sourceCaseTag: string,
  attachments: readonly AttachmentManifest[],
  chunks: ChunkSource,
): Promise<{ manifests: AttachmentManifest[]; chunkRows: ChunkRow[] }> {
  const caseTag = caseKeys.caseTag;
  const manifests: AttachmentManifest[] = [];
  const chunkRows: ChunkRow[] = [];
  for (const source of attachments) {
    const manifest: AttachmentManifest = { ...source, caseTag, noncePrefix: toBase64Url(randomBytes(7)) };
    const key = await caseKeys.attachmentKey(manifest.id);
    const address = chunkAddress(vaultId, caseTag, manifest);
    const ref = await names.documentRef(manifest.id);
    const hasher = await createSHA256();
    hasher.init();
    let index = 0;
    let size = 0;
    for await (const plain of chunks(sourceCaseTag, source)) {
      hasher.update(plain);
      size += plain.byteLength;
      const last = index === manifest.chunkCount - 1;
      const ct = await sealChunk(key, address, index, last, plain);
      chunkRows.push({ ref, index, ct: last ? padLastChunk(ct, manifest.chunkSize) : ct });
      index += 1;
    }
    if (size !== manifest.size || hasher.digest('hex') !== manifest.sha256)
      throw new IntegrityError('attachments', manifest.id, `the bytes of "${manifest.name}" do not match its checksum`);
    manifests.push(manifest);
  }
  return { manifests, chunkRows };
}

export function chunkAddress(vaultId: string, caseTag: string, manifest: AttachmentManifest): ChunkAddress {
  return { vaultId, caseTag, attachmentId: manifest.id, noncePrefix: noncePrefixOf(manifest.noncePrefix, manifest.id) };
}

/** JSON with every object's keys in sorted order: two values compare equal whatever order their fields were set in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function parseJson(bytes: Uint8Array, table: string, id: string): unknown {
  try {
    return JSON.parse(fromUtf8(bytes)) as unknown;
  } catch {
    throw new IntegrityError(table, id, 'it is not readable');
  }
}
