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
  PageRow,
  SearchPageRow,
  SettingsRow,
} from '../../../shared/vault-format/vault-rows';
export type { CaseKeyRow, ChunkRow, PageRow, SearchPageRow, SettingsRow };

/**
 * The vault header (KDF parameters and wrapped root keys only, nothing about any case) and the
 * page layout (how many pages the cases are spread over).
 */
export type MetaRow = { key: 'header'; header: VaultHeader } | LayoutRow | ManifestRow | EpochRow;

export const VAULT_DB_NAME = 'qorgau-vault';

export class VaultDatabase extends Dexie {
  declare meta: Table<MetaRow, string>;
  declare caseKeys: Table<CaseKeyRow, string>;
  declare pages: Table<PageRow, string>;
  declare searchPages: Table<SearchPageRow, string>;
  declare chunks: Table<ChunkRow, [string, number]>;
  declare settings: Table<SettingsRow, string>;

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
  }
}
