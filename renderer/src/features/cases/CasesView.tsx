import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVaultStore } from '../../stores/vault-store';
import { NewCaseForm } from './NewCaseForm';

/** The case list of the unlocked vault, with a form to open a new case file. */
export function CasesView() {
  const { t } = useTranslation();
  const cases = useVaultStore((s) => s.cases);
  const failures = useVaultStore((s) => s.failures);
  const error = useVaultStore((s) => s.error);
  const [adding, setAdding] = useState(false);

  return (
    <section aria-labelledby="cases-title" className="cases-view">
      <div className="view-header">
        <h1 id="cases-title">{t('cases.title')}</h1>
        {adding ? null : (
          <button type="button" onClick={() => setAdding(true)}>
            {t('cases.new')}
          </button>
        )}
      </div>
      {failures.length > 0 ? (
        <div className="integrity-alert" role="alert">
          <h2>{t('cases.integrityTitle')}</h2>
          <ul>
            {failures.map((failure) => (
              <li key={failure}>{failure}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {adding ? <NewCaseForm onDone={() => setAdding(false)} /> : null}
      {cases.length === 0 && !adding ? (
        <div className="empty-state" role="status">
          <h2>{t('cases.emptyTitle')}</h2>
          <p>{t('cases.emptyBody')}</p>
          <p className="muted">{t('cases.privacyNote')}</p>
        </div>
      ) : (
        <ul className="case-list" aria-label={t('cases.listLabel')}>
          {cases.map(({ caseTag, record }) => (
            <li key={caseTag} className="case-item">
              <span className="case-title">{record.title}</span>
              <span className="case-kind">{t(`cases.kind.${record.kind}`)}</span>
              {record.summary ? <p className="case-summary">{record.summary}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
