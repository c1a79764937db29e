import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Labelled form controls with their validation message at the field: the label names the
 * control, the message is tied to it with aria-describedby, and aria-invalid marks it.
 * Every case-data control sets autoComplete="off": Chromium's autofill would otherwise copy what
 * is typed into its own unencrypted database.
 */
type FieldProps = {
  readonly label: string;
  /** An i18n key under `validation.*`, or undefined when the value is fine. */
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly className?: string;
};

function FieldFrame(props: FieldProps & { readonly id: string; readonly children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? (
        <p id={`${props.id}-hint`} className="field-hint">
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {props.error ? (
        <p id={`${props.id}-error`} className="error" role="alert">
          {t(`validation.${props.error}` as 'validation.invalid')}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, props: FieldProps): string | undefined {
  const ids = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function TextField(
  props: FieldProps & {
    readonly value: string;
    readonly onChange: (value: string) => void;
    readonly type?: 'text' | 'date' | 'time' | 'url' | 'number' | 'search';
    readonly placeholder?: string;
    readonly maxLength?: number;
    readonly autoFocus?: boolean;
    readonly inputMode?: 'numeric' | 'text';
    /** The id of a <datalist> of suggestions. */
    readonly list?: string;
  },
) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        autoFocus={props.autoFocus}
        inputMode={props.inputMode}
        list={props.list}
        autoComplete="off"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
      />
    </FieldFrame>
  );
}

export function TextAreaField(
  props: FieldProps & { readonly value: string; readonly onChange: (value: string) => void; readonly rows?: number },
) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <textarea
        id={id}
        value={props.value}
        rows={props.rows ?? 3}
        onChange={(event) => props.onChange(event.target.value)}
        autoComplete="off"
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
      />
    </FieldFrame>
  );
}

export function SelectField<T extends string>(
  props: FieldProps & {
    readonly value: T;
    readonly onChange: (value: T) => void;
    readonly options: ReadonlyArray<{ readonly value: T; readonly label: string }>;
  },
) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as T)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField(props: {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** What ticking it means, read out with the box. */
  readonly hint?: string;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <>
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          aria-describedby={props.hint === undefined ? undefined : hintId}
          onChange={(event) => props.onChange(event.target.checked)}
        />
        <label htmlFor={id}>{props.label}</label>
      </div>
      {props.hint === undefined ? null : (
        <p id={hintId} className="muted">
          {props.hint}
        </p>
      )}
    </>
  );
}

/** A list typed one item per line (sources, case numbers, names): the lines, trimmed, blank ones dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
