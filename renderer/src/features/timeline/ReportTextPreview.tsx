import { useTranslation } from 'react-i18next';
import { parseReportText, type ReportRun } from '../../../../shared/report/report-text';

/**
 * The report text as the export will write it: links, bold and italic from the same parser the
 * DOCX uses. Everything is rendered as text nodes; links only with checked targets.
 */
export function ReportTextPreview({ source, id }: { readonly source: string; readonly id?: string }) {
  const { t } = useTranslation();
  const { runs, warnings } = parseReportText(source);
  return (
    <div className="report-preview" id={id}>
      <p className="report-paragraph">
        {runs.length === 0 ? (
          <span className="muted">{t('timeline.previewEmpty')}</span>
        ) : (
          <ReportTextRuns runs={runs} />
        )}
      </p>
      {warnings.map((warning, index) => (
        <p key={index} className="warning" role="status">
          {t('timeline.unsafeLink', { text: warning.text, target: warning.target })}
        </p>
      ))}
    </div>
  );
}

/** Report runs as React nodes: text nodes only, links only with checked targets. */
export function ReportTextRuns({ runs }: { readonly runs: readonly ReportRun[] }) {
  return (
    <>
      {runs.map((run, index) => {
        let node: React.ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.href !== null) {
          node = (
            <a href={run.href} target="_blank" rel="noopener noreferrer">
              {node}
            </a>
          );
        }
        return <span key={index}>{node}</span>;
      })}
    </>
  );
}
