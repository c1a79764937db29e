import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REPORT_LANGUAGES,
  type ReportLanguage,
  type TextsByLanguage,
} from '../../../../shared/domain/texts-by-language';
import { ReportTextPreview } from './ReportTextPreview';
import { useValidationMessage } from '../../components/form-fields';

/**
 * A report paragraph in each of the report's languages: one tab per language (each says whether
 * its text is written), the text of the chosen one with its preview as the export will write it.
 * Opens on the interface's language. Arrow keys move between the tabs, as for any tab list.
 */
export function ReportTextsField(props: {
  readonly value: TextsByLanguage;
  readonly onChange: (language: ReportLanguage, text: string) => void;
  readonly errors?: Partial<Record<ReportLanguage, string | undefined>>;
}) {
  const { t, i18n } = useTranslation();
  const message = useValidationMessage();
  const id = useId();
  const start = (REPORT_LANGUAGES as readonly string[]).includes(i18n.language)
    ? (i18n.language as ReportLanguage)
    : 'en';
  const [shown, setShown] = useState<ReportLanguage>(start);
  const tabs = useRef<Partial<Record<ReportLanguage, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const at = REPORT_LANGUAGES.indexOf(shown);
    const next = REPORT_LANGUAGES[(at + step + REPORT_LANGUAGES.length) % REPORT_LANGUAGES.length]!;
    setShown(next);
    tabs.current[next]?.focus();
  };
  const error = props.errors?.[shown];
  return (
    <fieldset className="report-texts">
      <legend>{t('timeline.field.reportText')}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {t('timeline.field.reportTextHint')}
      </p>
      <div role="tablist" aria-label={t('timeline.field.reportText')} className="tabs" onKeyDown={onKeyDown}>
        {REPORT_LANGUAGES.map((language) => {
          const written = props.value[language].trim() !== '';
          return (
            <button
              key={language}
              ref={(element) => {
                tabs.current[language] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${language}`}
              aria-selected={shown === language}
              aria-controls={`${id}-panel`}
              tabIndex={shown === language ? 0 : -1}
              onClick={() => setShown(language)}
            >
              {t(`language.${language}`)} <span aria-hidden="true">{written ? '●' : '○'}</span>
              <span className="visually-hidden">{written ? t('timeline.textWritten') : t('timeline.textMissing')}</span>
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${shown}`}>
        <label htmlFor={`${id}-text`}>
          {t('timeline.field.reportTextIn', { language: t(`reportLanguage.${shown}`) })}
        </label>
        <textarea
          id={`${id}-text`}
          lang={shown}
          rows={4}
          value={props.value[shown]}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => props.onChange(shown, event.target.value)}
        />
        {error ? (
          <p className="error" id={`${id}-error`} role="alert">
            {message(error)}
          </p>
        ) : null}
        <section aria-labelledby={`${id}-preview`} className="preview-box" lang={shown}>
          <h3 id={`${id}-preview`}>{t('timeline.preview')}</h3>
          <ReportTextPreview source={props.value[shown]} />
        </section>
      </div>
    </fieldset>
  );
}
