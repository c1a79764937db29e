import { inPeriod, type Quarter } from '../domain/civil-date';
import type { CaseKind } from '../domain/case';
import type { CaseFile } from '../domain/case-file';
import type { DatePrecision, Ruling } from '../domain/entry';
import { hasAnyText, REPORT_LANGUAGES, type ReportLanguage, type TextsByLanguage } from '../domain/texts-by-language';

/** What the report reads of a case: its record and its timeline (deleted cases are simply absent). */
export type ReportCase = Pick<CaseFile, 'caseTag' | 'record' | 'entries'>;

export type ReportDevelopment = {
  readonly entryId: string;
  readonly caseTag: string;
  readonly caseKind: CaseKind;
  readonly date: string;
  /** 'month': only the month is known (the development stands at the start of its month). */
  readonly datePrecision: DatePrecision;
  /** Local time of day, HH:MM, or '' when none was given. */
  readonly time: string;
  /** When the entry was recorded (ISO, UTC): the order of entry, the last of the default keys. */
  readonly createdAt: string;
  /** The paragraph in each language ('' where it is not written). */
  readonly reportTexts: TextsByLanguage;
  /** How a ruling went (the introduction counts rulings for the media). */
  readonly ruling: Ruling;
};

export type QuarterSelection = {
  /**
   * Months of the quarter in calendar order, each with its developments in report order: every
   * development marked for the report with text in at least one language.
   */
  readonly months: ReadonlyArray<{ readonly month: number; readonly developments: readonly ReportDevelopment[] }>;
  /** Marked for the report but without report text in any language: listed, left out of the file. */
  readonly missingText: readonly ReportDevelopment[];
};

/**
 * The quarter's developments: entries dated inside it (civil dates, so no time zone can move
 * one across a month or quarter boundary), marked for the report, month by month in report order
 * (see `reportOrder`).
 */
export function selectQuarter(
  cases: readonly ReportCase[],
  quarter: Quarter,
  order: readonly string[] = [],
): QuarterSelection {
  const period = `${quarter.year}-Q${quarter.quarter}`;
  const rank = new Map(order.map((id, index) => [id, index]));
  const chosen: ReportDevelopment[] = [];
  // An entry is in the section once, even if a merge brought back the quick development it was
  // attached from (the same entry id in two cases): the tracked case's copy is the one.
  const seen = new Set<string>();
  for (const view of [...cases].sort((a, b) => Number(a.record.quick === true) - Number(b.record.quick === true))) {
    for (const entry of view.entries) {
      if (!entry.record.includeInReport || !inPeriod(entry.record.date, period) || seen.has(entry.id)) continue;
      seen.add(entry.id);
      chosen.push({
        entryId: entry.id,
        caseTag: view.caseTag,
        caseKind: view.record.kind,
        date: entry.record.date,
        datePrecision: entry.record.datePrecision,
        time: entry.record.time,
        createdAt: entry.record.createdAt,
        reportTexts: entry.record.reportTexts,
        ruling: entry.record.ruling,
      });
    }
  }
  chosen.sort(byDefaultOrder);
  const first = (quarter.quarter - 1) * 3 + 1;
  const withText = chosen.filter((d) => hasAnyText(d.reportTexts));
  return {
    months: [first, first + 1, first + 2].map((month) => ({
      month,
      developments: reportOrder(
        withText.filter((d) => Number(d.date.slice(5, 7)) === month),
        rank,
      ),
    })),
    missingText: chosen.filter((d) => !hasAnyText(d.reportTexts)),
  };
}

/** For each language, how many of the section's developments have their text in it. */
export function textsWritten(selection: QuarterSelection): {
  readonly total: number;
  readonly written: Readonly<Record<ReportLanguage, number>>;
} {
  const developments = selection.months.flatMap((m) => m.developments);
  const count = (language: ReportLanguage) => developments.filter((d) => d.reportTexts[language].trim() !== '').length;
  return {
    total: developments.length,
    written: Object.fromEntries(REPORT_LANGUAGES.map((language) => [language, count(language)])) as Record<
      ReportLanguage,
      number
    >,
  };
}

/**
 * The default order, the same on every machine and in every time zone: by date, a development
 * known only by its month at the start of that month (before one on its first day); then by time of
 * day, an entry without a time before one with (a ruling "that day", then the detention at
 * 23:30); then by the order of entry (when each was recorded); then by id.
 */
export function byDefaultOrder(a: ReportDevelopment, b: ReportDevelopment): number {
  return (
    compare(a.date, b.date) ||
    Number(a.datePrecision === 'day') - Number(b.datePrecision === 'day') ||
    compare(a.time, b.time) ||
    compare(a.createdAt, b.createdAt) ||
    compare(a.entryId, b.entryId)
  );
}

/** Code-unit order: unlike `localeCompare`, it does not depend on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A month's developments (in default order) in the editor's order: those the editor arranged
 * (`rank`: their places in the quarter's stored order) in that order; each of the others right
 * after the arranged development the default order puts before it (right after the first arranged
 * one, if none). So a development moved to the top stays there, and one added later follows what
 * precedes its date.
 */
function reportOrder(developments: readonly ReportDevelopment[], rank: ReadonlyMap<string, number>) {
  const arranged = developments
    .filter((d) => rank.has(d.entryId))
    .sort((a, b) => rank.get(a.entryId)! - rank.get(b.entryId)!);
  const following = new Map<string | null, ReportDevelopment[]>();
  let previous: string | null = null;
  for (const d of developments) {
    if (rank.has(d.entryId)) previous = d.entryId;
    else following.set(previous, [...(following.get(previous) ?? []), d]);
  }
  // One the default order puts before every arranged development (added later, dated earlier)
  // still comes after the first of them: what the editor put at the top stays at the top.
  const [top, ...rest] = arranged;
  if (top === undefined) return [...(following.get(null) ?? [])];
  return [
    top,
    ...(following.get(null) ?? []),
    ...(following.get(top.entryId) ?? []),
    ...rest.flatMap((d) => [d, ...(following.get(d.entryId) ?? [])]),
  ];
}

/**
 * Moves a development to `to` (a place in its month, 0 first), returning the quarter's new order
 * of entry ids: every development as now shown, the moved one in its new place. A development
 * stays in its month (the month is its date's); a place outside the month changes nothing.
 */
export function moveDevelopmentTo(selection: QuarterSelection, entryId: string, to: number): string[] {
  const months = selection.months.map((m) => m.developments.map((d) => d.entryId));
  const month = months.find((ids) => ids.includes(entryId));
  if (month !== undefined && to >= 0 && to < month.length) {
    month.splice(month.indexOf(entryId), 1);
    month.splice(to, 0, entryId);
  }
  return months.flat();
}

/** Moves a development one place up or down within its month (see `moveDevelopmentTo`). */
export function moveDevelopment(selection: QuarterSelection, entryId: string, direction: -1 | 1): string[] {
  const month = selection.months.find((m) => m.developments.some((d) => d.entryId === entryId));
  const at = month?.developments.findIndex((d) => d.entryId === entryId) ?? -1;
  return moveDevelopmentTo(selection, entryId, at + direction);
}
