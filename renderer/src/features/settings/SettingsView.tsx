import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../../platform';
import { BackupSettings, MergeBackup } from '../backup';
import { useVaultStore } from '../../stores/vault-store';
import { newPassphraseProblem, PASSPHRASE_PROBLEMS } from '../vault';
import { PassphraseField } from '../../components/PassphraseField';
import { failureText, type Failure } from '../../i18n/failure-text';
import type { TFunction } from 'i18next';
import { CheckboxField } from '../../components/form-fields';

/** Vault settings: auto-lock, storage persistence, passphrase change. */
export function SettingsView() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="settings-title" className="settings-view">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <AutoLockSetting />
      <BackupSettings />
      <MergeBackup />
      <StorageStatus />
      <NotificationSetting />
      <ChangePassphrase />
      <NewRecoveryKey />
      <RememberOnDevice />
    </section>
  );
}

function AutoLockSetting() {
  const { t } = useTranslation();
  const settings = useVaultStore((s) => s.settings);
  const saveSettings = useVaultStore((s) => s.saveSettings);
  const [minutes, setMinutes] = useState(String(settings.autoLockMinutes));
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (!Number.isInteger(value) || value < 1 || value > 240) {
      setMessage(t('settings.autoLock.invalid'));
      return;
    }
    await saveSettings({ ...settings, autoLockMinutes: value });
    setMessage(t('settings.saved'));
  };

  return (
    <form className="settings-group" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('settings.autoLock.heading')}</h2>
      <div className="field inline">
        <label htmlFor={id}>{t('settings.autoLock.label')}</label>
        <input
          id={id}
          type="number"
          min={1}
          max={240}
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
          aria-describedby={hintId}
        />
        <button type="submit">{t('settings.save')}</button>
      </div>
      <p id={hintId} className="muted" role="status">
        {message ?? t('settings.autoLock.hint')}
      </p>
    </form>
  );
}

function StorageStatus() {
  const { t } = useTranslation();
  const persisted = useVaultStore((s) => s.persisted);
  const key = persisted === null ? 'unknown' : persisted ? 'granted' : 'denied';
  return (
    <div className="settings-group">
      <h2>{t('settings.storage.heading')}</h2>
      <p data-testid="storage-persistence">{t(`settings.storage.${key}`)}</p>
    </div>
  );
}

function ChangePassphrase() {
  const { t } = useTranslation();
  const changePassphrase = useVaultStore((s) => s.changePassphrase);
  const rekey = useVaultStore((s) => s.rekey);
  const busy = useVaultStore((s) => s.busy);
  const storeError = useVaultStore((s) => s.error);
  const [compromised, setCompromised] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const messageId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = await newPassphraseProblem(next, confirmation);
    if (found !== null) {
      setMessage(t(PASSPHRASE_PROBLEMS[found.reason]));
      return;
    }
    setMessage(null);
    // Re-keying ends on the new recovery key's screen; a plain change, here.
    if (await (compromised ? rekey(current, next) : changePassphrase(current, next))) {
      setCurrent('');
      setNext('');
      setConfirmation('');
      setCompromised(false);
      setMessage(t('settings.passphrase.changed'));
    }
  };

  const failure = storeError === null ? null : currentPassphraseFailure(t, storeError);
  return (
    <form className="settings-group" onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('settings.passphrase.heading')}</h2>
      <p className="muted">{t('settings.passphrase.hint')}</p>
      {(
        [
          ['settings.passphrase.current', current, setCurrent, 'current-password'],
          ['settings.passphrase.new', next, setNext, 'new-password'],
          ['settings.passphrase.confirm', confirmation, setConfirmation, 'new-password'],
        ] as const
      ).map(([label, value, onChange, autoComplete]) => (
        <PassphraseField
          key={label}
          label={t(label)}
          value={value}
          onChange={onChange}
          autoComplete={autoComplete}
          describedBy={messageId}
        />
      ))}
      <CheckboxField
        label={t('settings.passphrase.compromised')}
        hint={t('settings.passphrase.compromisedHint')}
        checked={compromised}
        onChange={setCompromised}
      />
      <p id={messageId} role="status" className={message === t('settings.passphrase.changed') ? 'success' : 'error'}>
        {message ?? failure}
      </p>
      <button type="submit" disabled={busy || current === '' || next === ''}>
        {busy ? t('settings.passphrase.working') : t('settings.passphrase.submit')}
      </button>
    </form>
  );
}

/** A failure of a form that asks for the current passphrase: a wrong one said as such. */
function currentPassphraseFailure(t: TFunction, failure: Failure): string {
  return failure.code === 'wrong-passphrase' ? t('settings.passphrase.wrongCurrent') : failureText(t, failure);
}

/** A new recovery key, for one that was lost or may have been found: the old one stops opening the vault. */
function NewRecoveryKey() {
  const { t } = useTranslation();
  const newRecoveryKey = useVaultStore((s) => s.newRecoveryKey);
  const busy = useVaultStore((s) => s.busy);
  const storeError = useVaultStore((s) => s.error);
  const [passphrase, setPassphrase] = useState('');
  const [sent, setSent] = useState(false);
  const messageId = useId();
  return (
    <form
      className="settings-group"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSent(true);
        void newRecoveryKey(passphrase).then((ok) => ok && setPassphrase(''));
      }}
    >
      <h2>{t('settings.recovery.heading')}</h2>
      <p className="muted">{t('settings.recovery.hint')}</p>
      <PassphraseField
        label={t('settings.passphrase.current')}
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="current-password"
        describedBy={messageId}
      />
      <p id={messageId} role="status" className="error">
        {sent && storeError ? currentPassphraseFailure(t, storeError) : null}
      </p>
      <button type="submit" disabled={busy || passphrase === ''}>
        {t('settings.recovery.submit')}
      </button>
    </form>
  );
}

/** Desktop only: the opt-in OS-keystore unlock, with what it does and does not protect against. */
function RememberOnDevice() {
  const { t } = useTranslation();
  const device = useVaultStore((s) => s.device);
  const rememberOnDevice = useVaultStore((s) => s.rememberOnDevice);
  const forgetOnDevice = useVaultStore((s) => s.forgetOnDevice);
  const busy = useVaultStore((s) => s.busy);
  const [passphrase, setPassphrase] = useState('');
  if (device === null) return null;
  return (
    <div className="settings-group">
      <h2>{t('settings.device.heading')}</h2>
      <p>{t('settings.device.protects')}</p>
      <p className="warning">{t('settings.device.doesNotProtect')}</p>
      {!device.available ? (
        <p role="status">
          {t('settings.device.unavailable', {
            reason: t(`settings.device.unavailableReason.${device.reason ?? 'no-keystore'}`),
          })}
        </p>
      ) : device.remembered ? (
        <>
          <p role="status">{t('settings.device.on')}</p>
          <button type="button" className="secondary" disabled={busy} onClick={() => void forgetOnDevice()}>
            {t('settings.device.forget')}
          </button>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void rememberOnDevice(passphrase).then((ok) => ok && setPassphrase(''));
          }}
        >
          <p role="status">{t('settings.device.off')}</p>
          <PassphraseField
            label={t('settings.passphrase.current')}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
          />
          <button type="submit" disabled={busy || passphrase === ''}>
            {t('settings.device.remember')}
          </button>
        </form>
      )}
    </div>
  );
}

/**
 * Reminders as system notifications: the desktop shows them; the web edition asks, on a click.
 * Whether they name the deadline and case is the user's choice, off by default, with what it exposes.
 */
function NotificationSetting() {
  const { t } = useTranslation();
  const platform = usePlatform();
  const settings = useVaultStore((s) => s.settings);
  const saveSettings = useVaultStore((s) => s.saveSettings);
  const [state, setState] = useState(platform.notificationState());
  // Shown at once; the store follows when the sealed settings are written.
  const [details, setDetails] = useState(settings.reminderDetails);
  const chooseDetails = (checked: boolean) => {
    setDetails(checked);
    void saveSettings({ ...settings, reminderDetails: checked });
  };
  return (
    <div className="settings-group">
      <h2>{t('settings.notifications.heading')}</h2>
      <p role="status">{t(`settings.notifications.${state}`)}</p>
      {state === 'default' ? (
        <button type="button" className="secondary" onClick={() => void platform.requestNotifications().then(setState)}>
          {t('settings.notifications.enable')}
        </button>
      ) : null}
      <CheckboxField
        label={t('settings.notifications.details')}
        hint={t('settings.notifications.detailsHint')}
        checked={details}
        onChange={chooseDetails}
      />
    </div>
  );
}
