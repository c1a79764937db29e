import i18next from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatQuarter, inPeriod, parseQuarter, quarterOf, todayCivil } from '../../../../shared/domain/civil-date';
import {
  buildSectionModel,
  packSection,
  sectionDocument,
  sectionOptionsFor,
  type SectionModel,
} from '../../../../shared/report/legal-pressure-section';
import {
  defaultSectionTitle,
  REPORT_LANGUAGES,
  reportLabels,
  translationMark,
  type ReportLanguage,
} from '../../../../shared/report/locale';
import { moveDevelopmentTo, selectQuarter, textsWritten } from '../../../../shared/report/quarter-selection';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { usePlatform } from '../../platform';
import { caseViewsOf, useVaultStore } from '../../stores/vault-store';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from '../../../../shared/settings/vault-settings';
import { ReportTextRuns } from '../timeline';
import { useCasesUi } from '../cases';
import { quarterCoverage, type QuarterCoverage, type QuarterEntry } from '../../../../shared/report/quarter-coverage';
import { draftIntroduction } from '../../../../shared/report/introduction-draft';

/**
 * The quarterly "Legal Pressure" section: pick a quarter and a language, see the section exactly
 * as it will be exported in that language, set its title and introduction (per language, kept per
 * quarter, encrypted), arrange developments within each month (one order for all languages), and
 * export it as DOCX. A development without text in the language is listed, and the export asks
 * what to do with it.
 */
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
  const [exported, setExported] = useState(false);
  const [asking, setAsking] = useState(false);

  const parsedQuarter = parseQuarter(quarter) ?? quarterOf(todayCivil());
  // Only the cases with a development in the quarter are read whole.
  const cases = useMemo(
    () => caseViewsOf(heads.filter((head) => head.timeline.some((entry) => inPeriod(entry.date, quarter)))),
    [heads, quarter],
  );
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
      if (entry) return `${entry.record.date} · ${view.record.title}`;
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
    if (result.status !== 'cancelled') setExported(true);
  };

  return (
    <section aria-labelledby="reports-title" className="reports">
      <div className="view-header">
        <h1 id="reports-title">{t('reports.title')}</h1>
        <button
          type="button"
          onClick={() => (model.untranslated.length > 0 ? setAsking(true) : void exportDocx('leave-out'))}
        >
          {t('reports.exportIn', { language: t(`reportLanguage.${language}`) })}
        </button>
      </div>
      {exported ? <p role="status">{t('reports.exported')}</p> : null}
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
          options={quarters.map((q) => ({ value: q, label: q }))}
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
        maxLength={20}
        onChange={(sectionNumber) => update({ sectionNumber })}
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

/**
 * Asked before exporting a language some developments have no text in: each is listed (a link to
 * its entry); they are left out, or put in with another language's text marked for translation.
 */
function UntranslatedDialog(props: {
  readonly language: ReportLanguage;
  readonly untranslated: SectionModel['untranslated'];
  readonly titleOf: (entryId: string) => string;
  readonly onOpen: (entryId: string) => void;
  readonly onChoose: (choice: 'leave-out' | 'mark' | null) => void;
}) {
  const { t } = useTranslation();
  const language = t(`reportLanguage.${props.language}`);
  return (
    <div className="confirm" role="dialog" aria-labelledby="untranslated-dialog-title">
      <h2 id="untranslated-dialog-title">
        {t('reports.untranslatedAsk', { count: props.untranslated.length, language })}
      </h2>
      <ul className="plain-list">
        {props.untranslated.map((u) => (
          <li key={u.entryId}>
            <button type="button" className="link-button" onClick={() => props.onOpen(u.entryId)}>
              {props.titleOf(u.entryId)}
            </button>{' '}
            <span className="muted">({t('reports.textIn', { language: t(`reportLanguage.${u.from}`) })})</span>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => props.onChoose('mark')}>
          {t('reports.untranslatedMark')}
        </button>
        <button type="button" className="secondary" onClick={() => props.onChoose('leave-out')}>
          {t('reports.untranslatedLeaveOut')}
        </button>
        <button type="button" className="secondary" onClick={() => props.onChoose(null)}>
          {t('reports.untranslatedCancel')}
        </button>
      </div>
    </div>
  );
}

/** Entries as links to their place on their case's timeline. */
function EntryLinks(props: {
  readonly ids: readonly string[];
  readonly titleOf: (entryId: string) => string;
  readonly onOpen: (caseTag: string | null, entryId: string) => void;
}) {
  return (
    <ul className="plain-list">
      {props.ids.map((entryId) => (
        <li key={entryId}>
          <button type="button" className="link-button" onClick={() => props.onOpen(null, entryId)}>
            {props.titleOf(entryId)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * The section as it will be exported: the same model the DOCX is packed from. Within a month a
 * paragraph can be moved by dragging it, with its ↑/↓ buttons, or focused with Alt+↑/↓; each
 * move is announced, and the moved paragraph keeps the focus.
 */
function SectionPreview(props: {
  readonly model: SectionModel;
  readonly onMove: (entryId: string, to: number) => void;
}) {
  const { t } = useTranslation();
  const { model } = props;
  const empty = model.months.every((m) => m.paragraphs.length === 0);
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<string | null>(null);
  const focusAfterMove = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfterMove.current === null) return;
    document.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(focusAfterMove.current)}"]`)?.focus();
    focusAfterMove.current = null;
  });
  const move = (month: SectionModel['months'][number], entryId: string, to: number, keepFocus: boolean) => {
    if (to < 0 || to >= month.paragraphs.length) return;
    if (keepFocus) focusAfterMove.current = entryId;
    props.onMove(entryId, to);
    setAnnouncement(t('reports.moved', { place: to + 1, count: month.paragraphs.length, month: month.name }));
  };
  return (
    <div lang={model.language}>
      <p className="report-heading-1">{model.title}</p>
      {model.introduction.trim() ? <p className="report-paragraph">{model.introduction.trim()}</p> : null}
      {model.statistics ? <StatisticsPreview model={model} /> : null}
      {empty ? (
        <p className="muted" lang={i18next.language}>
          {model.untranslated.length > 0
            ? t('reports.emptyInLanguage', { language: t(`reportLanguage.${model.language}`) })
            : t('reports.empty')}
        </p>
      ) : null}
      <p className="visually-hidden" role="status" lang={i18next.language}>
        {announcement}
      </p>
      {model.months.map((month) =>
        month.paragraphs.length === 0 ? null : (
          <div key={month.name}>
            <p className="report-heading-2">{month.name}</p>
            {month.paragraphs.map((paragraph, index) => (
              <div
                key={paragraph.entryId}
                className={dragged === paragraph.entryId ? 'report-row dragging' : 'report-row'}
                data-entry-id={paragraph.entryId}
                tabIndex={0}
                draggable
                aria-label={t('reports.paragraphLabel', {
                  place: index + 1,
                  count: month.paragraphs.length,
                  month: month.name,
                })}
                aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                onKeyDown={(event) => {
                  if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
                  event.preventDefault();
                  move(month, paragraph.entryId, index + (event.key === 'ArrowUp' ? -1 : 1), true);
                }}
                onDragStart={(event) => {
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData('text/plain', paragraph.entryId);
                  setDragged(paragraph.entryId);
                }}
                onDragEnd={() => setDragged(null)}
                onDragOver={(event) => {
                  // Only a paragraph of the same month may be dropped here.
                  if (dragged !== null && month.paragraphs.some((p) => p.entryId === dragged)) event.preventDefault();
                }}
                onDrop={(event) => {
                  event.preventDefault();
                  if (dragged !== null) move(month, dragged, index, false);
                  setDragged(null);
                }}
              >
                <p className="report-paragraph">
                  {paragraph.translateFrom !== null ? (
                    <mark>{`${translationMark(model.language, paragraph.translateFrom)} `}</mark>
                  ) : null}
                  <ReportTextRuns runs={paragraph.runs} />
                </p>
                <div className="report-order" lang={i18next.language}>
                  <button
                    type="button"
                    className="secondary"
                    disabled={index === 0}
                    aria-label={t('reports.moveUp')}
                    onClick={() => move(month, paragraph.entryId, index - 1, false)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={index === month.paragraphs.length - 1}
                    aria-label={t('reports.moveDown')}
                    onClick={() => move(month, paragraph.entryId, index + 1, false)}
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

/**
 * A drafted introduction from the quarter's figures (see shared/report/introduction-draft.ts),
 * shown for the monitor to read; it replaces the introduction only when they take it.
 */
function IntroductionDraft(props: {
  readonly language: ReportLanguage;
  readonly draft: () => string;
  readonly onUse: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  if (text === null)
    return (
      <p>
        <button type="button" className="secondary" onClick={() => setText(props.draft())}>
          {t('reports.draftIntroduction')}
        </button>
      </p>
    );
  return (
    <section aria-labelledby="introduction-draft-title" className="notice">
      <h2 id="introduction-draft-title">{t('reports.draftTitle')}</h2>
      {text === '' ? (
        <p>{t('reports.draftNothing')}</p>
      ) : (
        <p lang={props.language} className="draft-text">
          {text}
        </p>
      )}
      <div className="actions">
        {text !== '' ? (
          <button
            type="button"
            onClick={() => {
              props.onUse(text);
              setText(null);
            }}
          >
            {t('reports.draftUse')}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={() => setText(null)}>
          {t('reports.draftDismiss')}
        </button>
      </div>
    </section>
  );
}

/**
 * What of the quarter is in the section and what is not, each a link to its entry or case: so
 * that an entry with text left out, one never written up, or a case with no entry is seen.
 */
function QuarterCoveragePanel(props: {
  readonly coverage: QuarterCoverage;
  readonly titleOf: (entryId: string) => string;
  readonly caseTitleOf: (caseTag: string) => string;
  readonly onOpen: (caseTag: string | null, entryId: string | null) => void;
}) {
  const { t } = useTranslation();
  const { coverage } = props;
  const entries = (list: readonly QuarterEntry[]) => (
    <EntryLinks
      ids={list.map((entry) => entry.entryId)}
      titleOf={props.titleOf}
      onOpen={(_caseTag, entryId) => props.onOpen(null, entryId)}
    />
  );
  const attention = coverage.excluded.length + coverage.withoutText.length + coverage.quietCases.length;
  return (
    <section aria-labelledby="coverage-title" className={attention > 0 ? 'coverage warning' : 'coverage'}>
      <h2 id="coverage-title">{t('reports.coverage.title')}</h2>
      <details>
        <summary>{t('reports.coverage.included', { count: coverage.included.length })}</summary>
        {entries(coverage.included)}
      </details>
      {coverage.excluded.length > 0 ? (
        <>
          <h3>{t('reports.coverage.excluded', { count: coverage.excluded.length })}</h3>
          {entries(coverage.excluded)}
        </>
      ) : null}
      {coverage.withoutText.length > 0 ? (
        <>
          <h3>{t('reports.coverage.withoutText', { count: coverage.withoutText.length })}</h3>
          {entries(coverage.withoutText)}
        </>
      ) : null}
      {coverage.quietCases.length > 0 ? (
        <>
          <h3>{t('reports.coverage.quiet', { count: coverage.quietCases.length })}</h3>
          <ul className="plain-list">
            {coverage.quietCases.map((caseTag) => (
              <li key={caseTag}>
                <button type="button" className="link-button" onClick={() => props.onOpen(caseTag, null)}>
                  {props.caseTitleOf(caseTag)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
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
