import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayCivil } from '../../../../shared/domain/civil-date';
import { emptyEntryFields, entryFieldsOf, type EntryRecord } from '../../../../shared/domain/entry';
import type { AttachmentManifest } from '../../../../shared/domain/attachment';
import { usePlatform } from '../../platform';
import { useVaultStore } from '../../stores/vault-store';
import { SourceList } from '../../components/SourceList';
import { EntryForm } from './EntryForm';
import { ReportTextPreview } from './ReportTextPreview';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { REPORT_LANGUAGES } from '../../../../shared/domain/texts-by-language';
import { formatEntryDate, uiLanguageOf } from '../../../../shared/app/date-format';

const NEW_ENTRY = '\u0000new';

/** The case's developments as a vertical timeline, newest or oldest first. */
export function Timeline(props: { readonly view: CaseFile; readonly openEntry?: string | null }) {
  const { view } = props;
  const { t, i18n } = useTranslation();
  const language = uiLanguageOf(i18n.language);
  const addEntry = useVaultStore((s) => s.addEntry);
  const updateEntry = useVaultStore((s) => s.updateEntry);
  const deleteEntry = useVaultStore((s) => s.deleteEntry);
  const importAttachment = useVaultStore((s) => s.importAttachment);
  const platform = usePlatform();
  const [newestFirst, setNewestFirst] = useState(true);
  // A form the last lock kept for an entry of this case opens again.
  const restored = useVaultStore((s) =>
    s.restoredDraft?.kind === 'entry' && s.restoredDraft.caseTag === view.caseTag ? s.restoredDraft : null,
  );
  // The entry being edited: its id, NEW_ENTRY for a new one, or null.
  // Or the entry a link elsewhere (the Reports screen) opened the case for.
  const [editing, setEditing] = useState<string | null>(
    restored ? (restored.entryId ?? NEW_ENTRY) : (props.openEntry ?? null),
  );
  const restoredForm = (entryId: string | null) =>
    restored !== null && restored.entryId === entryId ? restored.form : undefined;
  const [confirming, setConfirming] = useState<string | null>(null);

  const entries = [...view.entries].sort((a, b) => {
    const order = `${a.record.date} ${a.record.time}`.localeCompare(`${b.record.date} ${b.record.time}`);
    return newestFirst ? -order : order;
  });

  if (editing === NEW_ENTRY) {
    return (
      <EntryForm
        heading={t('timeline.newHeading')}
        initial={emptyEntryFields(todayCivil())}
        place={{ caseTag: view.caseTag, entryId: null }}
        caseRecord={view.record}
        restored={restoredForm(null)}
        onCancel={() => setEditing(null)}
        onSave={async (fields) => {
          const ok = await addEntry(view.caseTag, fields);
          if (ok) setEditing(null);
          return ok;
        }}
      />
    );
  }
  const editedEntry = view.entries.find((entry) => entry.id === editing);
  if (editedEntry) {
    return (
      <EntryForm
        heading={t('timeline.editHeading')}
        initial={entryFieldsOf(editedEntry.record)}
        place={{ caseTag: view.caseTag, entryId: editedEntry.id }}
        caseRecord={view.record}
        restored={restoredForm(editedEntry.id)}
        onCancel={() => setEditing(null)}
        onSave={async (next) => {
          const ok = await updateEntry(view.caseTag, editedEntry.id, next);
          if (ok) setEditing(null);
          return ok;
        }}
      />
    );
  }

  return (
    <section aria-labelledby="timeline-title" className="timeline-view">
      <div className="view-header">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
        <div className="actions">
          <label htmlFor="timeline-order">{t('timeline.order')}</label>
          <select
            id="timeline-order"
            value={newestFirst ? 'newest' : 'oldest'}
            onChange={(event) => setNewestFirst(event.target.value === 'newest')}
          >
            <option value="newest">{t('timeline.newestFirst')}</option>
            <option value="oldest">{t('timeline.oldestFirst')}</option>
          </select>
          <button type="button" onClick={() => setEditing(NEW_ENTRY)}>
            {t('timeline.add')}
          </button>
        </div>
      </div>
      {entries.length === 0 ? (
        <p>{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline" aria-label={t('timeline.title')}>
          {entries.map((entry) => (
            <li key={entry.id} className="timeline-entry">
              <EntryCard record={entry.record} attachments={view.attachments.filter((a) => a.entryId === entry.id)} />
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('timeline.attachNamed', {
                    date: formatEntryDate(entry.record, language),
                    kind: t(`timeline.kind.${entry.record.kind}`),
                  })}
                  onClick={() => {
                    void platform.pickFiles({ multiple: true }).then(async (files) => {
                      for (const file of files) await importAttachment(view.caseTag, file, { entryId: entry.id });
                    });
                  }}
                >
                  {t('timeline.attach')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`${t('timeline.edit')}: ${formatEntryDate(entry.record, language)} ${t(`timeline.kind.${entry.record.kind}`)}`}
                  onClick={() => setEditing(entry.id)}
                >
                  {t('timeline.edit')}
                </button>
                {confirming === entry.id ? (
                  <>
                    <span role="status">{t('timeline.confirmDelete')}</span>
                    <button
                      type="button"
                      onClick={() => void deleteEntry(view.caseTag, entry.id).then(() => setConfirming(null))}
                    >
                      {t('timeline.delete')}
                    </button>
                    <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                      {t('timeline.cancel')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`${t('timeline.delete')}: ${formatEntryDate(entry.record, language)} ${t(`timeline.kind.${entry.record.kind}`)}`}
                    onClick={() => setConfirming(entry.id)}
                  >
                    {t('timeline.delete')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function EntryCard({
  record,
  attachments,
}: {
  readonly record: EntryRecord;
  readonly attachments: readonly AttachmentManifest[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <article className="entry-card">
      <h3>
        <time dateTime={record.datePrecision === 'month' ? record.date.slice(0, 7) : record.date}>
          {formatEntryDate(record, uiLanguageOf(i18n.language), { weekday: true })}
        </time>
        {record.time ? ` ${record.time}` : ''} — {t(`timeline.kind.${record.kind}`)}
        {record.includeInReport ? <span className="badge">{t('timeline.inReport')}</span> : null}
      </h3>
      {record.place ? <p className="muted">{record.place}</p> : null}
      {record.outcome ? <p>{record.outcome}</p> : null}
      {record.notes ? <p className="preserve-lines">{record.notes}</p> : null}
      {REPORT_LANGUAGES.filter((language) => record.reportTexts[language] !== '').map((language) => (
        <div key={language} lang={language} className="entry-report-text">
          <span className="badge">{t(`language.${language}`)}</span>
          <ReportTextPreview source={record.reportTexts[language]} />
        </div>
      ))}
      {record.sources.length > 0 ? <SourceList sources={record.sources} /> : null}
      {attachments.length > 0 ? (
        <p className="muted">
          {t('timeline.attachments')}: {attachments.map((a) => a.name).join(', ')}
        </p>
      ) : null}
    </article>
  );
}
