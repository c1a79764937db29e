import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_KINDS, emptyCaseFields, INITIATOR_TYPES, STAGES } from '../../../../shared/domain/case';
import { REGION_CODES } from '../../../../shared/domain/regions';
import { queryTokens } from '../../../../shared/search/normalize';
import { todayCivil } from '../../../../shared/domain/civil-date';
import { casesToCsv } from '../../../../shared/export/cases-csv';
import { usePlatform } from '../../platform';
import { caseViewsOf, useVaultStore } from '../../stores/vault-store';
import { backupIsDue, CasePackageImport, useBackupNow } from '../backup';
import { CaseDetail } from './CaseDetail';
import { CaseForm } from './CaseForm';
import { regionName } from '../../../../shared/domain/places';
import { CaseList } from './CaseList';
import { QuickDevelopmentForm } from './QuickDevelopmentForm';
import { matchesFilters, NO_FILTERS, periodsIn, regionsIn, sortCases, tagsIn, type CaseSort } from './case-filters';
import { useCasesUi } from './cases-ui-store';
import { failureText } from '../../i18n/failure-text';
import { SavedNotice } from '../../components/SavedNotice';
import { formatQuarterLabel, uiLanguageOf } from '../../../../shared/app/date-format';
import type { SaveFileResult } from '../../platform';
import type { CaseHead } from '../../../../shared/domain/case-head';

/** The Cases section: the list with search and filters, a case, or the new-case form. */
export function CasesView() {
  const openCase = useCasesUi((s) => s.openCase);
  const creating = useCasesUi((s) => s.creating);
  const creatingQuick = useCasesUi((s) => s.creatingQuick);
  const addCase = useVaultStore((s) => s.addCase);
  const restored = useVaultStore((s) =>
    s.restoredDraft?.kind === 'case' && s.restoredDraft.caseTag === null ? s.restoredDraft.form : undefined,
  );
  const { t } = useTranslation();
  if (creating) {
    return (
      <CaseForm
        heading={t('cases.newHeading')}
        initial={emptyCaseFields()}
        caseTag={null}
        restored={restored}
        onCancel={() => useCasesUi.setState({ creating: false })}
        onSave={async (fields) => {
          const caseTag = await addCase(fields);
          if (caseTag !== null) useCasesUi.setState({ creating: false, openCase: caseTag, savedCase: true });
          return caseTag !== null;
        }}
      />
    );
  }
  if (creatingQuick) {
    return (
      <QuickDevelopmentForm
        onCancel={() => useCasesUi.setState({ creatingQuick: false })}
        onSaved={() => useCasesUi.setState({ creatingQuick: false, notice: t('quick.saved') })}
      />
    );
  }
  if (openCase !== null) return <CaseDetail key={openCase} caseTag={openCase} />;
  return <CaseListPage />;
}

function CaseListPage() {
  const { t, i18n } = useTranslation();
  const platform = usePlatform();
  const cases = useVaultStore((s) => s.cases);
  const search = useVaultStore((s) => s.search);
  const searchVersion = useVaultStore((s) => s.searchVersion);
  const failures = useVaultStore((s) => s.failures);
  const error = useVaultStore((s) => s.error);
  const backupDue = useVaultStore((s) => backupIsDue(s.settings.lastBackupAt, firstUseOf(s.cases)));
  const backupNow = useBackupNow();
  const busy = useVaultStore((s) => s.busy);
  const [csvSaved, setCsvSaved] = useState<SaveFileResult | null>(null);
  const query = useCasesUi((s) => s.query);
  const filters = useCasesUi((s) => s.filters);
  const sort = useCasesUi((s) => s.sort);
  const notice = useCasesUi((s) => s.notice);
  const deferredQuery = useDeferredValue(query);
  const [importing, setImporting] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);

  const tokens = useMemo(() => queryTokens(deferredQuery), [deferredQuery]);
  // The index answers from its worker; the hits are kept with the query (and index version) they answer.
  const [hits, setHits] = useState<{ key: string; ids: readonly string[] } | null>(null);
  const hitsKey = `${searchVersion}\u0000${deferredQuery}`;
  const searching = tokens.length > 0 && hits?.key !== hitsKey;
  useEffect(() => {
    if (tokens.length === 0) return;
    let current = true;
    void search.search(deferredQuery).then((found) => {
      if (current) setHits({ key: hitsKey, ids: found });
    });
    return () => {
      current = false;
    };
  }, [search, hitsKey, deferredQuery, tokens.length]);
  const shown = useMemo(() => {
    const filtered = cases.filter((view) => matchesFilters(view, filters));
    if (tokens.length === 0) return sortCases(filtered, sort, i18n.language);
    if (hits === null) return [];
    const byTag = new Map(filtered.map((view) => [view.caseTag, view]));
    // Search results keep their relevance order; filters still apply.
    return hits.ids.flatMap((id) => byTag.get(id) ?? []);
  }, [cases, filters, sort, tokens, hits, i18n.language]);

  /** The cases shown (search and filters applied) as a spreadsheet. */
  const exportCsv = async () => {
    const text = casesToCsv(
      caseViewsOf(shown).map((view) => view.record),
      {
        columns: [
          t('cases.field.title'),
          t('cases.field.kind'),
          t('cases.field.stage'),
          t('cases.field.proceduralStatus'),
          t('cases.section.targets'),
          t('cases.field.initiatorName'),
          t('cases.field.initiatorType'),
          t('cases.field.stateActor'),
          t('cases.field.court'),
          t('cases.field.caseNumbers'),
          t('cases.section.legal'),
          t('cases.field.claimedKzt'),
          t('cases.field.awardedKzt'),
          t('cases.field.outcome'),
          t('cases.field.verificationStatus'),
          t('cases.field.tags'),
          t('cases.field.summary'),
        ],
        value: (field, code) => t(`cases.${field}.${code}` as 'cases.kind.other'),
        yes: t('cases.yes'),
        no: t('cases.no'),
        anonymous: t('cases.anonymous'),
      },
    );
    const result = await platform.saveFile({
      suggestedName: `qorgau-cases-${todayCivil()}.csv`,
      bytes: new TextEncoder().encode(text),
      mimeType: 'text/csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    setCsvSaved(result);
  };

  // Filter choices come from the cases; computed once per change of the list, not per render.
  const regions = useMemo(() => regionsIn(cases), [cases]);
  const periods = useMemo(() => periodsIn(cases), [cases]);
  const tags = useMemo(() => tagsIn(cases, i18n.language), [cases, i18n.language]);
  const setFilter = (key: keyof typeof filters, value: string) =>
    useCasesUi.setState((s) => ({ filters: { ...s.filters, [key]: value } }));
  const any = { value: '', label: t('cases.filters.any') };
  const filterSelects: Array<{
    key: keyof typeof filters;
    label: string;
    options: Array<{ value: string; label: string }>;
  }> = [
    {
      key: 'kind',
      label: t('cases.filters.kind'),
      options: CASE_KINDS.map((v) => ({ value: v, label: t(`cases.kind.${v}`) })),
    },
    {
      key: 'stage',
      label: t('cases.filters.stage'),
      options: STAGES.map((v) => ({ value: v, label: t(`cases.stage.${v}`) })),
    },
    {
      key: 'region',
      label: t('cases.filters.region'),
      // Listed regions in the list's order, then typed places; each with how many cases name it.
      options: [...regions]
        .sort((a, b) => regionOrder(a.key) - regionOrder(b.key))
        .map((place) => ({
          value: place.key,
          label: `${regionName(place.typed, uiLanguageOf(i18n.language))} (${place.cases})`,
        })),
    },
    {
      key: 'initiatorType',
      label: t('cases.filters.initiatorType'),
      options: INITIATOR_TYPES.map((v) => ({ value: v, label: t(`cases.initiatorType.${v}`) })),
    },
    {
      key: 'period',
      label: t('cases.filters.period'),
      options: periods.map((v) => ({ value: v, label: formatQuarterLabel(v, uiLanguageOf(i18n.language)) })),
    },
    {
      key: 'tag',
      label: t('cases.filters.tag'),
      options: tags.map((v) => ({ value: v, label: v })),
    },
  ];

  // The filters in use, as chips under the bar (each removes its filter), whether or not the bar is open.
  const active = filterSelects.flatMap((filter) => {
    const chosen = filter.options.find((option) => option.value === filters[filter.key]);
    return chosen ? [{ key: filter.key, label: filter.label, value: chosen.label }] : [];
  });

  return (
    <section aria-labelledby="cases-title" className="cases-view list-page">
      <div className="view-header">
        <h1 id="cases-title">{t('cases.title')}</h1>
        <div className="actions">
          {cases.length > 0 ? (
            <button type="button" className="secondary" onClick={() => void exportCsv()}>
              {t('cases.exportCsv')}
            </button>
          ) : null}
          <button
            type="button"
            className="secondary"
            aria-expanded={importing}
            onClick={() => setImporting(!importing)}
          >
            {t('backup.package.import')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => useCasesUi.setState({ creatingQuick: true, notice: null })}
          >
            {t('quick.new')}
          </button>
          <button type="button" onClick={() => useCasesUi.setState({ creating: true, notice: null })}>
            {t('cases.new')}
          </button>
        </div>
      </div>
      {notice ? <p role="status">{notice}</p> : null}
      {importing ? <CasePackageImport /> : null}
      {backupDue ? (
        <div className="warning backup-due" role="status">
          <p>{t('backup.due')}</p>
          <button type="button" disabled={busy} onClick={() => void backupNow.backup()}>
            {t('backup.now')}
          </button>
        </div>
      ) : null}
      <SavedNotice result={backupNow.saved} />
      <SavedNotice result={csvSaved} />
      {failures.length > 0 ? (
        <div className="integrity-alert" role="alert">
          <h2>{t('cases.integrityTitle')}</h2>
          <ul>
            {failures.map((failure, index) => (
              <li key={index}>{failureText(t, failure)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error && !importing ? (
        <p className="error" role="alert">
          {failureText(t, error)}
        </p>
      ) : null}
      {cases.length === 0 ? (
        <div className="empty-state" role="status">
          <h2>{t('cases.emptyTitle')}</h2>
          <p>{t('cases.emptyBody')}</p>
          <p className="muted">{t('cases.privacyNote')}</p>
        </div>
      ) : (
        <>
          <div className="list-controls" role="search">
            <div className="list-bar">
              <div className="field search-field">
                <label htmlFor="case-search" className="visually-hidden">
                  {t('cases.search.label')}
                </label>
                <input
                  id="case-search"
                  type="search"
                  value={query}
                  placeholder={t('cases.search.placeholder')}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(event) => useCasesUi.setState({ query: event.target.value })}
                />
              </div>
              <button
                type="button"
                className="secondary filters-toggle"
                aria-expanded={filtersOpen}
                aria-controls="case-filters"
                onClick={() => setFiltersOpen(!filtersOpen)}
              >
                {active.length > 0
                  ? t('cases.filters.toggleActive', { count: active.length })
                  : t('cases.filters.toggle')}
              </button>
              <div className="field sort-field">
                <label htmlFor="case-sort">{t('cases.filters.sort')}</label>
                <select
                  id="case-sort"
                  value={sort}
                  disabled={tokens.length > 0}
                  onChange={(event) => useCasesUi.setState({ sort: event.target.value as CaseSort })}
                >
                  {(['updated', 'title', 'kind', 'latest'] as const).map((value) => (
                    <option key={value} value={value}>
                      {t(`cases.sort.${value}`)}
                    </option>
                  ))}
                </select>
              </div>
              <p className="muted list-count" role="status" aria-live="polite">
                {shown.length === cases.length
                  ? t('cases.count', { count: cases.length })
                  : t('cases.shown', { shown: shown.length, total: cases.length })}
              </p>
            </div>
            {filtersOpen ? (
              <fieldset className="filters" id="case-filters">
                <legend className="visually-hidden">{t('cases.filters.label')}</legend>
                {filterSelects.map((filter) => (
                  <div className="field" key={filter.key}>
                    <label htmlFor={`filter-${filter.key}`}>{filter.label}</label>
                    <select
                      id={`filter-${filter.key}`}
                      value={filters[filter.key]}
                      onChange={(event) => setFilter(filter.key, event.target.value)}
                    >
                      {[any, ...filter.options].map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </fieldset>
            ) : null}
            {active.length > 0 || query !== '' ? (
              <ul className="filter-chips" aria-label={t('cases.filters.active')}>
                {active.map((filter) => (
                  <li key={filter.key}>
                    <button
                      type="button"
                      className="chip"
                      aria-label={t('cases.filters.remove', { filter: `${filter.label}: ${filter.value}` })}
                      onClick={() => setFilter(filter.key, '')}
                    >
                      {filter.label}: {filter.value} <span aria-hidden="true">×</span>
                    </button>
                  </li>
                ))}
                <li>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => useCasesUi.setState({ filters: NO_FILTERS, query: '' })}
                  >
                    {t('cases.filters.clear')}
                  </button>
                </li>
              </ul>
            ) : null}
          </div>
          {shown.length === 0 ? (
            <p role="status">{searching ? t('cases.searching') : t('cases.noMatches')}</p>
          ) : (
            <CaseList cases={shown} tokens={tokens} onOpen={(caseTag) => useCasesUi.setState({ openCase: caseTag })} />
          )}
        </>
      )}
    </section>
  );
}

/** A listed region's place in the list; typed places after every listed one. */
function regionOrder(key: string): number {
  const index = (REGION_CODES as readonly string[]).indexOf(key);
  return index === -1 ? REGION_CODES.length : index;
}

/** When the vault was first used: its earliest case's creation (null: no case yet). */
function firstUseOf(heads: readonly CaseHead[]): string | null {
  let first: string | null = null;
  for (const head of heads) if (first === null || head.record.createdAt < first) first = head.record.createdAt;
  return first;
}
