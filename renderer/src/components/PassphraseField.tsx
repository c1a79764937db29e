import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A passphrase input with a visible label, an optional hint and a show/hide toggle. */
export function PassphraseField(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoComplete: 'new-password' | 'current-password' | 'one-time-code';
  readonly describedBy?: string;
  readonly autoFocus?: boolean;
  readonly invalid?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [visible, setVisible] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="passphrase-row">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          autoComplete={props.autoComplete}
          autoFocus={props.autoFocus}
          spellCheck={false}
          autoCapitalize="off"
          aria-describedby={props.describedBy}
          aria-invalid={props.invalid ? true : undefined}
        />
        <button
          type="button"
          className="secondary"
          aria-pressed={visible}
          aria-label={t(visible ? 'vault.hidePassphrase' : 'vault.showPassphrase', { field: props.label })}
          onClick={() => setVisible(!visible)}
        >
          {t(visible ? 'vault.hide' : 'vault.show')}
        </button>
      </div>
    </div>
  );
}
