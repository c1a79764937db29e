import { fromUtf8, utf8 } from '../../../shared/crypto/bytes';
import { openRecord, sealRecord } from '../../../shared/crypto/envelope';
import type { VaultKeys } from '../../../shared/crypto/vault-keys';
import { settingsFormat, type VaultSettings } from '../../../shared/settings/vault-settings';
import type { SettingsRow } from '../../../shared/vault-format/vault-rows';
import { guarded } from './errors';
import type { VaultDatabase } from './vault-db';

/** The vault's settings: one sealed row, read raw (the caller reads it through `readSettings`). */

export async function readSettings(db: VaultDatabase, keys: VaultKeys): Promise<unknown> {
  return (await readSettingsVersioned(db, keys)).value;
}

/** The settings and the IV of their row (null when none are stored), for an import's check. */
export async function readSettingsVersioned(
  db: VaultDatabase,
  keys: VaultKeys,
): Promise<{ value: unknown; version: Uint8Array | null }> {
  const row = await guarded('read-settings', () => db.settings.get('settings'));
  if (row === undefined) return { value: null, version: null };
  const address = { vaultId: keys.vaultId, table: 'settings', caseTag: '', rowId: row.id };
  return {
    value: JSON.parse(fromUtf8(await openRecord(keys.vaultRecords, address, row))) as unknown,
    version: row.iv,
  };
}

export async function writeSettings(db: VaultDatabase, keys: VaultKeys, value: VaultSettings): Promise<void> {
  const row = await sealSettings(keys, value);
  await guarded('save-settings', () => db.settings.put(row));
}

/** The vault settings sealed as their row, stamped with their format version. */
export async function sealSettings(keys: VaultKeys, value: VaultSettings): Promise<SettingsRow> {
  const address = { vaultId: keys.vaultId, table: 'settings', caseTag: '', rowId: 'settings' };
  const sealed = await sealRecord(keys.vaultRecords, address, utf8(JSON.stringify(settingsFormat.stamp(value))));
  return { id: 'settings', caseTag: '', ...sealed };
}

/** Stores a sealed row of kept forms (see vault/form-drafts.ts), replacing any before. */
export async function putDraftsRow(db: VaultDatabase, row: SettingsRow): Promise<void> {
  await guarded('save', () => db.settings.put(row));
}

/** The row of kept forms, deleted in the same transaction: it is read once. Null when there is none. */
export async function takeDraftsRow(db: VaultDatabase, id: string): Promise<SettingsRow | null> {
  return guarded('open', () =>
    db.transaction('rw', db.settings, async () => {
      const row = await db.settings.get(id);
      if (row !== undefined) await db.settings.delete(id);
      return row ?? null;
    }),
  );
}
