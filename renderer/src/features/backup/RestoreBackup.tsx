import { useTranslation } from 'react-i18next';
import { useVaultStore } from '../../stores/vault-store';
import { ImportFlow } from './ImportFlow';
import { restoreSummaryText } from '../../i18n/summaries';

/**
 * Restores a backup file into this (empty) vault: choose the file, open it with its passphrase or
 * recovery key, see what it holds, then restore. Nothing is written before the last step, and
 * that step is one transaction.
 */
export function RestoreBackup() {
  const { t } = useTranslation();
  const prepareRestore = useVaultStore((s) => s.prepareRestore);
  return (
    <ImportFlow
      kind="backup"
      className="restore"
      heading={t('backup.restoreHeading')}
      explain={t('backup.restoreExplain')}
      chooseLabel={t('backup.chooseFile')}
      accept=".qorgau,application/octet-stream"
      checkLabel={t('backup.check')}
      applyLabel={t('backup.restore')}
      doneLabel=""
      prepare={(bytes, secret) => prepareRestore(bytes, 'code' in secret ? { passphrase: secret.code } : secret)}
      describe={(summary) => <p role="status">{restoreSummaryText(t, summary)}</p>}
      changesSomething={() => true}
    />
  );
}
