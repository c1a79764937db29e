import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportLanguage } from '../../../../shared/report/locale';

/**
 * A drafted introduction from the quarter's figures (see shared/report/introduction-draft.ts),
 * shown for the monitor to read; it replaces the introduction only when they take it.
 */
export function IntroductionDraft(props: {
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
