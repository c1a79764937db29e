import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVaultStore } from '../../stores/vault-store';
import { PassphraseField } from '../../components/PassphraseField';
import { failureText } from '../../i18n/failure-text';

/** The unlock screen: the passphrase, or the recovery key when the passphrase is lost. */
export function UnlockView() {
  const { t } = useTranslation();
  const unlock = useVaultStore((s) => s.unlock);
  const unlockWithRecoveryKey = useVaultStore((s) => s.unlockWithRecoveryKey);
  const busy = useVaultStore((s) => s.busy);
  const error = useVaultStore((s) => s.error);
  const clearError = useVaultStore((s) => s.clearError);
  const device = useVaultStore((s) => s.device);
  const unlockOnDevice = useVaultStore((s) => s.unlockOnDevice);
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await (mode === 'passphrase' ? unlock(secret) : unlockWithRecoveryKey(secret));
    setSecret('');
  };

  const message =
    error === null
      ? null
      : error.code === 'wrong-passphrase' && error.params.reason === undefined
        ? t('vault.unlock.wrongPassphrase')
        : error.code === 'wrong-recovery-key'
          ? t('vault.unlock.wrongRecoveryKey')
          : failureText(t, error);

  return (
    <section className="vault-card" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('vault.unlock.title')}</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <PassphraseField
          label={mode === 'passphrase' ? t('vault.unlock.passphrase') : t('vault.unlock.recoveryKey')}
          value={secret}
          onChange={setSecret}
          autoComplete="current-password"
          describedBy="unlock-error"
          autoFocus
          invalid={message !== null}
        />
        <p id="unlock-error" role="alert" className="error">
          {message}
        </p>
        <div className="actions">
          <button type="submit" disabled={busy || secret === ''}>
            {busy ? t('vault.unlock.working') : t('vault.unlock.submit')}
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setMode(mode === 'passphrase' ? 'recovery' : 'passphrase');
              setSecret('');
              clearError();
            }}
          >
            {mode === 'passphrase' ? t('vault.unlock.useRecoveryKey') : t('vault.unlock.usePassphrase')}
          </button>
        </div>
      </form>
      {device?.remembered ? (
        <div className="device-unlock">
          <button type="button" className="secondary" disabled={busy} onClick={() => void unlockOnDevice()}>
            {t('vault.unlock.onDevice')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
