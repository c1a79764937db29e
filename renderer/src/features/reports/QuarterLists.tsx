import { useTranslation } from 'react-i18next';
import type { SectionModel } from '../../../../shared/report/legal-pressure-section';
import type { ReportLanguage } from '../../../../shared/report/locale';
import type { QuarterCoverage, QuarterEntry } from '../../../../shared/report/quarter-coverage';

/**
 * Asked before exporting a language some developments have no text in: each is listed (a link to
 * its entry); they are left out, or put in with another language's text marked for translation.
 */
export function UntranslatedDialog(props: {
  readonly language: ReportLanguage;
  readonly untranslated: SectionModel['untranslated'];
  readonly titleOf: (entryId: string) => string;
  readonly onOpen: (entryId: string) => void;
  readonly onChoose: (choice: 'leave-out' | 'mark' | null) => void;
}) {
  const { t } = useTranslation();
  const language = t(`reportLanguage.${props.language}`);
  return (
    <div className="confirm" role="dialog" aria-labelledby="untranslated-dialog-title">
      <h2 id="untranslated-dialog-title">
        {t('reports.untranslatedAsk', { count: props.untranslated.length, language })}
      </h2>
      <ul className="plain-list">
        {props.untranslated.map((u) => (
          <li key={u.entryId}>
            <button type="button" className="link-button" onClick={() => props.onOpen(u.entryId)}>
              {props.titleOf(u.entryId)}
            </button>{' '}
            <span className="muted">({t('reports.textIn', { language: t(`reportLanguage.${u.from}`) })})</span>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => props.onChoose('mark')}>
          {t('reports.untranslatedMark')}
        </button>
        <button type="button" className="secondary" onClick={() => props.onChoose('leave-out')}>
          {t('reports.untranslatedLeaveOut')}
        </button>
        <button type="button" className="secondary" onClick={() => props.onChoose(null)}>
          {t('reports.untranslatedCancel')}
        </button>
      </div>
    </div>
  );
}

/** Entries as links to their place on their case's timeline. */
export function EntryLinks(props: {
  readonly ids: readonly string[];
  readonly titleOf: (entryId: string) => string;
  readonly onOpen: (caseTag: string | null, entryId: string) => void;
}) {
  return (
    <ul className="plain-list">
      {props.ids.map((entryId) => (
        <li key={entryId}>
          <button type="button" className="link-button" onClick={() => props.onOpen(null, entryId)}>
            {props.titleOf(entryId)}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * What of the quarter is in the section and what is not, each a link to its entry or case: so
 * that an entry with text left out, one never written up, or a case with no entry is seen.
 */
export function QuarterCoveragePanel(props: {
  readonly coverage: QuarterCoverage;
  readonly titleOf: (entryId: string) => string;
  readonly caseTitleOf: (caseTag: string) => string;
  readonly onOpen: (caseTag: string | null, entryId: string | null) => void;
}) {
  const { t } = useTranslation();
  const { coverage } = props;
  const entries = (list: readonly QuarterEntry[]) => (
    <EntryLinks
      ids={list.map((entry) => entry.entryId)}
      titleOf={props.titleOf}
      onOpen={(_caseTag, entryId) => props.onOpen(null, entryId)}
    />
  );
  const attention = coverage.excluded.length + coverage.withoutText.length + coverage.quietCases.length;
  return (
    <section aria-labelledby="coverage-title" className={attention > 0 ? 'coverage warning' : 'coverage'}>
      <h2 id="coverage-title">{t('reports.coverage.title')}</h2>
      <details>
        <summary>{t('reports.coverage.included', { count: coverage.included.length })}</summary>
        {entries(coverage.included)}
      </details>
      {coverage.excluded.length > 0 ? (
        <>
          <h3>{t('reports.coverage.excluded', { count: coverage.excluded.length })}</h3>
          {entries(coverage.excluded)}
        </>
      ) : null}
      {coverage.withoutText.length > 0 ? (
        <>
          <h3>{t('reports.coverage.withoutText', { count: coverage.withoutText.length })}</h3>
          {entries(coverage.withoutText)}
        </>
      ) : null}
      {coverage.quietCases.length > 0 ? (
        <>
          <h3>{t('reports.coverage.quiet', { count: coverage.quietCases.length })}</h3>
          <ul className="plain-list">
            {coverage.quietCases.map((caseTag) => (
              <li key={caseTag}>
                <button type="button" className="link-button" onClick={() => props.onOpen(caseTag, null)}>
                  {props.caseTitleOf(caseTag)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
