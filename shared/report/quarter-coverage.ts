import { inPeriod, type Quarter } from '../domain/civil-date';
import type { CaseHead } from '../domain/case-head';
import { hasAnyText } from '../domain/texts-by-language';
import type { ReportCase } from './quarter-selection';

/** An entry of the quarter, as the Reports screen links to it. */
export type QuarterEntry = { readonly caseTag: string; readonly entryId: string; readonly date: string };

/**
 * Everything of a quarter that could belong in its section, sorted by what happens to it, so
 * nothing drops out unseen: the developments in the section; entries with report text that were
 * left out; entries of the quarter with no report text (in the section or not); and cases with
 * activity in the quarter (created, changed or with a deadline in it) but no entry dated in it.
 */
export type QuarterCoverage = {
  readonly included: readonly QuarterEntry[];
  readonly excluded: readonly QuarterEntry[];
  readonly withoutText: readonly QuarterEntry[];
  readonly quietCases: readonly string[];
};

/**
 * `cases`: the cases with an entry in the quarter, whole; `heads`: every case (for the quiet ones).
 * Dates of activity are the civil date of the change as recorded (UTC), a hint rather than the report.
 */
export function quarterCoverage(
  cases: readonly ReportCase[],
  heads: readonly CaseHead[],
  quarter: Quarter,
): QuarterCoverage {
  const period = `${quarter.year}-Q${quarter.quarter}`;
  const included: QuarterEntry[] = [];
  const excluded: QuarterEntry[] = [];
  const withoutText: QuarterEntry[] = [];
  for (const view of cases) {
    for (const entry of view.entries) {
      if (!inPeriod(entry.record.date, period)) continue;
      const ref = { caseTag: view.caseTag, entryId: entry.id, date: entry.record.date };
      const hasText = hasAnyText(entry.record.reportTexts);
      if (!hasText) withoutText.push(ref);
      else if (entry.record.includeInReport) included.push(ref);
      else excluded.push(ref);
    }
  }
  const quietCases = heads
    .filter((head) => !head.timeline.some((mark) => inPeriod(mark.date, period)))
    .filter(
      (head) =>
        inPeriod(head.record.createdAt.slice(0, 10), period) ||
        inPeriod(head.record.updatedAt.slice(0, 10), period) ||
        head.record.deadlines.some((deadline) => inPeriod(deadline.due, period)),
    )
    .map((head) => head.caseTag);
  const byDate = (a: QuarterEntry, b: QuarterEntry) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  return {
    included: included.sort(byDate),
    excluded: excluded.sort(byDate),
    withoutText: withoutText.sort(byDate),
    quietCases,
  };
}
