import { inPeriod, type Quarter } from '../domain/civil-date';
import type { CaseKind } from '../domain/case';
import type { CaseFile } from '../domain/case-file';

/** What the report reads of a case: its record and its timeline (deleted cases are simply absent). */
export type ReportCase = Pick<CaseFile, 'caseTag' | 'record' | 'entries'>;

export type ReportDevelopment = {
  readonly entryId: string;
  readonly caseTag: string;
  readonly caseKind: CaseKind;
  readonly date: string;
  readonly reportText: string;
};

export type QuarterSelection = {
  /** Months of the quarter in calendar order, each with its developments in report order. */
  readonly months: ReadonlyArray<{ readonly month: number; readonly developments: readonly ReportDevelopment[] }>;
  /** Marked for the report but without report text: listed in the preview, left out of the file. */
  readonly missingText: readonly ReportDevelopment[];
};

/**
 * The quarter's developments: entries dated inside it (civil dates, so no time zone can move
 * one across a month or quarter boundary), marked for the report. Ordered by date, then by the
 * order the monitor arranged (`order`: entry ids), then by id so the result is always the same.
 */
export function selectQuarter(
  cases: readonly ReportCase[],
  quarter: Quarter,
  order: readonly string[] = [],
): QuarterSelection {
  const period = `${quarter.year}-Q${quarter.quarter}`;
  const rank = new Map(order.map((id, index) => [id, index]));
  const chosen: ReportDevelopment[] = [];
  for (const view of cases) {
    for (const entry of view.entries) {
      if (!entry.record.includeInReport || !inPeriod(entry.record.date, period)) continue;
      chosen.push({
        entryId: entry.id,
        caseTag: view.caseTag,
        caseKind: view.record.kind,
        date: entry.record.date,
        reportText: entry.record.reportText,
      });
    }
  }
  chosen.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (rank.get(a.entryId) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.entryId) ?? Number.MAX_SAFE_INTEGER) ||
      a.entryId.localeCompare(b.entryId),
  );
  const first = (quarter.quarter - 1) * 3 + 1;
  const withText = chosen.filter((d) => d.reportText.trim() !== '');
  return {
    months: [first, first + 1, first + 2].map((month) => ({
      month,
      developments: withText.filter((d) => Number(d.date.slice(5, 7)) === month),
    })),
    missingText: chosen.filter((d) => d.reportText.trim() === ''),
  };
}

/**
 * Moves a development one place up or down among those of the same month and day, returning the
 * new order of entry ids for the quarter (the date stays the first sort key).
 */
export function moveDevelopment(selection: QuarterSelection, entryId: string, direction: -1 | 1): string[] {
  const all = selection.months.flatMap((m) => m.developments.map((d) => d));
  const index = all.findIndex((d) => d.entryId === entryId);
  const target = all[index + direction];
  const here = all[index];
  if (here === undefined || target === undefined || target.date !== here.date) return all.map((d) => d.entryId);
  const next = [...all];
  next[index] = target;
  next[index + direction] = here;
  return next.map((d) => d.entryId);
}
