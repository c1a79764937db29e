import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, type CaseKind } from '../../../../shared/domain/case';
import { useVaultStore } from '../../stores/vault-store';

/** Opens a new case file: what kind of proceeding, a title, a public summary, privileged notes. */
export function NewCaseForm({ onDone }: { readonly onDone: () => void }) {
  const { t } = useTranslation();
  const addCase = useVaultStore((s) => s.addCase);
  const busy = useVaultStore((s) => s.busy);
  const [kind, setKind] = useState<CaseKind>('civil-lawsuit');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [privilegedNotes, setPrivilegedNotes] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const ids = {
    kind: useId(),
    title: useId(),
    titleError: useId(),
    summary: useId(),
    notes: useId(),
    notesHint: useId(),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setTitleError(t('cases.form.titleRequired'));
      return;
    }
    setTitleError(null);
    if (await addCase({ kind, title: title.trim(), summary, privilegedNotes })) onDone();
  };

  return (
    <form
      className="case-form"
      autoComplete="off"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="new-case-title"
    >
      <h2 id="new-case-title">{t('cases.form.heading')}</h2>
      <div className="field">
        <label htmlFor={ids.kind}>{t('cases.form.kind')}</label>
        <select id={ids.kind} value={kind} onChange={(event) => setKind(event.target.value as CaseKind)}>
          {CASE_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`cases.kind.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.title}>{t('cases.form.title')}</label>
        <input
          id={ids.title}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={ids.titleError}
          maxLength={500}
          autoComplete="off"
          autoFocus
        />
        <p id={ids.titleError} className="error" role="alert">
          {titleError}
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.summary}>{t('cases.form.summary')}</label>
        <textarea
          id={ids.summary}
          autoComplete="off"
          value={summary}
          onChange={(event) => setSummary(event.target.value)}
          rows={3}
        />
      </div>
      <div className="field privileged">
        <label htmlFor={ids.notes}>{t('cases.form.privilegedNotes')}</label>
        <p id={ids.notesHint} className="privileged-hint">
          {t('cases.form.privilegedHint')}
        </p>
        <textarea
          id={ids.notes}
          autoComplete="off"
          value={privilegedNotes}
          onChange={(event) => setPrivilegedNotes(event.target.value)}
          rows={3}
          aria-describedby={ids.notesHint}
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('cases.form.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('cases.form.cancel')}
        </button>
      </div>
    </form>
  );
}
