import { Dexie, type Table } from 'dexie';
import type { VaultHeader } from '../../../shared/crypto/vault-keys';

/**
 * The IndexedDB schema. Every row that describes a case is `{id, caseTag, iv, ct}`: the id and
 * the case tag are random and carry no meaning, the rest is AES-GCM ciphertext. Indexes exist
 * only on those random values, never on content.
 */
export type SealedRow = { id: string; caseTag: string; iv: Uint8Array; ct: Uint8Array };

/** A case's random master key, wrapped by the vault; deleting this row shreds the case. */
export type CaseKeyRow = { caseTag: string; iv: Uint8Array; ct: Uint8Array };

/** One encrypted piece of an attachment; its nonce is derived from its index, so none is stored. */
export type ChunkRow = { attachmentId: string; index: number; caseTag: string; ct: Uint8Array };

/** The vault header: KDF parameters and wrapped root keys only, nothing about any case. */
export type MetaRow = { key: 'header'; header: VaultHeader };

export const VAULT_DB_NAME = 'qorgau-vault';

export class VaultDatabase extends Dexie {
  declare meta: Table<MetaRow, string>;
  declare caseKeys: Table<CaseKeyRow, string>;
  declare cases: Table<SealedRow, string>;
  declare entries: Table<SealedRow, string>;
  declare attachments: Table<SealedRow, string>;
  declare chunks: Table<ChunkRow, [string, number]>;
  declare settings: Table<SealedRow, string>;

  constructor(name: string, deps: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // Strict durability: a write is acknowledged only once it is on disk, so a crash or a power
    // cut never loses an edit the user saw saved.
    super(name, { chromeTransactionDurability: 'strict', ...deps });
    this.version(1).stores({
      meta: 'key',
      caseKeys: 'caseTag',
      cases: 'id, caseTag',
      entries: 'id, caseTag',
      attachments: 'id, caseTag',
      chunks: '[attachmentId+index], attachmentId, caseTag',
      settings: 'id',
    });
  }
}
