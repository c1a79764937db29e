import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVaultStore } from '../../stores/vault-store';

/** Shows the recovery key once, with what it protects and how it can betray. */
export function RecoveryKeyView({ recoveryKey }: { readonly recoveryKey: string }) {
  const { t } = useTranslation();
  const acknowledge = useVaultStore((s) => s.acknowledgeRecoveryKey);
  const [stored, setStored] = useState(false);
  const checkId = useId();
  return (
    <section className="vault-card" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('vault.recovery.title')}</h1>
      <p>{t('vault.recovery.intro')}</p>
      <p className="recovery-key" aria-label={t('vault.recovery.keyLabel')}>
        <code>{recoveryKey}</code>
      </p>
      <p className="warning" role="note">
        {t('vault.recovery.warning')}
      </p>
      <div className="checkbox">
        <input id={checkId} type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} />
        <label htmlFor={checkId}>{t('vault.recovery.stored')}</label>
      </div>
      <button type="button" disabled={!stored} onClick={acknowledge}>
        {t('vault.recovery.continue')}
      </button>
    </section>
  );
}
