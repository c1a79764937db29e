import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCivilDate, formatCivilMonth, uiLanguageOf } from '../../../../shared/app/date-format';
import { isCivilDate, todayCivil } from '../../../../shared/domain/civil-date';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { ImportRefusedError, type ImportRefusal } from '../../../../shared/import/import-errors';
import { proposeImport, type ProposalAction } from '../../../../shared/import/import-plan';
import { defaultDecision, pastReportWrites, type Decision } from '../../../../shared/import/import-writes';
import { readPastReport, type PastSection } from '../../../../shared/import/past-report';
import { randomId } from '../../../../shared/crypto/bytes';
import { usePlatform } from '../../platform';
import { caseViewsOf, useVaultStore } from '../../stores/vault-store';
import { PastReportRow, type RowChoice } from './PastReportRow';

/** A file the monitor chose: read (with the year its months are in), or refused and why. */
type ChosenFile =
  | { readonly name: string; readonly section: PastSection; readonly year: number }
  | { readonly name: string; readonly refused: ImportRefusal };

const ACCEPT =
  '.docx,.docm,.doc,.txt,.md,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What the selected rows can be set to at once, and the button that does it. */
const BULK_CHOICES = [
  ['proposed', 'pastReports.asProposed'],
  ['quick', 'pastReports.asQuick'],
  ['skip', 'pastReports.skipSelected'],
] as const;

/**
 * Bringing past reports in: choose the Legal Pressure sections published before (Word or the
 * report's plain text, in any of the three languages, several at once), then review what each
 * development would become — an entry of the case it is about, a quick development, a new case,
 * or nothing — and confirm. Nothing is written before the confirmation, and then in one write.
 */
export function PastReportsImport({ onClose }: { readonly onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const ui = uiLanguageOf(i18n.language);
  const platform = usePlatform();
  const heads = useVaultStore((s) => s.cases);
  const reports = useVaultStore((s) => s.settings.reports);
  const busy = useVaultStore((s) => s.busy);
  const importPastReports = useVaultStore((s) => s.importPastReports);
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [decisions, setDecisions] = useState<ReadonlyMap<string, Decision>>(new Map());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);

  const cases: CaseFile[] = useMemo(() => caseViewsOf(heads), [heads]);
  const orders = useMemo(
    () => Object.fromEntries(Object.entries(reports).map(([quarter, report]) => [quarter, report.order])),
    [reports],
  );
  const read = useMemo(
    () => files.flatMap((file) => ('section' in file ? [{ section: file.section, year: file.year }] : [])),
    [files],
  );
  const review = useMemo(() => proposeImport(read, cases, orders), [read, cases, orders]);
  const decisionOf = (key: string) =>
    decisions.get(key) ?? defaultDecision(review.proposals.find((p) => p.group.key === key)!);
  const tracked = cases
    .filter((view) => view.record.quick !== true)
    .sort((a, b) => a.record.title.localeCompare(b.record.title));
  const toWrite = review.proposals.filter((p) => decisionOf(p.group.key).action.kind !== 'skip').length;
  const missing = review.proposals.reduce((n, p) => n + p.group.missingLinks.length, 0);

  const choose = async () => {
    const picked = await platform.pickFiles({ multiple: true, accept: ACCEPT });
    const chosen: ChosenFile[] = [];
    for (const file of picked) {
      try {
        const section = await readPastReport({
          name: file.name,
          size: file.size,
          bytes: async () => new Uint8Array(await file.arrayBuffer()),
        });
        chosen.push({ name: file.name, section, year: section.year ?? Number(todayCivil().slice(0, 4)) });
      } catch (error) {
        if (!(error instanceof ImportRefusedError)) throw error;
        chosen.push({ name: file.name, refused: error.refusal });
      }
    }
    setFiles((current) => [...current.filter((f) => !chosen.some((c) => c.name === f.name)), ...chosen]);
    setDecisions(new Map());
    setSelected(new Set());
    setDone(null);
  };

  const decide = (key: string, patch: Partial<Decision>) =>
    setDecisions((current) => new Map(current).set(key, { ...decisionOf(key), ...patch }));
  const decideSelected = (choice: 'proposed' | 'quick' | 'skip') => {
    setDecisions((current) => {
      const next = new Map(current);
      for (const proposal of review.proposals) {
        if (!selected.has(proposal.group.key)) continue;
        const action: ProposalAction =
          choice === 'proposed'
            ? proposal.action
            : choice === 'skip'
              ? { kind: 'skip' }
              : proposal.action.kind === 'texts'
                ? proposal.action
                : { kind: 'quick' };
        next.set(proposal.group.key, { ...decisionOf(proposal.group.key), action });
      }
      return next;
    });
  };

  const confirm = async () => {
    const write = pastReportWrites(review.proposals, decisions, cases, {
      now: new Date().toISOString(),
      newId: randomId,
      orders,
    });
    if (await importPastReports(write, cases)) {
      setDone(t('pastReports.done', { ...write.counts }));
      setFiles([]);
      setDecisions(new Map());
      setSelected(new Set());
    }
  };

  const rowChoice = (key: string): RowChoice => ({ decision: decisionOf(key), selected: selected.has(key) });
  return (
    <section aria-labelledby="past-reports-title" className="past-reports">
      <div className="view-header">
        <h1 id="past-reports-title">{t('pastReports.title')}</h1>
        <button type="button" className="secondary" onClick={onClose}>
          {t('pastReports.back')}
        </button>
      </div>
      <p className="muted">{t('pastReports.explain')}</p>
      <button type="button" onClick={() => void choose()}>
        {t('pastReports.choose')}
      </button>
      {done === null ? null : <p role="status">{done}</p>}
      {files.length === 0 ? null : (
        <ul className="past-files" aria-label={t('pastReports.files')}>
          {files.map((file) => (
            <li key={file.name}>
              <strong>{file.name}</strong>{' '}
              {'refused' in file ? (
                <span role="alert" className="error">
                  {t(`pastReports.refused.${file.refused}`)} {t('pastReports.nothingWritten')}
                </span>
              ) : (
                <>
                  {t('pastReports.fileRead', {
                    language: t(`reportLanguage.${file.section.language}`),
                    count: file.section.developments.length,
                  })}{' '}
                  <label>
                    {t('pastReports.year')}{' '}
                    <input
                      type="number"
                      min={1990}
                      max={2100}
                      value={file.year}
                      onChange={(event) => {
                        const year = Number(event.target.value);
                        if (year >= 1990 && year <= 2100)
                          setFiles((current) => current.map((f) => (f.name === file.name ? { ...f, year } : f)));
                      }}
                    />
                  </label>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {read.length === 0 ? null : (
        <>
          <p role="status">
            {t('pastReports.summary', { count: review.proposals.length })}{' '}
            {review.alreadyIn > 0 ? t('pastReports.alreadyIn', { count: review.alreadyIn }) : ''}{' '}
            {missing > 0 ? t('pastReports.missingLinks', { count: missing }) : ''}
          </p>
          {review.proposals.length === 0 ? null : (
            <>
              <div className="bulk-bar" role="group" aria-label={t('pastReports.bulk')}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={selected.size === review.proposals.length}
                    onChange={(event) =>
                      setSelected(event.target.checked ? new Set(review.proposals.map((p) => p.group.key)) : new Set())
                    }
                  />
                  {t('pastReports.selectAll')}
                </label>
                {BULK_CHOICES.map(([choice, label]) => (
                  <button
                    key={choice}
                    type="button"
                    className="secondary"
                    disabled={selected.size === 0}
                    onClick={() => decideSelected(choice)}
                  >
                    {t(label)}
                  </button>
                ))}
              </div>
              <ol className="past-proposals" aria-label={t('pastReports.proposals')}>
                {review.proposals.map((proposal, index) => (
                  <PastReportRow
                    key={proposal.group.key}
                    number={index + 1}
                    proposal={proposal}
                    choice={rowChoice(proposal.group.key)}
                    tracked={tracked}
                    cases={cases}
                    monthLabel={formatCivilMonth(
                      `${proposal.group.year}-${String(proposal.group.month).padStart(2, '0')}-01`,
                      ui,
                    )}
                    dayLabel={(() => {
                      const day = proposal.group.suggestedDay;
                      const date = `${proposal.group.year}-${String(proposal.group.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
                      return day !== null && isCivilDate(date) ? formatCivilDate(date, ui) : null;
                    })()}
                    onDecide={(patch) => decide(proposal.group.key, patch)}
                    onSelect={(on) =>
                      setSelected((current) => {
                        const next = new Set(current);
                        if (on) next.add(proposal.group.key);
                        else next.delete(proposal.group.key);
                        return next;
                      })
                    }
                  />
                ))}
              </ol>
              <div className="actions">
                <button type="button" disabled={busy || toWrite === 0} onClick={() => void confirm()}>
                  {t('pastReports.confirm', { count: toWrite })}
                </button>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
