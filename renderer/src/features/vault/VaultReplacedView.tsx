import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/form-fields';
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
  return (
    <section className="vault-card" aria-labelledby="replaced-title">
      <h1 id="replaced-title">{t('vault.replaced.title')}</h1>
      <p role="alert">{t('vault.replaced.body')}</p>
      <div className="danger-zone">
        <CheckboxField label={t('vault.replaced.understood')} checked={understood} onChange={setUnderstood} />
        <button type="button" className="secondary" disabled={!understood} onClick={() => void accept()}>
          {t('vault.replaced.accept')}
        </button>
      </div>
    </section>
  );
}
