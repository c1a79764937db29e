import type { CaseRecord } from '../domain/case';

/** Column headers and value labels in the person's language, supplied by the UI. */
export type CsvLabels = {
  readonly columns: readonly string[];
  readonly value: (
    field: 'kind' | 'stage' | 'proceduralStatus' | 'initiatorType' | 'verification',
    code: string,
  ) => string;
  readonly yes: string;
  readonly no: string;
  readonly anonymous: string;
};

/**
 * The case list as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel shows Cyrillic),
 * CRLF rows, RFC 4180 quoting. Cells that a spreadsheet would run as a formula are defused with a
 * leading apostrophe. Targets marked "anonymity required" are never named, and privileged notes
 * are not a column.
 */
export function casesToCsv(cases: readonly CaseRecord[], labels: CsvLabels): string {
  const rows = cases.map((record) => [
    record.title,
    labels.value('kind', record.kind),
    labels.value('stage', record.stage),
    labels.value('proceduralStatus', record.proceduralStatus),
    record.targets
      .map((t) => [t.anonymityRequired ? labels.anonymous : t.name, t.outlet].filter(Boolean).join(', '))
      .join('; '),
    record.initiator.name,
    labels.value('initiatorType', record.initiator.type),
    record.initiator.stateActor ? labels.yes : labels.no,
    record.court,
    record.caseNumbers.join('; '),
    record.legalBasis.map((b) => `${b.article}${b.part ? `/${b.part}` : ''}`).join('; '),
    record.claimedKzt === null ? '' : String(record.claimedKzt),
    record.awardedKzt === null ? '' : String(record.awardedKzt),
    record.outcome,
    labels.value('verification', record.verification.status),
    record.tags.join(', '),
    record.summary,
  ]);
  return '\uFEFF' + [labels.columns, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}
