import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { CasesView } from '../features/cases';
import type { Platform } from '../platform';
import { useAppStore } from '../stores/app-store';

export function App({ platform }: { readonly platform: Platform }) {
  const { t } = useTranslation();
  const appInfo = useAppStore((state) => state.appInfo);
  const loadAppInfo = useAppStore((state) => state.loadAppInfo);

  useEffect(() => {
    void loadAppInfo(platform);
  }, [loadAppInfo, platform]);

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
        </div>
      </header>
      <div className="app-body">
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul>
            <li>
              <a href="#main" aria-current="page">
                {t('nav.cases')}
              </a>
            </li>
          </ul>
        </nav>
        <main id="main" className="app-main" tabIndex={-1}>
          <CasesView />
        </main>
      </div>
    </div>
  );
}
