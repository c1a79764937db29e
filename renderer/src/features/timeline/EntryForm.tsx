import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ENTRY_KINDS,
  entryFieldsSchema,
  RULINGS,
  storedEntryDate,
  type EntryFields,
} from '../../../../shared/domain/entry';
import { formatCivilDate, uiLanguageOf } from '../../../../shared/app/date-format';
import { isCivilDate } from '../../../../shared/domain/civil-date';
import { reportPlainText } from '../../../../shared/report/report-text';
import { dayNamed } from '../../../../shared/import/past-report';
import { hasAnyText, REPORT_LANGUAGES, type ReportLanguage } from '../../../../shared/domain/texts-by-language';
import { maxLengthAt } from '../../../../shared/domain/validation';
import { withLinkSchemes } from '../../../../shared/security/external-url';
import { ErrorSummary, useFormCheck } from '../../components/ErrorSummary';
import {
  DateField,
  TimeField,
  CheckboxField,
  SelectField,
  TextAreaField,
  TextField,
  linesOf,
} from '../../components/form-fields';
import { useVaultStore } from '../../stores/vault-store';
import { RestoredNotice } from '../../components/RestoredNotice';
import { useKeptOnLock, type EntryFormState } from '../../stores/kept-forms';
import { ReportTextsField } from './ReportTextsField';
import { ParagraphDrafts } from './ParagraphDrafts';
import { paragraphFactsOf } from '../../../../shared/report/paragraph-draft';

/** A timeline entry: when, what, where, the outcome, notes, and its paragraph for the report. */
export function EntryForm(props: {
  readonly initial: EntryFields;
  readonly heading: string;
  /** The case and the entry the form edits (entry null: a new one): what a lock keeps its unsaved changes for. */
  readonly place: { readonly caseTag: string; readonly entryId: string | null };
  /** What the form held when the vault locked, unsaved (see vault/form-drafts.ts). */
  readonly restored?: EntryFormState | undefined;
  /** The case's fields a drafted paragraph is made from (see shared/report/paragraph-draft.ts). */
  readonly caseRecord: Parameters<typeof paragraphFactsOf>[0];
  readonly onSave: (fields: EntryFields) => Promise<boolean>;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const busy = useVaultStore((s) => s.busy);
  const initialSources = props.initial.sources.join('\n');
  const [fields, setFields] = useState<EntryFields>({ ...props.initial, ...props.restored?.fields });
  const [sources, setSources] = useState(props.restored?.sources ?? initialSources);
  const [includeTouched, setIncludeTouched] = useState(false);
  const unsaved = sources !== initialSources || JSON.stringify(fields) !== JSON.stringify(props.initial);
  useKeptOnLock(unsaved ? { kind: 'entry', ...props.place, form: { fields, sources } } : null);
  const { errors, formRef, invalid, check } = useFormCheck(entryFieldsSchema, () => ({
    ...fields,
    sources: linesOf(sources),
  }));
  const limit = (path: string) => maxLengthAt(entryFieldsSchema, path);
  const set = <K extends keyof EntryFields>(key: K, value: EntryFields[K]) =>
    setFields((current) => ({ ...current, [key]: value }));

  const writeText = (language: ReportLanguage, text: string) =>
    setFields((current) => {
      const reportTexts = { ...current.reportTexts, [language]: text };
      // Writing a paragraph for the report puts the entry in it, unless the person set
      // "include" themselves in this form: text written is never left out unseen.
      const include = !includeTouched && !hasAnyText(current.reportTexts) && hasAnyText(reportTexts);
      return { ...current, reportTexts, ...(include ? { includeInReport: true } : {}) };
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const completedSources = withLinkSchemes(sources);
    setSources(completedSources);
    const valid = check({
      ...fields,
      date: storedEntryDate(fields.date, fields.datePrecision),
      sources: linesOf(completedSources),
    });
    if (valid !== null) await props.onSave(valid);
  };

  const sourceError = Object.entries(errors).find(([key]) => key.startsWith('sources'))?.[1];
  return (
    <form
      ref={formRef}
      className="entry-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      autoComplete="off"
      aria-labelledby="entry-form-title"
    >
      <h2 id="entry-form-title">{props.heading}</h2>
      {props.restored ? <RestoredNotice /> : null}
      <ErrorSummary invalid={invalid} title={t('cases.fixErrors')} />
      <div className="field-row">
        <DateField
          label={t('timeline.field.date')}
          value={fields.date}
          onChange={(v) => set('date', v)}
          error={errors.date}
          autoFocus
        />
        <TimeField
          label={t('timeline.field.time')}
          value={fields.time}
          onChange={(v) => set('time', v)}
          error={errors.time}
        />
        <SelectField
          label={t('timeline.field.kind')}
          value={fields.kind}
          onChange={(v) => set('kind', v)}
          options={ENTRY_KINDS.map((value) => ({ value, label: t(`timeline.kind.${value}`) }))}
        />
      </div>
      <MonthOnlyField fields={fields} set={set} />
      <TextField
        label={t('timeline.field.place')}
        value={fields.place}
        onChange={(v) => set('place', v)}
        error={errors.place}
        limit={limit('place')}
      />
      <TextAreaField
        label={t('timeline.field.outcome')}
        value={fields.outcome}
        onChange={(v) => set('outcome', v)}
        rows={2}
        error={errors.outcome}
        limit={limit('outcome')}
      />
      <TextAreaField
        label={t('timeline.field.notes')}
        value={fields.notes}
        onChange={(v) => set('notes', v)}
        rows={3}
        error={errors.notes}
        limit={limit('notes')}
      />
      {fields.kind === 'ruling' || fields.kind === 'appeal' || fields.ruling !== 'none' ? (
        <SelectField
          label={t('timeline.field.ruling')}
          value={fields.ruling}
          onChange={(v) => set('ruling', v)}
          options={RULINGS.map((value) => ({ value, label: t(`timeline.ruling.${value}`) }))}
        />
      ) : null}
      <ParagraphDrafts
        facts={() => paragraphFactsOf(props.caseRecord, { ...fields, sources: linesOf(sources) })}
        written={fields.reportTexts}
        onUse={(language, text) => writeText(language, text)}
      />
      <ReportTextsField
        value={fields.reportTexts}
        errors={{ en: errors['reportTexts.en'], ru: errors['reportTexts.ru'], kk: errors['reportTexts.kk'] }}
        onChange={writeText}
      />
      <CheckboxField
        label={t('timeline.field.includeInReport')}
        checked={fields.includeInReport}
        onChange={(v) => {
          setIncludeTouched(true);
          set('includeInReport', v);
        }}
      />
      <TextAreaField
        label={t('timeline.field.sources')}
        hint={t('cases.field.sourcesHint')}
        value={sources}
        onChange={setSources}
        onBlur={() => setSources(withLinkSchemes(sources))}
        rows={2}
        error={sourceError}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('timeline.save')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('timeline.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * "Only the month is known" (a development read from a published report's month heading), and,
 * while it is ticked, the day the entry's report text names in that month, offered as the date.
 */
function MonthOnlyField(props: {
  readonly fields: EntryFields;
  readonly set: <K extends keyof EntryFields>(key: K, value: EntryFields[K]) => void;
}) {
  const { t, i18n } = useTranslation();
  const { fields, set } = props;
  const month = Number(fields.date.slice(5, 7));
  const day =
    fields.datePrecision !== 'month' || !isCivilDate(fields.date)
      ? null
      : (REPORT_LANGUAGES.map((language) =>
          dayNamed(reportPlainText(fields.reportTexts[language]), month, language),
        ).find((named) => named !== null) ?? null);
  const suggested = day === null ? null : `${fields.date.slice(0, 8)}${String(day).padStart(2, '0')}`;
  return (
    <>
      <CheckboxField
        label={t('timeline.field.monthOnly')}
        checked={fields.datePrecision === 'month'}
        onChange={(checked) => set('datePrecision', checked ? 'month' : 'day')}
      />
      {suggested !== null && isCivilDate(suggested) ? (
        <p className="suggestion">
          {t('timeline.daySuggested', { date: formatCivilDate(suggested, uiLanguageOf(i18n.language)) })}{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              set('date', suggested);
              set('datePrecision', 'day');
            }}
          >
            {t('timeline.useDay')}
          </button>
        </p>
      ) : null}
    </>
  );
}
