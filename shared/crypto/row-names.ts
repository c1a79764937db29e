import { randomBytes, toBase64Url, toBufferSource, utf8 } from './bytes';
import { seal, tryOpen, type Sealed } from './envelope';
import { IntegrityError } from './errors';
import type { VaultKeys } from './vault-keys';

/**
 * Row names: what a vault's rows and the desktop app's document files are stored under, in the
 * clear, where the case tag or the document's id would otherwise be. A case tag and a document id
 * are the same in every vault a case package reaches, so stored in the clear they would link two
 * seized laptops, and tell how many cases and documents each holds and which belong together.
 * Instead each is named by an HMAC under a random key of the vault's own (sealed under the
 * vault-record key, in the meta row `names`): the same case or document has unrelated names in
 * two vaults, and nothing on disk says which documents are one case's.
 *
 * The key is random rather than derived from the root, so re-keying the vault re-seals one row
 * instead of renaming every stored document.
 */
export type RowNames = {
  /** The stored name of a case's key row. */
  caseRef(caseTag: string): Promise<string>;
  /** The stored name of a document's chunks (IndexedDB) or file (the desktop app). */
  documentRef(attachmentId: string): Promise<string>;
};

/** The meta row that holds a vault's name key, sealed. */
export type NamesRow = { readonly key: 'names'; readonly sealed: Sealed };

const NAME_KEY_BYTES = 32;
/** 128 bits of the HMAC: as unguessable as the random ids it stands for. */
const REF_BYTES = 16;

/** A new name key for a vault, and its row. */
export async function createRowNames(keys: VaultKeys): Promise<{ readonly row: NamesRow; readonly names: RowNames }> {
  const raw = randomBytes(NAME_KEY_BYTES);
  try {
    const row: NamesRow = { key: 'names', sealed: await seal(keys.vaultRecords, raw, namesAad(keys.vaultId)) };
    return { row, names: await rowNamesFrom(raw) };
  } finally {
    raw.fill(0);
  }
}

/** The names of a vault whose name key is in `row`, or an IntegrityError when it does not open. */
export async function openRowNames(keys: VaultKeys, row: NamesRow): Promise<RowNames> {
  const raw = await tryOpen(keys.vaultRecords, row.sealed, namesAad(keys.vaultId));
  if (raw === null)
    throw new IntegrityError('meta', 'names', 'the key that names the vault’s rows does not open', {
      reason: 'names-unreadable',
    });
  try {
    return await rowNamesFrom(raw);
  } finally {
    raw.fill(0);
  }
}

/** The same name key sealed under another root's vault-record key (re-keying). */
export async function resealNamesRow(from: VaultKeys, to: VaultKeys, row: NamesRow): Promise<NamesRow> {
  const raw = await tryOpen(from.vaultRecords, row.sealed, namesAad(from.vaultId));
  if (raw === null) throw new IntegrityError('meta', 'names', 'the key that names the vault’s rows does not open');
  try {
    return { key: 'names', sealed: await seal(to.vaultRecords, raw, namesAad(to.vaultId)) };
  } finally {
    raw.fill(0);
  }
}

/** The row among a backup's or package's meta rows, if it has one (those made before row names have none). */
export function namesRowOf(metaRows: readonly unknown[]): NamesRow | null {
  const row = metaRows.find((r) => (r as { key?: unknown } | null)?.key === 'names') as NamesRow | undefined;
  return row ?? null;
}

async function rowNamesFrom(raw: Uint8Array): Promise<RowNames> {
  const key = await crypto.subtle.importKey('raw', toBufferSource(raw), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  // A vault names the same rows again and again (every save, every document read).
  const known = new Map<string, Promise<string>>();
  const name = (kind: 'case' | 'document', id: string) => {
    const label = `${kind}:${id}`;
    let found = known.get(label);
    if (found === undefined) {
      found = crypto.subtle
        .sign('HMAC', key, utf8(JSON.stringify(['qorgau/row-name/v1', kind, id])))
        .then((mac) => toBase64Url(new Uint8Array(mac, 0, REF_BYTES)));
      known.set(label, found);
    }
    return found;
  };
  return { caseRef: (caseTag) => name('case', caseTag), documentRef: (attachmentId) => name('document', attachmentId) };
}

function namesAad(vaultId: string): Uint8Array {
  return utf8(JSON.stringify(['qorgau/row-names/v1', vaultId]));
}
