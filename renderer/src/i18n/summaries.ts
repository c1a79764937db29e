import type { ImportSummary } from '../../../shared/backup/import-summary';
import type { TFunction } from 'i18next';

/** What a verified backup holds, in a sentence with each count in its plural form (1 дело, 2 дела, 5 дел). */
export function restoreSummaryText(
  t: TFunction,
  summary: { readonly cases: number; readonly entries: number; readonly documents: number },
): string {
  return t('backup.summary', {
    cases: t('counts.cases', { count: summary.cases }),
    entries: t('counts.entries', { count: summary.entries }),
    documents: t('counts.documents', { count: summary.documents }),
  });
}

/** The counts of an import (a merge or a case package), a line each, as the summary shows them. */
export function importSummaryLines(t: TFunction, summary: ImportSummary): string[] {
  return [
    t('backup.importSummary.cases', summary),
    t('backup.importSummary.entries', summary),
    t('backup.importSummary.documents', summary),
    ...(summary.conflicts > 0 ? [t('backup.importSummary.conflicts', { count: summary.conflicts })] : []),
    ...(summary.reportsAdded > 0 ? [t('backup.importSummary.reports', { count: summary.reportsAdded })] : []),
  ];
}
