import { fromUtf8 } from '../crypto/bytes';
import { openRecord, type Sealed } from '../crypto/envelope';
import { IntegrityError } from '../crypto/errors';
import { openCaseKeys, type VaultKeys } from '../crypto/vault-keys';
import { caseRecordSchema } from '../domain/case';
import { entryRecordSchema } from '../domain/entry';
import type { ReportCase } from '../report/quarter-selection';
import type { BackupFrame } from './backup-format';

type Row = Sealed & { readonly id: string; readonly caseTag: string };

/**
 * Decrypts what the report needs from a verified backup: every case with its timeline, and the
 * vault settings (report titles and introductions per quarter). Runs anywhere WebCrypto does:
 * the command-line export uses it in Node.
 */
export async function openBackupContents(
  frames: readonly BackupFrame[],
  keys: VaultKeys,
): Promise<{ cases: ReportCase[]; settings: unknown }> {
  const rows = (table: string) => frames.filter((f) => f.table === table).flatMap((f) => f.rows as Row[]);
  const cases: ReportCase[] = [];
  const entriesByTag = new Map<string, Row[]>();
  for (const row of rows('entries')) entriesByTag.set(row.caseTag, [...(entriesByTag.get(row.caseTag) ?? []), row]);
  const caseRows = new Map(rows('cases').map((row) => [row.caseTag, row]));
  for (const keyRow of rows('caseKeys') as unknown as Array<Sealed & { caseTag: string }>) {
    const caseKeys = await openCaseKeys(keys, keyRow.caseTag, keyRow);
    const caseRow = caseRows.get(keyRow.caseTag);
    if (caseRow === undefined)
      throw new IntegrityError('cases', keyRow.caseTag, 'the case record is missing from the backup');
    const open = async (table: string, row: Row) =>
      JSON.parse(
        fromUtf8(
          await openRecord(
            caseKeys.records,
            { vaultId: keys.vaultId, table, caseTag: keyRow.caseTag, rowId: row.id },
            row,
          ),
        ),
      ) as unknown;
    const record = caseRecordSchema.parse(await open('cases', caseRow));
    const entries = [];
    for (const row of entriesByTag.get(keyRow.caseTag) ?? [])
      entries.push({ id: row.id, record: entryRecordSchema.parse(await open('entries', row)) });
    cases.push({ caseTag: keyRow.caseTag, record, entries });
  }
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
  return { cases, settings };
}
