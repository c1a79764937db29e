import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { randomId } from '../../../../shared/crypto/bytes';
import { todayCivil } from '../../../../shared/domain/civil-date';
import { deadlineSchema, REMINDER_OFFSETS, type Deadline } from '../../../../shared/domain/deadline';
import { maxLengthAt } from '../../../../shared/domain/validation';
import { ErrorSummary, useFormCheck } from '../../components/ErrorSummary';
import { agendaItems } from '../../../../shared/agenda/agenda';
import { DateField, TimeField, CheckboxField, SelectField, TextField } from '../../components/form-fields';
import { useVaultStore } from '../../stores/vault-store';
import { exportIcs, usePlatform, type SaveFileResult } from '../../platform';
import { SavedNotice } from '../../components/SavedNotice';
import { toSafeFileName } from '../../../../shared/security/file-name';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { formatCivilDate, uiLanguageOf } from '../../../../shared/app/date-format';

/** The case's deadlines: what is due when, with a reminder; marked done when dealt with. */
export function DeadlinesPanel({ view }: { readonly view: CaseFile }) {
  const { t, i18n } = useTranslation();
  const platform = usePlatform();
  const saveDeadline = useVaultStore((s) => s.saveDeadline);
  const deleteDeadline = useVaultStore((s) => s.deleteDeadline);
  const busy = useVaultStore((s) => s.busy);
  const blank = (): Deadline => ({
    id: randomId(),
    what: '',
    due: todayCivil(),
    time: '',
    reminder: '1-day',
    done: false,
  });
  const [draft, setDraft] = useState<Deadline>(blank);
  const [saved, setSaved] = useState<SaveFileResult | null>(null);
  const { errors, formRef, invalid, check } = useFormCheck(deadlineSchema, () => draft);
  const deadlines = [...view.record.deadlines].sort((a, b) => `${a.due} ${a.time}`.localeCompare(`${b.due} ${b.time}`));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const valid = check(draft);
    if (valid !== null && (await saveDeadline(view.caseTag, valid))) setDraft(blank());
  };

  return (
    <section aria-labelledby="deadlines-title">
      <div className="view-header">
        <h2 id="deadlines-title">{t('deadlines.title')}</h2>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            void exportIcs(
              platform,
              agendaItems([view], '0000-00-00'),
              view.record.title,
              toSafeFileName(`${view.record.title}.ics`),
            ).then(setSaved)
          }
        >
          {t('agenda.exportCase')}
        </button>
      </div>
      <SavedNotice result={saved} />
      {deadlines.length === 0 ? (
        <p>{t('deadlines.empty')}</p>
      ) : (
        <ul className="deadline-list" aria-label={t('deadlines.title')}>
          {deadlines.map((deadline) => (
            <li key={deadline.id} className={deadline.done ? 'done' : ''}>
              <CheckboxField
                label={`${formatCivilDate(deadline.due, uiLanguageOf(i18n.language), { weekday: true })}${
                  deadline.time ? ` ${deadline.time}` : ''
                } — ${deadline.what}${!deadline.done && deadline.due < todayCivil() ? ` (${t('agenda.group.overdue')})` : ''}`}
                checked={deadline.done}
                onChange={(done) => void saveDeadline(view.caseTag, { ...deadline, done })}
              />
              <span className="muted">{t(`deadlines.reminder.${deadline.reminder}`)}</span>
              <button
                type="button"
                className="secondary"
                aria-label={t('deadlines.deleteNamed', { what: deadline.what })}
                onClick={() => void deleteDeadline(view.caseTag, deadline.id)}
              >
                {t('deadlines.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        ref={formRef}
        className="deadline-form"
        onSubmit={(event) => void submit(event)}
        noValidate
        autoComplete="off"
        data-enter-submits="true"
      >
        <h3>{t('deadlines.add')}</h3>
        <ErrorSummary invalid={invalid} title={t('cases.fixErrors')} />
        <TextField
          label={t('deadlines.what')}
          value={draft.what}
          onChange={(what) => setDraft({ ...draft, what })}
          error={errors.what}
          limit={maxLengthAt(deadlineSchema, 'what')}
        />
        <div className="field-row">
          <DateField
            label={t('deadlines.due')}
            value={draft.due}
            onChange={(due) => setDraft({ ...draft, due })}
            error={errors.due}
          />
          <TimeField
            label={t('deadlines.time')}
            value={draft.time}
            onChange={(time) => setDraft({ ...draft, time })}
            error={errors.time}
          />
          <SelectField
            label={t('deadlines.reminderLabel')}
            value={draft.reminder}
            onChange={(reminder) => setDraft({ ...draft, reminder })}
            options={REMINDER_OFFSETS.map((value) => ({ value, label: t(`deadlines.reminder.${value}`) }))}
          />
        </div>
        <button type="submit" disabled={busy}>
          {t('deadlines.save')}
        </button>
      </form>
    </section>
  );
}
