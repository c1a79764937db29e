import { useState } from 'react';
import { formatMoment, uiLanguageOf } from '../../../../shared/app/date-format';
import { useTranslation } from 'react-i18next';
import { concatBytes } from '../../../../shared/crypto/bytes';
import { todayCivil } from '../../../../shared/domain/civil-date';
import { usePlatform } from '../../platform';
import { useVaultStore } from '../../stores/vault-store';
import { SavedNotice } from '../../components/SavedNotice';
import type { SaveFileResult } from '../../platform';

/** A backup is due when none was made, or the last is older than this. */
const BACKUP_REMINDER_DAYS = 7;

export function backupIsDue(lastBackupAt: string | null, firstUseAt: string | null, now: Date = new Date()): boolean {
  const olderThanReminder = (at: string) =>
    now.getTime() - new Date(at).getTime() > BACKUP_REMINDER_DAYS * 24 * 3600 * 1000;
  // Never backed up: due once the vault has held a case for the reminder's span (not minutes after it was made).
  if (lastBackupAt === null) return firstUseAt !== null && olderThanReminder(firstUseAt);
  return olderThanReminder(lastBackupAt);
}

/** Makes a backup file of the whole vault and saves it where the person says; what was saved. */
export function useBackupNow(): { readonly backup: () => Promise<void>; readonly saved: SaveFileResult | null } {
  const platform = usePlatform();
  const createBackup = useVaultStore((s) => s.createBackup);
  const [saved, setSaved] = useState<SaveFileResult | null>(null);
  const backup = async () => {
    const parts = await createBackup();
    if (parts === null) return;
    setSaved(
      await platform.saveFile({
        suggestedName: `qorgau-backup-${todayCivil()}.qorgau`,
        bytes: concatBytes(...parts),
        mimeType: 'application/octet-stream',
        filters: [{ name: 'Qorgau backup', extensions: ['qorgau'] }],
      }),
    );
  };
  return { backup, saved };
}

/** Makes a backup file of the whole vault and says when the last one was made. */
export function BackupSettings() {
  const { t, i18n } = useTranslation();
  const lastBackupAt = useVaultStore((s) => s.settings.lastBackupAt);
  const busy = useVaultStore((s) => s.busy);
  const { backup, saved } = useBackupNow();

  return (
    <div className="settings-group">
      <h2>{t('backup.heading')}</h2>
      <p role="status">
        {lastBackupAt
          ? t('backup.last', {
              when: formatMoment(lastBackupAt, uiLanguageOf(i18n.language)),
            })
          : t('backup.never')}
      </p>
      <p className="muted">{t('backup.explain')}</p>
      <button type="button" disabled={busy} onClick={() => void backup()}>
        {t('backup.create')}
      </button>
      <SavedNotice result={saved} />
    </div>
  );
}
