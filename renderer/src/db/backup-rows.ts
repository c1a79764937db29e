import { VaultError } from '../../../shared/crypto/errors';
import type { ChunkRow } from '../../../shared/vault-format/vault-rows';
import type { DeviceDocuments } from '../platform/platform';
import { guarded } from './errors';
import type { VaultDatabase } from './vault-db';

/** The tables a backup carries, header first. */
export const BACKUP_TABLES = ['meta', 'sealedKeys', 'pages', 'searchPages', 'parts', 'settings'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];
/**
 * The tables of backups made before row names (format 4 and older): restored as they are, and
 * moved under row names by the unlock that follows (see row-name-store.ts).
 */
const LEGACY_TABLES = ['caseKeys', 'chunks'] as const;
const RESTORED_TABLES: readonly string[] = [...BACKUP_TABLES, ...LEGACY_TABLES];

/**
 * Every stored row, table by table, in batches: what a backup holds. Rows are read as stored
 * (still encrypted); attachment chunks go one per batch so no batch is large.
 */
export async function* exportRows(
  db: VaultDatabase,
  device: DeviceDocuments | null,
  vaultId: string,
): AsyncGenerator<{ table: BackupTable; rows: unknown[] }> {
  // Everything but the documents' chunks in one read, with the keys of the chunks: a save, or a
  // reorganisation of the pages (which replaces every page row), lands wholly before it or
  // wholly after it. The chunks themselves are read one by one afterwards (they are large); a
  // document deleted meanwhile would leave the backup naming a file it does not hold, so the
  // backup stops instead, and a document added meanwhile is not in it.
  const records = BACKUP_TABLES.filter((table) => table !== 'parts');
  const [snapshot, chunkKeys] = await guarded('backup', () =>
    db.transaction(
      'r',
      BACKUP_TABLES.map((table) => db.table(table)),
      () =>
        Promise.all([
          Promise.all(records.map((table) => db.table(table).toArray())),
          db.parts.toCollection().primaryKeys(),
        ]),
    ),
  );
  const deletedMeanwhile = () =>
    new VaultError(
      'storage',
      'back up the vault: a document was deleted while the backup was being written, so this backup would be incomplete; nothing was kept. Back up again.',
      { reason: 'deleted-during-backup' },
    );
  for (const table of BACKUP_TABLES) {
    if (table === 'parts') {
      for (const key of chunkKeys) {
        const row = await guarded('backup', () => db.parts.get(key));
        if (row === undefined) throw deletedMeanwhile();
        yield { table, rows: [row] };
      }
      // The desktop app's documents go into the backup as the same chunk rows, so a backup
      // restores anywhere (into IndexedDB).
      for (const doc of device ? (await device.list(vaultId)).documents : []) {
        for (let index = 0; index < doc.chunkCount; index += 1) {
          const [ct] = (await device?.readChunks({ vaultId, ref: doc.ref }, index, 1)) ?? [];
          if (ct === undefined) throw deletedMeanwhile();
          const row: ChunkRow = { ref: doc.ref, index, ct };
          yield { table, rows: [row] };
        }
      }
      continue;
    }
    const rows: unknown[] = snapshot[records.indexOf(table)] ?? [];
    const batch = table === 'pages' || table === 'searchPages' ? 8 : 200;
    for (let i = 0; i < rows.length; i += batch) yield { table, rows: rows.slice(i, i + batch) };
  }
}

/**
 * Restores a verified backup into this (empty) vault in one transaction: either every row is
 * written or none is. Refuses when a vault is already here.
 */
export async function restoreRows(
  db: VaultDatabase,
  frames: ReadonlyArray<{ table: string; rows: readonly unknown[] }>,
): Promise<void> {
  const stores = RESTORED_TABLES.map((table) => db.table(table));
  await guarded('restore', () =>
    db.transaction('rw', stores, async () => {
      if ((await db.meta.get('header')) !== undefined) {
        throw new VaultError(
          'vault-exists',
          'restore the backup: this device already has a vault; nothing was written.',
          { reason: 'restore' },
        );
      }
      for (const frame of frames) {
        if (!RESTORED_TABLES.includes(frame.table)) {
          throw new VaultError(
            'integrity',
            `restore the backup: unknown table "${frame.table}"; nothing was written.`,
            { reason: 'restore-unknown-table' },
          );
        }
        if (frame.rows.length > 0) await db.table(frame.table).bulkPut([...frame.rows]);
      }
      if ((await db.meta.get('header')) === undefined) {
        throw new VaultError(
          'integrity',
          'restore the backup: the backup holds no vault header; nothing was written.',
          { reason: 'restore-no-header' },
        );
      }
    }),
  );
}
