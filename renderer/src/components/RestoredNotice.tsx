import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useVaultStore } from '../stores/vault-store';

/**
 * Says that a form shows changes kept across a lock (see vault/form-drafts.ts). When the form
 * goes (saved, cancelled or left), the kept changes go with it: they come back once.
 */
export function RestoredNotice() {
  const { t } = useTranslation();
  const dismiss = useVaultStore((s) => s.dismissRestoredDraft);
  useEffect(() => dismiss, [dismiss]);
  return (
    <p className="notice" role="status">
      {t('vault.restoredDraft')}
    </p>
  );
}
