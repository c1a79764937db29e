import { padLastChunk } from '../../../shared/crypto/attachment-chunks';
import { VaultError, IntegrityError } from '../../../shared/crypto/errors';
import { createRowNames, openRowNames, type RowNames } from '../../../shared/crypto/row-names';
import type { VaultKeys } from '../../../shared/crypto/vault-keys';
import type { CaseKeyRow, ChunkRow } from '../../../shared/vault-format/vault-rows';
import type { DeviceDocuments } from '../platform/platform';
import { guarded } from './errors';
import type { VaultDatabase } from './vault-db';

/** Chunks moved per transaction when a vault leaves version 2's tables: about 8 MiB. */
const MOVE_CHUNKS_PER_WRITE = 8;
/** Every document chunk of version 2 was this long (see attachment-store.ts). */
const LEGACY_CHUNK_SIZE = 1024 * 1024;

/**
 * The vault's row names (see shared/crypto/row-names.ts) while it is unlocked: the stores name
 * every key row, chunk and desktop document file through them. Dropped on lock.
 */
export class RowNameBook {
  private names: RowNames | null = null;

  use(names: RowNames): void {
    this.names = names;
  }

  forget(): void {
    this.names = null;
  }

  get(): RowNames {
    if (this.names === null) throw new VaultError('locked', 'vault: it is locked; unlock it first.');
    return this.names;
  }
}

/**
 * The vault's row names, opened from its meta row `names`; a vault without one (new, or made
 * before row names) gets one. Then whatever is still stored under version 2's names (key rows by
 * case tag, chunks by attachment id, the desktop's `<caseTag>.<attachmentId>.qdoc` files) moves
 * under row names, each last chunk padded: in transactions of a few chunks each, so a crash
 * leaves every row either moved or not, and the next unlock moves the rest.
 *
 * A vault that has rows under row names but no `names` row had it removed: its documents could
 * not be found, and a new key would make every one of them look orphaned to the sweep, so the
 * unlock stops with an integrity failure instead.
 */
export async function openRowNamesIn(
  db: VaultDatabase,
  keys: VaultKeys,
  device: DeviceDocuments | null,
): Promise<RowNames> {
  const names = await readOrCreateNames(db, keys);
  await moveKeyRows(db, names);
  await moveChunks(db, names);
  if (device !== null) {
    const { legacy } = await device.list(keys.vaultId);
    if (legacy.length > 0) {
      const renamed = await Promise.all(
        legacy.map(async (attachmentId) => ({ attachmentId, ref: await names.documentRef(attachmentId) })),
      );
      await device.adopt(keys.vaultId, renamed);
    }
  }
  return names;
}

async function readOrCreateNames(db: VaultDatabase, keys: VaultKeys): Promise<RowNames> {
  const stored = await guarded('open', () => db.meta.get('names'));
  if (stored?.key === 'names') return openRowNames(keys, stored);
  const created = await createRowNames(keys);
  const kept = await guarded('open', () =>
    db.transaction('rw', [db.meta, db.sealedKeys, db.parts], async () => {
      // Another window may have made one meanwhile: that one stands.
      const now = await db.meta.get('names');
      if (now?.key === 'names') return now;
      if ((await db.sealedKeys.count()) > 0 || (await db.parts.count()) > 0)
        throw new IntegrityError('meta', 'names', 'the key that names the vault’s rows is missing', {
          reason: 'names-missing',
        });
      await db.meta.add(created.row);
      return created.row;
    }),
  );
  return kept === created.row ? created.names : openRowNames(keys, kept);
}

/** Key rows by case tag → by row name, in one transaction; a row another window moved first is left as it is. */
async function moveKeyRows(db: VaultDatabase, names: RowNames): Promise<void> {
  const legacy = await guarded('open', () => db.caseKeys.toArray());
  if (legacy.length === 0) return;
  const moved: CaseKeyRow[] = await Promise.all(
    legacy.map(async (row) => ({ ref: await names.caseRef(row.caseTag), iv: row.iv, ct: row.ct })),
  );
  await guarded('open', () =>
    db.transaction('rw', [db.caseKeys, db.sealedKeys], async () => {
      const [still, existing] = await Promise.all([
        db.caseKeys.bulkGet(legacy.map((row) => row.caseTag)),
        db.sealedKeys.bulkGet(moved.map((row) => row.ref)),
      ]);
      const puts = moved.filter((_, i) => still[i] !== undefined && existing[i] === undefined);
      await db.sealedKeys.bulkPut(puts);
      await db.caseKeys.bulkDelete(legacy.map((row) => row.caseTag));
    }),
  );
}

/** Chunks by attachment id → by row name, a few per transaction, each document's last chunk padded. */
async function moveChunks(db: VaultDatabase, names: RowNames): Promise<void> {
  const keys = await guarded('open', () => db.chunks.toCollection().primaryKeys());
  if (keys.length === 0) return;
  const last = new Map<string, number>();
  for (const [attachmentId, index] of keys) last.set(attachmentId, Math.max(index, last.get(attachmentId) ?? 0));
  const refs = new Map<string, string>();
  for (const attachmentId of last.keys()) refs.set(attachmentId, await names.documentRef(attachmentId));
  for (let first = 0; first < keys.length; first += MOVE_CHUNKS_PER_WRITE) {
    const batch = keys.slice(first, first + MOVE_CHUNKS_PER_WRITE);
    await guarded('open', () =>
      db.transaction('rw', [db.chunks, db.parts], async () => {
        const rows = await db.chunks.bulkGet(batch);
        const moved: ChunkRow[] = [];
        for (const row of rows) {
          if (row === undefined) continue;
          const ct = row.index === last.get(row.attachmentId) ? padLastChunk(row.ct, LEGACY_CHUNK_SIZE) : row.ct;
          moved.push({ ref: refs.get(row.attachmentId)!, index: row.index, ct });
        }
        await db.parts.bulkPut(moved);
        await db.chunks.bulkDelete(batch);
      }),
    );
  }
}
