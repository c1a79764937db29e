import { createSHA256 } from 'hash-wasm';
import { noncePrefixOf, openChunk, sealChunk, type ChunkAddress } from '../crypto/attachment-chunks';
import { fromUtf8, randomBytes, toBase64Url, utf8 } from '../crypto/bytes';
import { openRecord, sealRecord, type Sealed } from '../crypto/envelope';
import { IntegrityError } from '../crypto/errors';
import { openCaseKeys, type CaseKeys, type VaultKeys } from '../crypto/vault-keys';
import { attachmentManifestSchema, type AttachmentManifest } from '../domain/attachment';
import { caseRecordSchema } from '../domain/case';
import { entryRecordSchema } from '../domain/entry';
import type { BackupFrame } from './backup-format';
import type { CaseSnapshot } from './merge';

/** A stored row of a case table: random ids in the clear, the record sealed. */
export type SealedCaseRow = Sealed & { readonly id: string; readonly caseTag: string };
/** A stored piece of an attachment. */
export type ChunkRow = {
  readonly attachmentId: string;
  readonly index: number;
  readonly caseTag: string;
  readonly ct: Uint8Array;
};
/** A case's wrapped key as stored. */
export type CaseKeyRow = Sealed & { readonly caseTag: string };

/** An attachment's plaintext, chunk by chunk, each chunk authenticated before it is yielded. */
export type ChunkSource = (caseTag: string, manifest: AttachmentManifest) => AsyncIterable<Uint8Array>;

export type OpenedRows = {
  readonly cases: CaseSnapshot[];
  /** The vault settings, decrypted (null in a case package). */
  readonly settings: unknown;
  readonly chunks: ChunkSource;
};

/**
 * Decrypts the rows of a verified backup or case package. Strict, unlike opening the vault: a
 * row that fails to decrypt or has the wrong shape stops the whole import with an error naming
 * it, since an import must be whole before it may change anything. Runs in Node too.
 */
export async function openVaultRows(frames: readonly BackupFrame[], keys: VaultKeys): Promise<OpenedRows> {
  const rows = (table: string) => frames.filter((f) => f.table === table).flatMap((f) => f.rows as SealedCaseRow[]);
  const entryRows = groupByTag(rows('entries'));
  const attachmentRows = groupByTag(rows('attachments'));
  const caseRows = new Map(rows('cases').map((row) => [row.caseTag, row]));
  const caseKeysByTag = new Map<string, CaseKeys>();
  const cases: CaseSnapshot[] = [];
  for (const keyRow of rows('caseKeys') as unknown as CaseKeyRow[]) {
    const caseKeys = await openCaseKeys(keys, keyRow.caseTag, keyRow);
    caseKeysByTag.set(keyRow.caseTag, caseKeys);
    const caseRow = caseRows.get(keyRow.caseTag);
    if (caseRow === undefined) throw new IntegrityError('cases', keyRow.caseTag, 'the case record is missing');
    const record = shaped(
      caseRecordSchema,
      await openCaseRow(keys.vaultId, caseKeys, 'cases', caseRow),
      'cases',
      caseRow.id,
    );
    const entries = [];
    for (const row of entryRows.get(keyRow.caseTag) ?? []) {
      const value = await openCaseRow(keys.vaultId, caseKeys, 'entries', row);
      entries.push({ id: row.id, record: shaped(entryRecordSchema, value, 'entries', row.id) });
    }
    const attachments: AttachmentManifest[] = [];
    for (const row of attachmentRows.get(keyRow.caseTag) ?? []) {
      const value = await openCaseRow(keys.vaultId, caseKeys, 'attachments', row);
      attachments.push({ ...shaped(attachmentManifestSchema, value, 'attachments', row.id), caseTag: keyRow.caseTag });
    }
    cases.push({ caseTag: keyRow.caseTag, record, entries, attachments });
  }
  const chunkRows = new Map(
    (rows('chunks') as unknown as ChunkRow[]).map((row) => [`${row.attachmentId}#${row.index}`, row.ct]),
  );
  const settingsRow = rows('settings').find((row) => row.id === 'settings');
  const settings = settingsRow
    ? (JSON.parse(
        fromUtf8(
          await openRecord(
            keys.vaultRecords,
            { vaultId: keys.vaultId, table: 'settings', caseTag: '', rowId: 'settings' },
            settingsRow,
          ),
        ),
      ) as unknown)
    : null;
  return {
    cases,
    settings,
    chunks: async function* (caseTag, manifest) {
      const caseKeys = caseKeysByTag.get(caseTag);
      if (caseKeys === undefined) throw new IntegrityError('caseKeys', caseTag, 'the case key is missing');
      const key = await caseKeys.attachmentKey(manifest.id);
      const address = chunkAddress(keys.vaultId, caseTag, manifest);
      for (let index = 0; index < manifest.chunkCount; index += 1) {
        const ct = chunkRows.get(`${manifest.id}#${index}`);
        yield await openChunk(key, address, index, manifest.chunkCount, ct, manifest.name);
      }
    },
  };
}

/** A case's rows sealed for a vault: what the vault stores, ready for one transaction. */
export type SealedCase = {
  readonly caseRow: SealedCaseRow;
  readonly entryRows: SealedCaseRow[];
  readonly attachmentRows: SealedCaseRow[];
  readonly chunkRows: ChunkRow[];
};

/**
 * Seals a case for a vault under that vault's case keys: the record, the given entries, and the
 * given documents re-encrypted chunk by chunk under fresh nonces. Each document's bytes are
 * checked against its SHA-256 and size on the way; a mismatch stops the import.
 */
export async function sealCase(
  vaultId: string,
  caseKeys: CaseKeys,
  content: {
    readonly record: unknown;
    readonly entries: ReadonlyArray<{ readonly id: string; readonly record: unknown }>;
    readonly attachments: readonly AttachmentManifest[];
  },
  chunks: ChunkSource,
): Promise<SealedCase> {
  const caseTag = caseKeys.caseTag;
  const caseRow = await sealCaseRow(vaultId, caseKeys, 'cases', caseTag, content.record);
  const entryRows = await Promise.all(
    content.entries.map((entry) => sealCaseRow(vaultId, caseKeys, 'entries', entry.id, entry.record)),
  );
  const attachmentRows: SealedCaseRow[] = [];
  const chunkRows: ChunkRow[] = [];
  for (const source of content.attachments) {
    const manifest: AttachmentManifest = { ...source, caseTag, noncePrefix: toBase64Url(randomBytes(7)) };
    const key = await caseKeys.attachmentKey(manifest.id);
    const address = chunkAddress(vaultId, caseTag, manifest);
    const hasher = await createSHA256();
    hasher.init();
    let index = 0;
    let size = 0;
    for await (const plain of chunks(source.caseTag, source)) {
      hasher.update(plain);
      size += plain.byteLength;
      const ct = await sealChunk(key, address, index, index === manifest.chunkCount - 1, plain);
      chunkRows.push({ attachmentId: manifest.id, index, caseTag, ct });
      index += 1;
    }
    if (size !== manifest.size || hasher.digest('hex') !== manifest.sha256)
      throw new IntegrityError('attachments', manifest.id, `the bytes of "${manifest.name}" do not match its checksum`);
    attachmentRows.push(await sealCaseRow(vaultId, caseKeys, 'attachments', manifest.id, manifest));
  }
  return { caseRow, entryRows, attachmentRows, chunkRows };
}

/** Seals one record of a case, bound to its vault, table, case and row. */
export async function sealCaseRow(
  vaultId: string,
  caseKeys: CaseKeys,
  table: 'cases' | 'entries' | 'attachments',
  id: string,
  value: unknown,
): Promise<SealedCaseRow> {
  const address = { vaultId, table, caseTag: caseKeys.caseTag, rowId: id };
  const sealed = await sealRecord(caseKeys.records, address, utf8(JSON.stringify(value)));
  return { id, caseTag: caseKeys.caseTag, iv: sealed.iv, ct: sealed.ct };
}

/** Opens one record of a case, or throws an IntegrityError naming it. */
export async function openCaseRow(
  vaultId: string,
  caseKeys: CaseKeys,
  table: 'cases' | 'entries' | 'attachments',
  row: SealedCaseRow,
): Promise<unknown> {
  const address = { vaultId, table, caseTag: caseKeys.caseTag, rowId: row.id };
  return JSON.parse(fromUtf8(await openRecord(caseKeys.records, address, row))) as unknown;
}

function groupByTag(rows: readonly SealedCaseRow[]): Map<string, SealedCaseRow[]> {
  const map = new Map<string, SealedCaseRow[]>();
  for (const row of rows) {
    const list = map.get(row.caseTag);
    if (list) list.push(row);
    else map.set(row.caseTag, [row]);
  }
  return map;
}

function chunkAddress(vaultId: string, caseTag: string, manifest: AttachmentManifest): ChunkAddress {
  return { vaultId, caseTag, attachmentId: manifest.id, noncePrefix: noncePrefixOf(manifest.noncePrefix, manifest.id) };
}

function shaped<T>(
  schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } },
  value: unknown,
  table: string,
  id: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new IntegrityError(table, id, 'it does not have the shape this version expects');
  return parsed.data;
}
