import { Dexie, type Table } from 'dexie';
import type { VaultHeader } from '../../../shared/crypto/vault-keys';
import type { EpochRow, ManifestRow } from '../../../shared/vault-format/manifest';

/**
 * The IndexedDB schema. Rows carry random ids and ciphertext only; indexes exist only on those
 * random values, never on content. Cases are packed into pages (see shared/vault-format/vault-rows.ts).
 */
import type {
  CaseKeyRow,
  ChunkRow,
  LayoutRow,
  LegacyCaseKeyRow,
  LegacyChunkRow,
  PageRow,
  SearchPageRow,
  SettingsRow,
} from '../../../shared/vault-format/vault-rows';
import type { NamesRow } from '../../../shared/crypto/row-names';
export type { CaseKeyRow, ChunkRow, PageRow, SearchPageRow, SettingsRow };

/**
 * The vault header (KDF parameters and wrapped root keys only, nothing about any case) and the
 * page layout (how many pages the cases are spread over).
 */
export type MetaRow = { key: 'header'; header: VaultHeader } | LayoutRow | ManifestRow | EpochRow | NamesRow;

export const VAULT_DB_NAME = 'qorgau-vault';

export class VaultDatabase extends Dexie {
  declare meta: Table<MetaRow, string>;
  /** Case keys, by the case's row name (see shared/crypto/row-names.ts). */
  declare sealedKeys: Table<CaseKeyRow, string>;
  declare pages: Table<PageRow, string>;
  declare searchPages: Table<SearchPageRow, string>;
  /** Document chunks, by the document's row name and the chunk's index. */
  declare parts: Table<ChunkRow, [string, number]>;
  declare settings: Table<SettingsRow, string>;
  /**
   * Version 2's tables, keyed by case tag and attachment id in the clear: emptied into
   * `sealedKeys` and `parts` at the first unlock by version 3 (see row-name-store.ts). Kept
   * declared so a vault not unlocked since still has them to move.
   */
  declare caseKeys: Table<LegacyCaseKeyRow, string>;
  declare chunks: Table<LegacyChunkRow, [string, number]>;

  /** The IDBKeyRange of the IndexedDB in use, for the few reads made without Dexie. */
  readonly keyRange: typeof IDBKeyRange;

  constructor(name: string, deps: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // Strict durability: a write is acknowledged only once it is on disk, so a crash or a power
    // cut never loses an edit the user saw saved.
    super(name, { chromeTransactionDurability: 'strict', ...deps });
    this.keyRange = deps.IDBKeyRange ?? globalThis.IDBKeyRange;
    // Version 2 packs cases into pages. Version 1 (a row per record) was never released; its
    // tables are dropped.
    this.version(2).stores({
      meta: 'key',
      caseKeys: 'caseTag',
      pages: 'id',
      searchPages: 'id',
      chunks: '[attachmentId+index], attachmentId, caseTag',
      settings: 'id',
      cases: null,
      entries: null,
      attachments: null,
    });
    // Version 3 names key rows and chunks by row names, not by case tag and attachment id.
    this.version(3).stores({ sealedKeys: 'ref', parts: '[ref+index], ref' });
  }
}
