import { openVaultRows } from '../../shared/vault-format/vault-rows';
import { readBackupFrames, readBackupHeader } from '../../shared/backup/backup-format';
import { argon2idHashWasm } from '../../shared/crypto/argon2';
import type { KdfCost } from '../../shared/crypto/kdf';
import { unlockWithPassphrase, unlockWithRecoveryKey } from '../../shared/crypto/vault-keys';
import { parseQuarter } from '../../shared/domain/civil-date';
import {
  buildSectionModel,
  packSection,
  sectionDocument,
  sectionOptionsFor,
  type SectionModel,
} from '../../shared/report/legal-pressure-section';
import type { ReportCase } from '../../shared/report/quarter-selection';
import type { ReportLanguage } from '../../shared/report/locale';
import { readSettings, reportSettingsFor } from '../../shared/settings/vault-settings';

/** What opens the backup: its vault's passphrase, or the recovery key shown when the vault was made. */
export type BackupSecret = { readonly passphrase: string } | { readonly recoveryKey: string };

/**
 * The command-line export: a backup file and its passphrase (or recovery key) in, the quarter's
 * "Legal Pressure" section out, built by the same shared code (and with the same per-quarter
 * title, introduction, order and statistics choice) as the app, so the document is the same.
 */
export async function exportFromBackup(options: {
  readonly backup: Uint8Array;
  readonly secret: BackupSecret;
  readonly quarter: string;
  readonly language: ReportLanguage;
  /** A development with no text in the language: left out (default), or marked for translation. */
  readonly untranslated?: 'leave-out' | 'mark';
  readonly kdfFloor?: KdfCost;
}): Promise<{ readonly docx: Uint8Array; readonly model: SectionModel; readonly cases: readonly ReportCase[] }> {
  const quarter = parseQuarter(options.quarter);
  if (quarter === null) throw new Error(`--quarter must look like 2026-Q2, got "${options.quarter}".`);
  const { header } = readBackupHeader(options.backup);
  const { secret } = options;
  const keys =
    'recoveryKey' in secret
      ? await unlockWithRecoveryKey(header.vault, secret.recoveryKey)
      : await unlockWithPassphrase(
          header.vault,
          secret.passphrase,
          argon2idHashWasm,
          options.kdfFloor ? { kdfFloor: options.kdfFloor } : {},
        );
  const frames = await readBackupFrames(options.backup, keys.backup);
  const { cases, settings } = await openVaultRows(frames, keys);
  const saved = reportSettingsFor(readSettings(settings), options.quarter);
  const model = buildSectionModel(cases, sectionOptionsFor(saved, quarter, options.language, options.untranslated));
  return { docx: await packSection(sectionDocument(model), model), model, cases };
}
