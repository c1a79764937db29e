import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVaultStore } from '../../stores/vault-store';

/**
 * Shown when the vault on this device is not the one this device had: its storage was replaced
 * with another's (copied from another laptop, or planted). Nothing is opened or written until the
 * user says they know why.
 */
export function VaultReplacedView() {
  const { t } = useTranslation();
  const accept = useVaultStore((s) => s.acceptReplacedVault);
  const [understood, setUnderstood] = useState(false);
  const checkId = useId();
  return (
    <section className="vault-card" aria-labelledby="replaced-title">
      <h1 id="replaced-title">{t('vault.replaced.title')}</h1>
      <p role="alert">{t('vault.replaced.body')}</p>
      <div className="danger-zone">
        <div className="checkbox">
          <input id={checkId} type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
          <label htmlFor={checkId}>{t('vault.replaced.understood')}</label>
        </div>
        <button type="button" className="secondary" disabled={!understood} onClick={() => void accept()}>
          {t('vault.replaced.accept')}
        </button>
      </div>
    </section>
  );
}
