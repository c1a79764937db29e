import { useTranslation } from 'react-i18next';
import { uiLanguageOf } from '../../../../shared/app/date-format';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { historyLines } from './history-story';

/** Every recorded change of the case, newest first, told in the interface's language. */
export function CaseHistory({ view }: { readonly view: CaseFile }) {
  const { t, i18n } = useTranslation();
  const lines = historyLines(view, t, uiLanguageOf(i18n.language));
  if (lines.length === 0) return <p>{t('history.empty')}</p>;
  return (
    <ol className="history" aria-label={t('history.title')}>
      {lines.map((line, index) => (
        <li key={index}>
          <p>
            <span className="muted">{line.when}</span> — <strong>{line.headline}</strong>
          </p>
          {line.details.length > 0 ? (
            <ul className="plain-list">
              {line.details.map((detail, at) => (
                <li key={at}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
