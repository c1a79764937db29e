import { useMemo, useState } from 'react';
import { formatEntryDate, formatQuarterLabel, uiLanguageOf } from '../../../../shared/app/date-format';
import { useTranslation } from 'react-i18next';
import {
  formatQuarter,
  inPeriod,
  parseQuarter,
  previousQuarter,
  quarterOf,
  todayCivil,
} from '../../../../shared/domain/civil-date';
import { draftIntroduction } from '../../../../shared/report/introduction-draft';
import {
  buildSectionModel,
  packSection,
  sectionDocument,
  sectionOptionsFor,
} from '../../../../shared/report/legal-pressure-section';
import { defaultSectionTitle, REPORT_LANGUAGES, type ReportLanguage } from '../../../../shared/report/locale';
import { quarterCoverage } from '../../../../shared/report/quarter-coverage';
import { moveDevelopmentTo, selectQuarter, textsWritten } from '../../../../shared/report/quarter-selection';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from '../../../../shared/settings/vault-settings';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { usePlatform } from '../../platform';
import { caseViewsOf, useVaultStore } from '../../stores/vault-store';
import { useCasesUi } from '../cases';
import { IntroductionDraft } from './IntroductionDraft';
import { EntryLinks, QuarterCoveragePanel, UntranslatedDialog } from './QuarterLists';
import { SectionPreview } from './SectionPreview';
import { PastReportsImport } from './PastReportsImport';
import { SavedNotice } from '../../components/SavedNotice';
import type { SaveFileResult } from '../../platform';

/**
 * The quarterly "Legal Pressure" section: pick a quarter and a language, see the section exactly
 * as it will be exported in that language, set its title and introduction (per language, kept per
 * quarter, encrypted), arrange developments within each month (one order for all languages), and
 * export it as DOCX. A development without text in the language is listed, and the export asks
 * what to do with it.
 */
const SECTION_NUMBER_LIMIT = 20;

export function ReportsView({ onOpenCase }: { readonly onOpenCase: () => void }) {
  const { t, i18n } = useTranslation();
  const platform = usePlatform();
  const heads = useVaultStore((s) => s.cases);
  const stored = useVaultStore((s) => s.settings.reports);
  const saveReportSettings = useVaultStore((s) => s.saveReportSettings);
  const quarters = useMemo(() => {
    const set = new Set<string>([formatQuarter(quarterOf(todayCivil()))]);
    for (const head of heads) for (const entry of head.timeline) set.add(formatQuarter(quarterOf(entry.date)));
    return [...set].sort().reverse();
  }, [heads]);
  const [quarter, setQuarter] = useState(quarters[0] ?? formatQuarter(quarterOf(todayCivil())));
  // The report language starts as the interface's.
  const [language, setLanguage] = useState<ReportLanguage>(
    (REPORT_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as ReportLanguage) : 'en',
  );
  const settings: ReportSettings = stored[quarter] ?? DEFAULT_REPORT_SETTINGS;
  const [draft, setDraft] = useState<{
    quarter: string;
    language: ReportLanguage;
    title: string;
    introduction: string;
  } | null>(null);
  const drafting = draft?.quarter === quarter && draft.language === language;
  const title = drafting ? draft.title : settings.titles[language];
  const introduction = drafting ? draft.introduction : settings.introductions[language];
  const [saved, setSaved] = useState<SaveFileResult | null>(null);
  const [importing, setImporting] = useState(false);
  const [asking, setAsking] = useState(false);

  const parsedQuarter = parseQuarter(quarter) ?? quarterOf(todayCivil());
  // Only the cases with a development in the quarter, or the one before (the statistics compare
  // with it), are read whole.
  const cases = useMemo(() => {
    const before = formatQuarter(previousQuarter(parseQuarter(quarter) ?? quarterOf(todayCivil())));
    return caseViewsOf(
      heads.filter((head) =>
        head.timeline.some((entry) => inPeriod(entry.date, quarter) || inPeriod(entry.date, before)),
      ),
    );
  }, [heads, quarter]);
  const withTexts: ReportSettings = {
    ...settings,
    titles: { ...settings.titles, [language]: title },
    introductions: { ...settings.introductions, [language]: introduction },
  };
  const options = sectionOptionsFor(withTexts, parsedQuarter, language);
  const model = buildSectionModel(cases, options);
  const selection = selectQuarter(cases, parsedQuarter, settings.order);
  const written = textsWritten(selection);
  const titleOf = (entryId: string) => {
    for (const view of cases) {
      const entry = view.entries.find((e) => e.id === entryId);
      if (entry) return `${formatEntryDate(entry.record, uiLanguageOf(i18n.language))} · ${view.record.title}`;
    }
    return entryId;
  };
  const openEntry = (caseTag: string | null, entryId: string | null) => {
    const owner = caseTag ?? cases.find((view) => view.entries.some((e) => e.id === entryId))?.caseTag;
    if (owner === undefined) return;
    useCasesUi.setState({ openCase: owner, openEntry: entryId, creating: false });
    onOpenCase();
  };

  const update = (patch: Partial<ReportSettings>) => void saveReportSettings(quarter, { ...withTexts, ...patch });

  const exportDocx = async (untranslated: 'leave-out' | 'mark') => {
    setAsking(false);
    await saveReportSettings(quarter, withTexts);
    const exported = buildSectionModel(cases, { ...options, untranslated });
    const bytes = await packSection(sectionDocument(exported), exported);
    const result = await platform.saveFile({
      suggestedName: `legal-pressure-${quarter}-${language}.docx`,
      bytes,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filters: [{ name: 'Word', extensions: ['docx'] }],
    });
    setSaved(result);
  };

  if (importing) return <PastReportsImport onClose={() => setImporting(false)} />;
  return (
    <section aria-labelledby="reports-title" className="reports">
      <div className="view-header">
        <h1 id="reports-title">{t('reports.title')}</h1>
        <button type="button" className="secondary" onClick={() => setImporting(true)}>
          {t('reports.importPast')}
        </button>
        <button
          type="button"
          onClick={() => (model.untranslated.length > 0 ? setAsking(true) : void exportDocx('leave-out'))}
        >
          {t('reports.exportIn', { language: t(`reportLanguage.${language}`) })}
        </button>
      </div>
      <SavedNotice result={saved} />
      {asking ? (
        <UntranslatedDialog
          language={language}
          untranslated={model.untranslated}
          titleOf={titleOf}
          onOpen={(entryId) => openEntry(null, entryId)}
          onChoose={(choice) => (choice === null ? setAsking(false) : void exportDocx(choice))}
        />
      ) : null}
      <div className="field-row">
        <SelectField
          label={t('reports.quarter')}
          value={quarter}
          onChange={setQuarter}
          options={quarters.map((q) => ({ value: q, label: formatQuarterLabel(q, uiLanguageOf(i18n.language)) }))}
        />
      </div>
      <div role="radiogroup" aria-label={t('reports.language')} className="language-choice">
        {REPORT_LANGUAGES.map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={language === value}
            className={language === value ? 'chosen' : 'secondary'}
            onClick={() => setLanguage(value)}
          >
            {t(`language.${value}`)}{' '}
            <span className="count">
              {t('reports.textsWritten', { written: written.written[value], total: written.total })}
            </span>
          </button>
        ))}
      </div>
      <TextField
        label={t('reports.sectionNumber')}
        hint={t('reports.sectionNumberHint')}
        value={settings.sectionNumber}
        limit={SECTION_NUMBER_LIMIT}
        // Saved as it is typed, so a longer number is not taken (the field counts up to the limit).
        onChange={(sectionNumber) => {
          if (sectionNumber.length <= SECTION_NUMBER_LIMIT) update({ sectionNumber });
        }}
      />
      <div
        lang={language}
        onBlur={() => {
          if (drafting) update({});
        }}
      >
        <TextField
          label={t('reports.sectionTitleIn', { language: t(`reportLanguage.${language}`) })}
          value={title}
          placeholder={defaultSectionTitle(language, settings.sectionNumber)}
          onChange={(value) => setDraft({ quarter, language, title: value, introduction })}
        />
        <TextAreaField
          label={t('reports.introductionIn', { language: t(`reportLanguage.${language}`) })}
          value={introduction}
          rows={4}
          onChange={(value) => setDraft({ quarter, language, title, introduction: value })}
        />
      </div>
      <IntroductionDraft
        key={`${quarter}-${language}`}
        language={language}
        draft={() =>
          draftIntroduction(buildSectionModel(cases, { ...options, statistics: true }).statistics!, language)
        }
        onUse={(text) => {
          setDraft({ quarter, language, title, introduction: text });
          update({ introductions: { ...settings.introductions, [language]: text } });
        }}
      />
      <CheckboxField
        label={t('reports.statistics')}
        checked={settings.statistics}
        onChange={(statistics) => update({ statistics })}
      />

      <QuarterCoveragePanel
        coverage={quarterCoverage(cases, heads, parsedQuarter)}
        titleOf={titleOf}
        caseTitleOf={(caseTag) => heads.find((head) => head.caseTag === caseTag)?.record.title ?? caseTag}
        onOpen={openEntry}
      />
      {model.untranslated.length > 0 ? (
        <section aria-labelledby="untranslated-title" className="coverage warning">
          <h2 id="untranslated-title">
            {t('reports.untranslated', {
              count: model.untranslated.length,
              language: t(`reportLanguage.${language}`),
            })}
          </h2>
          <EntryLinks ids={model.untranslated.map((u) => u.entryId)} titleOf={titleOf} onOpen={openEntry} />
        </section>
      ) : null}
      {model.warnings.map((warning, index) => (
        <p key={index} className="warning" role="status">
          {t('timeline.unsafeLink', { text: warning.text, target: warning.target })}
        </p>
      ))}

      {model.months.some((m) => m.paragraphs.length > 1) ? <p className="muted">{t('reports.orderHint')}</p> : null}
      <section aria-labelledby="report-preview-title" className="report-document">
        <h2 id="report-preview-title" className="visually-hidden">
          {t('reports.preview')}
        </h2>
        <SectionPreview
          model={model}
          onMove={(entryId, to) => update({ order: moveDevelopmentTo(selection, entryId, to) })}
        />
      </section>
    </section>
  );
}
