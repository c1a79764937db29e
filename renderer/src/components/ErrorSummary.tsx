import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { validate, type FieldErrors } from '../../../shared/domain/validation';

type InvalidField = { readonly id: string; readonly label: string };

/**
 * What a long form does when a save fails: focus (and scroll to) the first field in error, and
 * list every field in error at the top as links that take the focus there. Fields in error are
 * the controls marked aria-invalid (see form-fields.tsx), in the order the form shows them.
 */
export function useErrorSummary() {
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [invalid, setInvalid] = useState<readonly InvalidField[]>([]);
  useEffect(() => {
    const form = formRef.current;
    if (attempt === 0 || form === null) return;
    const controls = [...form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')];
    setInvalid(controls.map((control) => ({ id: control.id, label: labelOf(form, control) })));
    const first = controls[0];
    if (first) {
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
    }
  }, [attempt]);
  return {
    formRef,
    /** Call when a save was refused: the summary is rebuilt and the focus moves. */
    failed: () => setAttempt((count) => count + 1),
    /** Call when the form saved (or its errors are gone). */
    cleared: () => setInvalid([]),
    invalid,
  };
}

/**
 * A form checked as a whole against its schema: nothing is checked until the first save; from
 * a refused save on, every change is checked again, so a message goes as soon as its field is
 * right (and a new one shows at once). `check` returns what to save, or null after moving the
 * focus to the first field in error.
 */
export function useFormCheck<T>(schema: z.ZodType<T>, candidate: () => unknown) {
  const summary = useErrorSummary();
  const [attempted, setAttempted] = useState(false);
  const checked = attempted ? validate(schema, candidate()) : null;
  const errors: FieldErrors = checked && !checked.ok ? checked.errors : {};
  return {
    errors,
    formRef: summary.formRef,
    /** The summary's fields while any is still in error. */
    invalid: Object.keys(errors).length > 0 ? summary.invalid : [],
    check: (value: unknown): T | null => {
      setAttempted(true);
      const result = validate(schema, value);
      if (result.ok) {
        summary.cleared();
        return result.value;
      }
      summary.failed();
      return null;
    },
  };
}

/** "Target 2 — Name": the field's label, after the legend of the repeated group it is in. */
function labelOf(form: HTMLFormElement, control: HTMLElement): string {
  const label = form.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent?.trim() ?? control.id;
  const group = control.closest('fieldset.repeat')?.querySelector('legend')?.textContent?.trim();
  return group ? `${group} — ${label}` : label;
}

export function ErrorSummary(props: { readonly invalid: readonly InvalidField[]; readonly title: string }) {
  const { t } = useTranslation();
  if (props.invalid.length === 0) return null;
  return (
    <div className="error-summary" role="alert">
      <p>{props.title}</p>
      <ul aria-label={t('forms.fieldsInError')}>
        {props.invalid.map((field) => (
          <li key={field.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                const control = document.getElementById(field.id);
                control?.scrollIntoView({ block: 'center' });
                control?.focus({ preventScroll: true });
              }}
            >
              {field.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
