import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, GENDERS, TARGET_ROLES } from '../../../../shared/domain/case';
import { todayCivil } from '../../../../shared/domain/civil-date';
import { ENTRY_KINDS } from '../../../../shared/domain/entry';
import {
  emptyQuickDevelopment,
  quickDevelopmentAsCase,
  quickDevelopmentSchema,
  type QuickDevelopment,
} from '../../../../shared/domain/quick-development';
import { maxLengthAt } from '../../../../shared/domain/validation';
import { withLinkSchemes } from '../../../../shared/security/external-url';
import { ErrorSummary, useFormCheck } from '../../components/ErrorSummary';
import { DateField, SelectField, TextAreaField, TextField, linesOf } from '../../components/form-fields';
import { useVaultStore } from '../../stores/vault-store';
import { useKeptOnLock } from '../../stores/kept-forms';
import { RestoredNotice } from '../../components/RestoredNotice';
import { ParagraphDrafts, ReportTextsField } from '../timeline';
import { paragraphFactsOf } from '../../../../shared/report/paragraph-draft';

/**
 * A quick development: one news item for the quarter without a tracked case — the date, what
 * happened and in what kind of proceeding, where, who and which outlets are named, the paragraph
 * in each language, the sources. Saved as one write; it is in the section, its figures and search
 * at once, and can be made a case or attached to one later.
 */
export function QuickDevelopmentForm(props: {
  readonly onSaved: (caseTag: string) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const busy = useVaultStore((s) => s.busy);
  const addQuickDevelopment = useVaultStore((s) => s.addQuickDevelopment);
  // What the last lock kept of this form, unsaved (see vault/form-drafts.ts).
  const restored = useVaultStore((s) => (s.restoredDraft?.kind === 'quick' ? s.restoredDraft.form : null));
  const [blank] = useState(() => emptyQuickDevelopment(todayCivil()));
  const [fields, setFields] = useState<QuickDevelopment>(() => ({ ...blank, ...restored?.fields }));
  const [people, setPeople] = useState(restored?.people ?? '');
  const [outlets, setOutlets] = useState(restored?.outlets ?? '');
  const [sources, setSources] = useState(restored?.sources ?? '');
  const unsaved = people !== '' || outlets !== '' || sources !== '' || JSON.stringify(fields) !== JSON.stringify(blank);
  useKeptOnLock(unsaved ? { kind: 'quick', caseTag: null, form: { fields, people, outlets, sources } } : null);
  const candidate = (typedSources: string) => ({
    ...fields,
    people: linesOf(people),
    outlets: linesOf(outlets),
    sources: linesOf(typedSources),
  });
  const { errors, formRef, invalid, check } = useFormCheck(quickDevelopmentSchema, () => candidate(sources));
  const set = <K extends keyof QuickDevelopment>(key: K, value: QuickDevelopment[K]) =>
    setFields((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const completedSources = withLinkSchemes(sources);
    setSources(completedSources);
    const valid = check(candidate(completedSources));
    if (valid === null) return;
    const caseTag = await addQuickDevelopment(valid);
    if (caseTag !== null) props.onSaved(caseTag);
  };
  const firstError = (prefix: string) => Object.entries(errors).find(([key]) => key.startsWith(prefix))?.[1];

  return (
    <form
      ref={formRef}
      className="entry-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      autoComplete="off"
      aria-labelledby="quick-form-title"
    >
      <h1 id="quick-form-title">{t('quick.heading')}</h1>
      {restored ? <RestoredNotice /> : null}
      <ErrorSummary invalid={invalid} title={t('cases.fixErrors')} />
      <p className="muted">{t('quick.explain')}</p>
      <div className="field-row">
        <DateField
          label={t('timeline.field.date')}
          value={fields.date}
          onChange={(v) => set('date', v)}
          error={errors.date}
          autoFocus
        />
        <SelectField
          label={t('quick.caseKind')}
          value={fields.caseKind}
          onChange={(v) => set('caseKind', v)}
          options={CASE_KINDS.map((value) => ({ value, label: t(`cases.kind.${value}`) }))}
        />
        <SelectField
          label={t('timeline.field.kind')}
          value={fields.entryKind}
          onChange={(v) => set('entryKind', v)}
          options={ENTRY_KINDS.map((value) => ({ value, label: t(`timeline.kind.${value}`) }))}
        />
      </div>
      <TextField
        label={t('timeline.field.place')}
        value={fields.place}
        onChange={(v) => set('place', v)}
        error={errors.place}
        limit={maxLengthAt(quickDevelopmentSchema, 'place')}
      />
      <div className="field-row">
        <TextAreaField
          label={t('quick.people')}
          hint={t('quick.onePerLine')}
          value={people}
          onChange={setPeople}
          rows={2}
          error={firstError('people')}
        />
        <SelectField
          label={t('quick.role')}
          value={fields.role}
          onChange={(v) => set('role', v)}
          options={TARGET_ROLES.map((value) => ({ value, label: t(`cases.role.${value}`) }))}
        />
        <SelectField
          label={t('cases.field.targetGender')}
          value={fields.gender}
          onChange={(v) => set('gender', v)}
          options={GENDERS.map((value) => ({ value, label: t(`cases.gender.${value}`) }))}
        />
        <TextAreaField
          label={t('quick.outlets')}
          hint={t('quick.onePerLine')}
          value={outlets}
          onChange={setOutlets}
          rows={2}
          error={firstError('outlets')}
        />
      </div>
      <ParagraphDrafts
        facts={() => {
          const quick = { ...fields, people: linesOf(people), outlets: linesOf(outlets), sources: linesOf(sources) };
          const { fields: record, entry } = quickDevelopmentAsCase(quick);
          return paragraphFactsOf(record, entry);
        }}
        written={fields.reportTexts}
        onUse={(language, text) =>
          setFields((current) => ({ ...current, reportTexts: { ...current.reportTexts, [language]: text } }))
        }
      />
      <ReportTextsField
        value={fields.reportTexts}
        errors={{ en: errors['reportTexts.en'], ru: errors['reportTexts.ru'], kk: errors['reportTexts.kk'] }}
        onChange={(language, text) => set('reportTexts', { ...fields.reportTexts, [language]: text })}
      />
      <TextAreaField
        label={t('timeline.field.sources')}
        hint={t('cases.field.sourcesHint')}
        value={sources}
        onChange={setSources}
        onBlur={() => setSources(withLinkSchemes(sources))}
        rows={2}
        error={firstError('sources')}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('quick.save')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('timeline.cancel')}
        </button>
      </div>
    </form>
  );
}
