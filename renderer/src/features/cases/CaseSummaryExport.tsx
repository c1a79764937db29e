import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uiLanguageOf } from '../../../../shared/app/date-format';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { todayCivil } from '../../../../shared/domain/civil-date';
import { packCaseSummary } from '../../../../shared/report/case-summary';
import { toSafeFileName } from '../../../../shared/security/file-name';
import { CheckboxField } from '../../components/form-fields';
import { SavedNotice } from '../../components/SavedNotice';
import { usePlatform, type SaveFileResult } from '../../platform';
import { caseSummaryModel } from './case-summary-model';

/** "Print a summary…": the case as a Word file, privileged notes only when ticked. */
export function CaseSummaryExport({ view }: { readonly view: CaseFile }) {
  const { t, i18n } = useTranslation();
  const platform = usePlatform();
  const [open, setOpen] = useState(false);
  const [privileged, setPrivileged] = useState(false);
  const [saved, setSaved] = useState<SaveFileResult | null>(null);
  const save = async () => {
    const today = todayCivil();
    const model = caseSummaryModel(view, t, uiLanguageOf(i18n.language), { privileged, today });
    const result = await platform.saveFile({
      suggestedName: toSafeFileName(`${view.record.title} ${today}.docx`),
      bytes: await packCaseSummary(model),
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filters: [{ name: 'Word', extensions: ['docx'] }],
    });
    setSaved(result);
    if (result.status !== 'cancelled') setOpen(false);
  };
  return (
    <>
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('summary.button')}
      </button>
      {open ? (
        <section className="summary-export" aria-labelledby="summary-export-title">
          <h2 id="summary-export-title">{t('summary.heading')}</h2>
          <p className="muted">{t('summary.explain')}</p>
          <CheckboxField label={t('summary.includePrivileged')} checked={privileged} onChange={setPrivileged} />
          <button type="button" onClick={() => void save()}>
            {t('summary.save')}
          </button>
        </section>
      ) : null}
      <SavedNotice result={saved} />
    </>
  );
}
