import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { CasesView, resetCasesUi, useCasesUi } from '../features/cases';
import { AgendaView, hasAnythingNext, TodayView, useReminders } from '../features/agenda';
import { todayCivil } from '../../../shared/domain/civil-date';
import { ReportsView } from '../features/reports';
import { SettingsView } from '../features/settings';
import { CreateVaultView, RecoveryKeyView, UnlockView, VaultMissingView, VaultReplacedView } from '../features/vault';
import type { Platform } from '../platform';
import { useAppStore } from '../stores/app-store';
import { useVaultStore } from '../stores/vault-store';
import { useLockOnRequest, useVaultLocking } from './use-vault-locking';
import { failureText } from '../i18n/failure-text';

type Section = 'today' | 'cases' | 'agenda' | 'reports' | 'settings';

export function App({ platform }: { readonly platform: Platform }) {
  const { t } = useTranslation();
  const appInfo = useAppStore((state) => state.appInfo);
  const loadAppInfo = useAppStore((state) => state.loadAppInfo);
  const status = useVaultStore((s) => s.status);
  const recoveryKey = useVaultStore((s) => s.recoveryKey);
  const autoLockMinutes = useVaultStore((s) => s.settings.autoLockMinutes);
  const lock = useVaultStore((s) => s.lock);
  const acknowledgeRecoveryKey = useVaultStore((s) => s.acknowledgeRecoveryKey);
  const recoveryKeyIsNew = useVaultStore((s) => s.recoveryKeyIsNew);
  const start = useVaultStore((s) => s.start);
  const startError = useVaultStore((s) => (s.status === 'starting' ? s.error : null));

  useEffect(() => {
    void loadAppInfo(platform);
  }, [loadAppInfo, platform]);
  useEffect(() => {
    void start();
  }, [start]);
  // While a new recovery key is shown, locking at a keystroke would lose it: the shortcut and
  // "Lock now" wait until it is confirmed. The idle lock does not.
  const showingRecoveryKey = recoveryKey !== null;
  useVaultLocking({ active: status === 'unlocked', minutes: autoLockMinutes, lock, shortcut: !showingRecoveryKey });
  useLockOnRequest(platform.onLockRequest, status === 'unlocked', lock);

  const unlocked = status === 'unlocked' && recoveryKey === null;

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-meta">
          <span className="edition" data-testid="app-version">
            {appInfo ? t('app.version', { version: appInfo.version }) : null}
            {appInfo ? ' · ' : null}
            {t(platform.edition === 'desktop' ? 'app.edition.desktop' : 'app.edition.web')}
          </span>
          <LanguageSwitcher />
          {status === 'unlocked' && !showingRecoveryKey ? (
            <button
              type="button"
              className="secondary"
              onClick={lock}
              aria-keyshortcuts="Control+Shift+L"
              title={t('vault.lockShortcut')}
            >
              {t('vault.lockNow')}
            </button>
          ) : null}
        </div>
      </header>
      <div className="app-body">
        {unlocked ? (
          <Workspace />
        ) : (
          <main id="main" className="app-main" tabIndex={-1}>
            {status === 'starting' ? (
              <p role="status">{startError ? failureText(t, startError) : t('vault.starting')}</p>
            ) : status === 'absent' ? (
              <CreateVaultView />
            ) : status === 'missing' ? (
              <VaultMissingView />
            ) : status === 'replaced' ? (
              <VaultReplacedView />
            ) : status === 'locked' ? (
              <UnlockView />
            ) : recoveryKey !== null ? (
              <RecoveryKeyView
                recoveryKey={recoveryKey}
                onConfirmed={acknowledgeRecoveryKey}
                heading={recoveryKeyIsNew ? 'new' : 'first'}
              />
            ) : null}
          </main>
        )}
      </div>
    </div>
  );
}

/**
 * The unlocked app. It unmounts on lock, so nothing it showed (or where the person was) survives
 * the lock: the next unlock starts at the case list.
 */
function Workspace() {
  const { t } = useTranslation();
  // What is next comes first, when anything is (a vault with nothing due opens on its cases); a
  // form the last lock kept reopens where it was, among the cases.
  const [section, setSection] = useState<Section>(() => {
    const { restoredDraft, cases } = useVaultStore.getState();
    return restoredDraft === null && hasAnythingNext(cases, todayCivil()) ? 'today' : 'cases';
  });
  // A search typed before the lock is case data too: it does not survive the lock.
  useEffect(() => resetCasesUi, []);
  // A form the last lock kept unsaved: back to it (the case opens the form; see form-drafts.ts).
  useEffect(() => {
    const draft = useVaultStore.getState().restoredDraft;
    if (draft === null) return;
    if (draft.kind === 'quick') useCasesUi.setState({ creatingQuick: true });
    else if (draft.kind === 'case' && draft.caseTag === null) useCasesUi.setState({ creating: true });
    else useCasesUi.setState({ openCase: draft.caseTag });
  }, []);
  useReminders(true);
  return (
    <>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          {(['today', 'cases', 'agenda', 'reports', 'settings'] as const).map((name) => (
            <li key={name}>
              <button
                type="button"
                className="nav-item"
                aria-current={section === name ? 'page' : undefined}
                onClick={() => {
                  // "Cases" shows the list, whatever case was open last.
                  if (name === 'cases') useCasesUi.setState({ openCase: null, openEntry: null });
                  setSection(name);
                }}
              >
                {t(`nav.${name}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        {section === 'today' ? (
          <TodayView onOpenCase={() => setSection('cases')} onAgenda={() => setSection('agenda')} />
        ) : section === 'cases' ? (
          <CasesView />
        ) : section === 'reports' ? (
          <ReportsView onOpenCase={() => setSection('cases')} />
        ) : section === 'agenda' ? (
          <AgendaView onOpenCase={() => setSection('cases')} />
        ) : (
          <SettingsView />
        )}
      </main>
    </>
  );
}
