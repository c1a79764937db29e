import i18next from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatQuarter, inPeriod, parseQuarter, quarterOf, todayCivil } from '../../../../shared/domain/civil-date';
import {
  buildSectionModel,
  packSection,
  sectionDocument,
  type SectionModel,
} from '../../../../shared/report/legal-pressure-section';
import {
  DEFAULT_SECTION_TITLES,
  REPORT_LANGUAGES,
  reportLabels,
  type ReportLanguage,
} from '../../../../shared/report/locale';
import { moveDevelopment, selectQuarter } from '../../../../shared/report/quarter-selection';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { usePlatform } from '../../platform';
import { caseViewsOf, useVaultStore } from '../../stores/vault-store';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from '../../../../shared/settings/vault-settings';
import { ReportTextRuns } from '../timeline';

/**
 * The quarterly "Legal Pressure" section: pick a quarter, see the section exactly as it will be
 * exported, set its title and introduction (kept per quarter, encrypted), arrange developments
 * within a day, and export it as DOCX.
 */
export function ReportsView() {
  const { t } = useTranslation();
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
  const settings: ReportSettings = stored[quarter] ?? DEFAULT_REPORT_SETTINGS;
  const [draft, setDraft] = useState<{ quarter: string; title: string; introduction: string } | null>(null);
  const title = draft?.quarter === quarter ? draft.title : settings.title;
  const introduction = draft?.quarter === quarter ? draft.introduction : settings.introduction;
  const [message, setMessage] = useState<string | null>(null);

  const parsedQuarter = parseQuarter(quarter) ?? quarterOf(todayCivil());
  // Only the cases with a development in the quarter are read whole.
  const cases = useMemo(
    () => caseViewsOf(heads.filter((head) => head.timeline.some((entry) => inPeriod(entry.date, quarter)))),
    [heads, quarter],
  );
  const options = {
    quarter: parsedQuarter,
    language: settings.language,
    title,
    introduction,
    order: settings.order,
    statistics: settings.statistics,
  };
  const model = buildSectionModel(cases, options);
  const selection = selectQuarter(cases, parsedQuarter, settings.order);
  const titleOf = (entryId: string) => {
    for (const view of cases) {
      const entry = view.entries.find((e) => e.id === entryId);
      if (entry) return `${entry.record.date} · ${view.record.title}`;
    }
    return entryId;
  };

  const update = (patch: Partial<ReportSettings>) =>
    void saveReportSettings(quarter, { ...settings, title, introduction, ...patch });

  const exportDocx = async () => {
    await saveReportSettings(quarter, { ...settings, title, introduction });
    const bytes = await packSection(sectionDocument(model), model);
    const result = await platform.saveFile({
      suggestedName: `legal-pressure-${quarter}-${settings.language}.docx`,
      bytes,
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filters: [{ name: 'Word', extensions: ['docx'] }],
    });
    if (result.status !== 'cancelled') setMessage(t('reports.exported'));
  };

  return (
    <section aria-labelledby="reports-title" className="reports">
      <div className="view-header">
        <h1 id="reports-title">{t('reports.title')}</h1>
        <button type="button" onClick={() => void exportDocx()}>
          {t('reports.export')}
        </button>
      </div>
      {message ? <p role="status">{message}</p> : null}
      <div className="field-row">
        <SelectField
          label={t('reports.quarter')}
          value={quarter}
          onChange={setQuarter}
          options={quarters.map((q) => ({ value: q, label: q }))}
        />
        <SelectField
          label={t('reports.language')}
          value={settings.language}
          onChange={(language: ReportLanguage) => update({ language })}
          options={REPORT_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
        />
      </div>
      <div
        onBlur={() => {
          if (draft?.quarter === quarter) update({});
        }}
      >
        <TextField
          label={t('reports.sectionTitle')}
          value={title}
          placeholder={DEFAULT_SECTION_TITLES[settings.language]}
          onChange={(value) => setDraft({ quarter, title: value, introduction })}
        />
        <TextAreaField
          label={t('reports.introduction')}
          value={introduction}
          rows={4}
          onChange={(value) => setDraft({ quarter, title, introduction: value })}
        />
      </div>
      <CheckboxField
        label={t('reports.statistics')}
        checked={settings.statistics}
        onChange={(statistics) => update({ statistics })}
      />

      {model.missingText.length > 0 ? (
        <div className="warning" role="status">
          <p>{t('reports.missingText')}</p>
          <ul className="plain-list">
            {model.missingText.map((id) => (
              <li key={id}>{titleOf(id)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {model.warnings.map((warning, index) => (
        <p key={index} className="warning" role="status">
          {t('timeline.unsafeLink', { text: warning.text, target: warning.target })}
        </p>
      ))}

      <section aria-labelledby="report-preview-title" className="report-document">
        <h2 id="report-preview-title" className="visually-hidden">
          {t('reports.preview')}
        </h2>
        <SectionPreview
          model={model}
          onMove={(entryId, direction) => update({ order: moveDevelopment(selection, entryId, direction) })}
          canMove={(entryId, direction) =>
            moveDevelopment(selection, entryId, direction).join() !==
            selection.months.flatMap((m) => m.developments.map((d) => d.entryId)).join()
          }
        />
      </section>
    </section>
  );
}

/** The section as it will be exported: the same model the DOCX is packed from. */
function SectionPreview(props: {
  readonly model: SectionModel;
  readonly onMove: (entryId: string, direction: -1 | 1) => void;
  readonly canMove: (entryId: string, direction: -1 | 1) => boolean;
}) {
  const { t } = useTranslation();
  const { model } = props;
  const empty = model.months.every((m) => m.paragraphs.length === 0);
  return (
    <div lang={model.language}>
      <p className="report-heading-1">{model.title}</p>
      {model.introduction.trim() ? <p className="report-paragraph">{model.introduction.trim()}</p> : null}
      {model.statistics ? <StatisticsPreview model={model} /> : null}
      {empty ? <p className="muted">{t('reports.empty')}</p> : null}
      {model.months.map((month) =>
        month.paragraphs.length === 0 ? null : (
          <div key={month.name}>
            <p className="report-heading-2">{month.name}</p>
            {month.paragraphs.map((paragraph) => (
              <div key={paragraph.entryId} className="report-row">
                <p className="report-paragraph">
                  <ReportTextRuns runs={paragraph.runs} />
                </p>
                <div className="report-order" lang={i18next.language}>
                  <button
                    type="button"
                    className="secondary"
                    disabled={!props.canMove(paragraph.entryId, -1)}
                    aria-label={t('reports.moveUp')}
                    onClick={() => props.onMove(paragraph.entryId, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={!props.canMove(paragraph.entryId, 1)}
                    aria-label={t('reports.moveDown')}
                    onClick={() => props.onMove(paragraph.entryId, 1)}
                  >
                    ↓
                  </button>
                </div>
              </div>
            ))}
          </div>
        ),
      )}
    </div>
  );
}

/** The optional statistics table, in the report's language, as the DOCX will have it. */
function StatisticsPreview({ model }: { readonly model: SectionModel }) {
  const labels = reportLabels(model.language);
  const stats = model.statistics;
  if (stats === null) return null;
  return (
    <>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{labels.kindHeader}</th>
            {model.months.map((month) => (
              <th scope="col" key={month.name}>
                {month.name}
              </th>
            ))}
            <th scope="col">{labels.total}</th>
          </tr>
        </thead>
        <tbody>
          {stats.byKind.map((row) => (
            <tr key={row.kind}>
              <th scope="row">{labels.kind(row.kind)}</th>
              {row.perMonth.map((count, index) => (
                <td key={index}>{count}</td>
              ))}
              <td>{row.perMonth.reduce((a, b) => a + b, 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="report-paragraph">{labels.newVsOngoing(stats.newCases, stats.ongoingCases)}</p>
    </>
  );
}
