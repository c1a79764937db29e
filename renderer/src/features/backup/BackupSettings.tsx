import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { concatBytes } from '../../../../shared/crypto/bytes';
import { todayCivil } from '../../../../shared/domain/civil-date';
import { usePlatform } from '../../platform';
import { useVaultStore } from '../../stores/vault-store';

/** A backup is due when none was made, or the last is older than this. */
const BACKUP_REMINDER_DAYS = 7;

export function backupIsDue(lastBackupAt: string | null, now: Date = new Date()): boolean {
  return (
    lastBackupAt === null || now.getTime() - new Date(lastBackupAt).getTime() > BACKUP_REMINDER_DAYS * 24 * 3600 * 1000
  );
}

/** Makes a backup file of the whole vault and says when the last one was made. */
export function BackupSettings() {
  const { t, i18n } = useTranslation();
  const platform = usePlatform();
  const createBackup = useVaultStore((s) => s.createBackup);
  const lastBackupAt = useVaultStore((s) => s.settings.lastBackupAt);
  const busy = useVaultStore((s) => s.busy);
  const [message, setMessage] = useState<string | null>(null);

  const backup = async () => {
    const parts = await createBackup();
    if (parts === null) return;
    const bytes = concatBytes(...parts);
    const result = await platform.saveFile({
      suggestedName: `qorgau-backup-${todayCivil()}.qorgau`,
      bytes,
      mimeType: 'application/octet-stream',
      filters: [{ name: 'Qorgau backup', extensions: ['qorgau'] }],
    });
    setMessage(result.status === 'cancelled' ? null : t('backup.done'));
  };

  return (
    <div className="settings-group">
      <h2>{t('backup.heading')}</h2>
      <p role="status">
        {lastBackupAt
          ? t('backup.last', {
              when: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(
                new Date(lastBackupAt),
              ),
            })
          : t('backup.never')}
      </p>
      <p className="muted">{t('backup.explain')}</p>
      <button type="button" disabled={busy} onClick={() => void backup()}>
        {t('backup.create')}
      </button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
