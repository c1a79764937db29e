import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseFieldsOf } from '../../../../shared/domain/case';
import { usePlatform } from '../../platform';
import { useCaseView, useVaultStore } from '../../stores/vault-store';
import { ShareCasePackage } from '../backup';
import { DeadlinesPanel } from '../deadlines';
import { DocumentsPanel } from '../documents';
import { Timeline } from '../timeline';
import { CaseForm } from './CaseForm';
import { CaseHistory } from './CaseHistory';
import { CaseOverview } from './CaseOverview';
import { CaseSummaryExport } from './CaseSummaryExport';
import { QuickDevelopmentActions } from './QuickDevelopmentActions';
import { useCasesUi } from './cases-ui-store';
import { failureText } from '../../i18n/failure-text';

type Tab = 'overview' | 'timeline' | 'documents' | 'deadlines' | 'history';
const TABS: readonly Tab[] = ['overview', 'timeline', 'documents', 'deadlines', 'history'];

/** One case: its overview, timeline and history as tabs, with edit and delete. */
export function CaseDetail({ caseTag }: { readonly caseTag: string }) {
  const { t } = useTranslation();
  const platform = usePlatform();
  const { view, error } = useCaseView(caseTag);
  const updateCase = useVaultStore((s) => s.updateCase);
  const deleteCase = useVaultStore((s) => s.deleteCase);
  // A form the last lock kept for this case opens again where it was.
  const restored = useVaultStore((s) => (s.restoredDraft?.caseTag === caseTag ? s.restoredDraft : null));
  // An entry a link (the Reports screen) asked for: opened once, then forgotten.
  const [linkedEntry] = useState(() => useCasesUi.getState().openEntry);
  useEffect(() => {
    if (linkedEntry !== null) useCasesUi.setState({ openEntry: null });
  }, [linkedEntry]);
  const [tab, setTab] = useState<Tab>(restored?.kind === 'entry' || linkedEntry !== null ? 'timeline' : 'overview');
  const [editing, setEditing] = useState(restored?.kind === 'case');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const back = () => useCasesUi.setState({ openCase: null, openEntry: null });
  // After a save the focus goes to the saved case's heading, where a screen reader starts reading.
  const savedCase = useCasesUi((s) => s.savedCase);
  const loaded = view !== null;
  useEffect(() => {
    if (!savedCase || !loaded || editing) return;
    document.getElementById('case-detail-title')?.focus();
    useCasesUi.setState({ savedCase: false });
  }, [savedCase, loaded, editing]);

  if (view === null) {
    return (
      <>
        <button type="button" className="link-button" onClick={back}>
          {t('cases.back')}
        </button>
        {error ? (
          <p className="error" role="alert">
            {failureText(t, error)}
          </p>
        ) : null}
      </>
    );
  }
  if (editing) {
    return (
      <CaseForm
        heading={t('cases.editHeading')}
        initial={caseFieldsOf(view.record)}
        caseTag={caseTag}
        restored={restored?.kind === 'case' ? restored.form : undefined}
        onCancel={() => setEditing(false)}
        onSave={async (next) => {
          const ok = await updateCase(caseTag, next);
          if (ok) {
            useCasesUi.setState({ savedCase: true });
            setEditing(false);
          }
          return ok;
        }}
      />
    );
  }

  const onTabKey = (event: React.KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    setTab(next);
    document.getElementById(`case-tab-${next}`)?.focus();
  };

  return (
    <article className="case-detail" aria-labelledby="case-detail-title">
      <button type="button" className="link-button" onClick={back}>
        {t('cases.back')}
      </button>
      <div className="view-header">
        <h1 id="case-detail-title" tabIndex={-1}>
          {view.record.title}
        </h1>
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)}>
            {t('cases.edit')}
          </button>
          <ShareCasePackage caseTag={caseTag} />
          <CaseSummaryExport view={view} />
          <button type="button" className="secondary" onClick={() => setConfirmingDelete(true)}>
            {t('cases.delete')}
          </button>
        </div>
      </div>
      {view.record.quick ? <QuickDevelopmentActions caseTag={caseTag} /> : null}
      {confirmingDelete ? (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-delete-text">
          <p id="confirm-delete-text">
            {t(platform.edition === 'desktop' ? 'cases.confirmDeleteDesktop' : 'cases.confirmDeleteWeb')}
          </p>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                void deleteCase(caseTag).then(back);
              }}
            >
              {t('cases.confirmDeleteYes')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmingDelete(false)}>
              {t('cases.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <div role="tablist" aria-label={t('cases.tabs.label')} className="tabs">
        {TABS.map((name, index) => (
          <button
            key={name}
            id={`case-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`case-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            onKeyDown={(event) => onTabKey(event, index)}
          >
            {t(`cases.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div
        id={`case-panel-${tab}`}
        role="tabpanel"
        aria-labelledby={`case-tab-${tab}`}
        tabIndex={0}
        className="tab-panel"
      >
        {tab === 'overview' ? (
          <CaseOverview view={view} />
        ) : tab === 'timeline' ? (
          <Timeline view={view} openEntry={linkedEntry} />
        ) : tab === 'documents' ? (
          <DocumentsPanel view={view} />
        ) : tab === 'deadlines' ? (
          <DeadlinesPanel view={view} />
        ) : (
          <CaseHistory view={view} />
        )}
      </div>
    </article>
  );
}
