import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../../platform';
import { useVaultStore } from '../../stores/vault-store';
import { PassphraseField } from '../vault/PassphraseField';

type Prepared = NonNullable<Awaited<ReturnType<ReturnType<typeof useVaultStore.getState>['prepareRestore']>>>;

/**
 * Restores a backup file into this (empty) vault: choose the file, open it with its passphrase or
 * recovery key, see what it holds, then restore. Nothing is written before the last step, and
 * that step is one transaction.
 */
export function RestoreBackup() {
  const { t } = useTranslation();
  const platform = usePlatform();
  const prepareRestore = useVaultStore((s) => s.prepareRestore);
  const busy = useVaultStore((s) => s.busy);
  const error = useVaultStore((s) => s.error);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [prepared, setPrepared] = useState<Prepared | null>(null);

  const check = async () => {
    if (file === null) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    setPrepared(await prepareRestore(bytes, mode === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret }));
  };

  return (
    <section className="restore" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('backup.restoreHeading')}</h2>
      <p className="muted">{t('backup.restoreExplain')}</p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          void platform.pickFiles({ accept: '.qorgau,application/octet-stream' }).then((files) => {
            setFile(files[0] ?? null);
            setPrepared(null);
          });
        }}
      >
        {t('backup.chooseFile')}
      </button>
      {file ? <p role="status">{t('backup.chosen', { name: file.name })}</p> : null}
      {file && prepared === null ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void check();
          }}
        >
          <PassphraseField
            label={mode === 'passphrase' ? t('backup.passphrase') : t('vault.unlock.recoveryKey')}
            value={secret}
            onChange={setSecret}
            autoComplete="current-password"
          />
          <div className="actions">
            <button type="submit" disabled={busy || secret === ''}>
              {t('backup.check')}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => setMode(mode === 'passphrase' ? 'recovery' : 'passphrase')}
            >
              {mode === 'passphrase' ? t('vault.unlock.useRecoveryKey') : t('vault.unlock.usePassphrase')}
            </button>
          </div>
          {error ? (
            <p className="error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
      {prepared ? (
        <div className="restore-summary">
          <p role="status">{t('backup.summary', prepared.summary)}</p>
          <button type="button" disabled={busy} onClick={() => void prepared.commit()}>
            {t('backup.restore')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
