import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DATE_INPUT_PATTERN,
  dateInputText,
  formatCivilDate,
  formatNumber,
  parseDateInput,
  parseTimeInput,
  TIME_INPUT_PATTERN,
  uiLanguageOf,
} from '../../../shared/app/date-format';

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

/**
 * How long a text may be (the schema's maximum). The field says so as the text nears it, and a
 * longer text is refused at save with the limit named: nothing is ever cut off silently.
 */
type Limited = { readonly limit?: number | undefined; readonly value: string };

function FieldFrame(props: FieldProps & Partial<Limited> & { readonly id: string; readonly children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguageOf(i18n.language);
  const message = useValidationMessage();
  const length = props.value?.length ?? 0;
  const over = props.limit !== undefined && length > props.limit;
  const near = props.limit !== undefined && length >= props.limit * 0.8;
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? (
        <p id={`${props.id}-hint`} className="field-hint">
          {props.hint}
        </p>
      ) : null}
      {props.children}
      {near && props.limit !== undefined ? (
        <p id={`${props.id}-count`} className={over ? 'field-count over' : 'field-count'}>
          {t('validation.count', {
            length: formatNumber(length, language),
            max: formatNumber(props.limit, language),
          })}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${props.id}-error`} className="error" role="alert">
          {message(props.error)}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The message of a validation error (see shared/domain/validation.ts), in the interface's
 * language: a limit is named ("at most 500 characters"), a date asks for the language's pattern.
 */
export function useValidationMessage(): (error: string) => string {
  const { t, i18n } = useTranslation();
  const language = uiLanguageOf(i18n.language);
  return (error) => {
    const [key = 'invalid', max] = error.split(':');
    return t(`validation.${key}` as 'validation.invalid', {
      max: formatNumber(Number(max ?? 0), language),
      pattern: DATE_INPUT_PATTERN[language],
    });
  };
}

function describedBy(id: string, props: FieldProps & Partial<Limited>): string | undefined {
  const near = props.limit !== undefined && (props.value?.length ?? 0) >= props.limit * 0.8;
  const ids = [props.hint ? `${id}-hint` : '', near ? `${id}-count` : '', props.error ? `${id}-error` : ''].filter(
    Boolean,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function TextField(
  props: FieldProps &
    Limited & {
      readonly onChange: (value: string) => void;
      readonly type?: 'text' | 'url' | 'search';
      readonly placeholder?: string;
      readonly autoFocus?: boolean;
      /** Called when focus leaves the field (a link is completed there). */
      readonly onBlur?: () => void;
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
        onBlur={props.onBlur}
        onKeyDown={keepEnterFromSubmitting}
        placeholder={props.placeholder}
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
  props: FieldProps &
    Limited & { readonly onChange: (value: string) => void; readonly rows?: number; readonly onBlur?: () => void },
) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <textarea
        id={id}
        value={props.value}
        rows={props.rows ?? 3}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
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

/**
 * Enter in a one-line field of a long form moves on instead of saving the whole form half done
 * (a form saves with its Save button, or Ctrl+Enter from any field).
 */
function keepEnterFromSubmitting(event: KeyboardEvent<HTMLInputElement>) {
  const { form, type } = event.currentTarget;
  // A one-row form (a deadline) saves with Enter as any short form does.
  if (event.key !== 'Enter' || type === 'search' || form?.dataset.enterSubmits === 'true') return;
  event.preventDefault();
  if (event.ctrlKey || event.metaKey) form?.requestSubmit();
}

/**
 * A day, typed day-month-year in the interface's language ("14.07.2026"; an ISO date pasted is
 * taken too). The form receives the civil date, or the text as typed when it is not a day of the
 * calendar, which validation refuses at the field; leaving the field says so at once. Under it,
 * the day in words with its weekday, so a swapped day and month shows before it is saved.
 */
export function DateField(
  props: FieldProps & {
    readonly value: string;
    readonly onChange: (value: string) => void;
    readonly autoFocus?: boolean;
  },
) {
  const { i18n } = useTranslation();
  const language = uiLanguageOf(i18n.language);
  const id = useId();
  const [text, setText] = useState(() => dateInputText(props.value, language));
  const [left, setLeft] = useState(false);
  // What this field last told the form: a different value was set from outside (a restored
  // form), and is shown as this language writes dates.
  const [emitted, setEmitted] = useState(props.value);
  if (props.value !== emitted) {
    setEmitted(props.value);
    setText(dateInputText(props.value, language));
  }
  const parsed = parseDateInput(text);
  const error = props.error ?? (left && parsed === null ? 'invalid-date' : undefined);
  const echo = parsed ? formatCivilDate(parsed, language, { weekday: true }) : DATE_INPUT_PATTERN[language];
  const frame = { ...props, error, hint: props.hint ? `${props.hint} ${echo}` : echo };
  return (
    <FieldFrame {...frame} id={id} className={`date-field ${props.className ?? ''}`}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={text}
        placeholder={DATE_INPUT_PATTERN[language]}
        autoFocus={props.autoFocus}
        onChange={(event) => {
          const typed = event.target.value;
          const date = parseDateInput(typed);
          setText(typed);
          setLeft(false);
          setEmitted(date ?? typed);
          props.onChange(date ?? typed);
        }}
        onBlur={() => {
          setLeft(true);
          if (parsed) setText(dateInputText(parsed, language));
        }}
        onKeyDown={keepEnterFromSubmitting}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, frame)}
      />
    </FieldFrame>
  );
}

/** A time of day, 24-hour ("16:00"; "1600" and "16.00" are taken), or empty. */
export function TimeField(props: FieldProps & { readonly value: string; readonly onChange: (value: string) => void }) {
  const id = useId();
  const [text, setText] = useState(props.value);
  const [left, setLeft] = useState(false);
  const [emitted, setEmitted] = useState(props.value);
  if (props.value !== emitted) {
    setEmitted(props.value);
    setText(props.value);
  }
  const parsed = parseTimeInput(text);
  const error = props.error ?? (left && parsed === null ? 'invalid-time' : undefined);
  const { i18n } = useTranslation();
  const pattern = TIME_INPUT_PATTERN[uiLanguageOf(i18n.language)];
  const frame = { ...props, error, hint: props.hint ?? pattern };
  return (
    <FieldFrame {...frame} id={id} className={`time-field ${props.className ?? ''}`}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={text}
        placeholder={pattern}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          setLeft(false);
          const time = parseTimeInput(typed) ?? typed;
          setEmitted(time);
          props.onChange(time);
        }}
        onBlur={() => {
          setLeft(true);
          if (parsed) setText(parsed);
        }}
        onKeyDown={keepEnterFromSubmitting}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, frame)}
      />
    </FieldFrame>
  );
}
