import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVaultStore } from '../../stores/vault-store';
import { RestoreBackup } from '../backup';
import { PassphraseField } from '../../components/PassphraseField';
import {
  estimateStrength,
  newPassphraseProblem,
  PASSPHRASE_PROBLEMS,
  suggestPassphrase,
  type Strength,
} from './passphrase-strength';
import { failureText } from '../../i18n/failure-text';

/** First run: choose the passphrase that protects every case on this device. */
export function CreateVaultView() {
  const { t, i18n } = useTranslation();
  const create = useVaultStore((s) => s.create);
  const busy = useVaultStore((s) => s.busy);
  const error = useVaultStore((s) => s.error);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [estimate, setEstimate] = useState<{ readonly of: string; readonly strength: Strength } | null>(null);
  const strength = passphrase !== '' && estimate?.of === passphrase ? estimate.strength : null;
  const [problem, setProblem] = useState<string | null>(null);
  const [suggested, setSuggested] = useState<string | null>(null);
  const suggest = async () => {
    const language = i18n.language === 'ru' || i18n.language === 'kk' ? i18n.language : 'en';
    const words = await suggestPassphrase(language);
    setSuggested(words);
    setPassphrase(words);
    setConfirmation(words);
    setProblem(null);
  };
  // The store's error belongs to this form only after this form was sent (not to a restore).
  const [submitted, setSubmitted] = useState(false);
  const strengthId = useId();
  const problemId = useId();

  useEffect(() => {
    if (passphrase === '') return;
    let current = true;
    estimateStrength(passphrase)
      .then((result) => current && setEstimate({ of: passphrase, strength: result }))
      .catch(() => current && setEstimate(null));
    return () => {
      current = false;
    };
  }, [passphrase]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = await newPassphraseProblem(passphrase, confirmation);
    if (found?.reason === 'too-weak') {
      const reason = i18n.language === 'en' && found.warning ? ` ${found.warning}` : '';
      setProblem(`${t('vault.create.tooWeak')}${reason}`);
    } else if (found !== null) {
      setProblem(t(PASSPHRASE_PROBLEMS[found.reason]));
    } else {
      setProblem(null);
      setSubmitted(true);
      await create(passphrase);
    }
  };

  return (
    <section className="vault-card" aria-labelledby="create-title">
      <h1 id="create-title">{t('vault.create.title')}</h1>
      <p>{t('vault.create.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <PassphraseField
          label={t('vault.create.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="new-password"
          describedBy={`${strengthId} ${problemId}`}
          autoFocus
          invalid={problem !== null}
        />
        <div id={strengthId} className="strength" aria-live="polite">
          {strength ? (
            <>
              <meter
                min={0}
                max={4}
                low={2}
                high={3}
                optimum={4}
                value={strength.score}
                aria-label={t('vault.create.strength')}
              />
              <span>{t(`vault.create.score.${strength.score}`)}</span>
              {i18n.language === 'en' && strength.suggestions.length > 0 ? (
                <span className="muted"> {strength.suggestions.join(' ')}</span>
              ) : null}
            </>
          ) : (
            <span className="muted">{t('vault.create.hint')}</span>
          )}
        </div>
        <div className="suggest">
          <button type="button" className="secondary" onClick={() => void suggest()}>
            {t('vault.create.suggest')}
          </button>
          {suggested !== null && suggested === passphrase ? (
            <p role="status" className="suggested-passphrase">
              {t('vault.create.suggested', { passphrase: suggested })}
            </p>
          ) : null}
        </div>
        <PassphraseField
          label={t('vault.create.confirm')}
          value={confirmation}
          onChange={setConfirmation}
          autoComplete="new-password"
          describedBy={problemId}
        />
        <p id={problemId} role="alert" className="error">
          {problem ?? (submitted && error ? failureText(t, error) : null)}
        </p>
        <button type="submit" disabled={busy || passphrase === ''}>
          {busy ? t('vault.create.working') : t('vault.create.submit')}
        </button>
      </form>
      <RestoreBackup />
    </section>
  );
}
