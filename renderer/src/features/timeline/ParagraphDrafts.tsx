import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../../shared/domain/texts-by-language';
import { draftParagraph, type ParagraphFacts } from '../../../../shared/report/paragraph-draft';

/**
 * Drafted report paragraphs from the structured fields (see shared/report/paragraph-draft.ts),
 * one per language, shown for the monitor to read: a draft goes into a language's text only when
 * they take it, and a text already written is replaced only when they say so.
 */
export function ParagraphDrafts(props: {
  readonly facts: () => ParagraphFacts;
  readonly written: Readonly<Record<ReportLanguage, string>>;
  readonly onUse: (language: ReportLanguage, text: string) => void;
}) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Record<ReportLanguage, string | null> | null>(null);
  if (drafts === null)
    return (
      <p>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const facts = props.facts();
            setDrafts({
              en: draftParagraph(facts, 'en'),
              ru: draftParagraph(facts, 'ru'),
              kk: draftParagraph(facts, 'kk'),
            });
          }}
        >
          {t('drafts.make')}
        </button>
      </p>
    );
  const any = REPORT_LANGUAGES.some((language) => drafts[language] !== null);
  const empty = REPORT_LANGUAGES.filter(
    (language) => drafts[language] !== null && props.written[language].trim() === '',
  );
  return (
    <section aria-labelledby="paragraph-drafts-title" className="notice">
      <h3 id="paragraph-drafts-title">{t('drafts.title')}</h3>
      {!any ? <p>{t('drafts.nothing')}</p> : null}
      {REPORT_LANGUAGES.map((language) => {
        const text = drafts[language];
        if (text === null) return null;
        const replaces = props.written[language].trim() !== '';
        return (
          <div key={language} className="draft-row">
            <p lang={language} className="draft-text">
              <span className="badge">{t(`language.${language}`)}</span> {text}
            </p>
            <button type="button" className="secondary" onClick={() => props.onUse(language, text)}>
              {t(replaces ? 'drafts.replace' : 'drafts.use', { language: t(`reportLanguage.${language}`) })}
            </button>
          </div>
        );
      })}
      <div className="actions">
        {empty.length > 1 ? (
          <button
            type="button"
            onClick={() => {
              for (const language of empty) props.onUse(language, drafts[language]!);
              setDrafts(null);
            }}
          >
            {t('drafts.useEmpty')}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={() => setDrafts(null)}>
          {t('drafts.close')}
        </button>
      </div>
    </section>
  );
}
