import { useTranslation } from 'react-i18next';

/** The case list. Until the vault holds cases, it explains what will appear here. */
export function CasesView() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cases-title" className="cases-view">
      <h1 id="cases-title">{t('cases.title')}</h1>
      <div className="empty-state" role="status">
        <h2>{t('cases.emptyTitle')}</h2>
        <p>{t('cases.emptyBody')}</p>
        <p className="muted">{t('cases.privacyNote')}</p>
      </div>
    </section>
  );
}
