import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVaultStore } from '../../stores/vault-store';
import { RestoreBackup } from '../backup';

/**
 * Shown when this device had a vault and its storage is now empty (wiped or reset under the app).
 * Never an empty vault as if nothing happened: the way forward is a backup; starting over is
 * possible only after saying, explicitly, that the lost cases are gone.
 */
export function VaultMissingView() {
  const { t } = useTranslation();
  const forgetLostVault = useVaultStore((s) => s.forgetLostVault);
  const [understood, setUnderstood] = useState(false);
  const checkId = useId();
  return (
    <section className="vault-card" aria-labelledby="missing-title">
      <h1 id="missing-title">{t('vault.missing.title')}</h1>
      <p role="alert">{t('vault.missing.body')}</p>
      <p>{t('vault.missing.restore')}</p>
      <RestoreBackup />
      <div className="danger-zone">
        <div className="checkbox">
          <input id={checkId} type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
          <label htmlFor={checkId}>{t('vault.missing.understood')}</label>
        </div>
        <button type="button" className="secondary" disabled={!understood} onClick={forgetLostVault}>
          {t('vault.missing.startOver')}
        </button>
      </div>
    </section>
  );
}
