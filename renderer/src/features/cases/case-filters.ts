import { inPeriod, quarterOf, type CivilDate } from '../../../../shared/domain/civil-date';
import type { CaseKind, InitiatorType } from '../../../../shared/domain/case';
import type { CaseHead } from '../../../../shared/domain/case-head';
import { placeRegion, regionKey } from '../../../../shared/domain/places';

export type CaseFilters = {
  readonly kind: CaseKind | '';
  readonly stage: string;
  readonly region: string;
  readonly initiatorType: InitiatorType | '';
  /** `YYYY` or `YYYY-Qn`: cases with a development (or the publication) in that period. */
  readonly period: string;
  readonly tag: string;
};

export type CaseSort = 'updated' | 'title' | 'kind' | 'latest';

export const NO_FILTERS: CaseFilters = { kind: '', stage: '', region: '', initiatorType: '', period: '', tag: '' };

/** The dates that place a case in a year or quarter: its developments and its publication. */
function caseDates(view: CaseHead): string[] {
  const dates = view.timeline.map((entry) => entry.date);
  if (view.record.publication.date !== '') dates.push(view.record.publication.date);
  return dates;
}

export function matchesFilters(view: CaseHead, filters: CaseFilters): boolean {
  const { record } = view;
  if (filters.kind !== '' && record.kind !== filters.kind) return false;
  if (filters.stage !== '' && record.stage !== filters.stage) return false;
  if (filters.initiatorType !== '' && record.initiator.type !== filters.initiatorType) return false;
  if (filters.region !== '' && !record.targets.some((target) => regionKey(target.region) === filters.region))
    return false;
  if (filters.tag !== '' && !record.tags.includes(filters.tag)) return false;
  if (filters.period !== '' && !caseDates(view).some((date) => inPeriod(date, filters.period))) return false;
  return true;
}

/** The case's next hearing on or after today (its date), or null; one whose day is not known is not on a calendar. */
export function nextHearing(view: CaseHead, today: CivilDate): CivilDate | null {
  let next: CivilDate | null = null;
  for (const mark of view.timeline)
    if (mark.kind === 'hearing' && !mark.monthOnly && mark.date >= today && (next === null || mark.date < next))
      next = mark.date;
  return next;
}

/** How many of the case's deadlines are past due and not done. */
export function overdueDeadlines(view: CaseHead, today: CivilDate): number {
  return view.record.deadlines.filter((deadline) => !deadline.done && deadline.due < today).length;
}

/** The latest development's date, for sorting; '' when there is none. */
export function latestDevelopment(view: CaseHead): string {
  return view.timeline.reduce((latest, entry) => (entry.date > latest ? entry.date : latest), '');
}

export function sortCases(cases: readonly CaseHead[], sort: CaseSort, locale: string): CaseHead[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sorted = [...cases];
  switch (sort) {
    case 'updated':
      return sorted.sort((a, b) => b.record.updatedAt.localeCompare(a.record.updatedAt));
    case 'title':
      return sorted.sort((a, b) => collator.compare(a.record.title, b.record.title));
    case 'kind':
      return sorted.sort(
        (a, b) => a.record.kind.localeCompare(b.record.kind) || collator.compare(a.record.title, b.record.title),
      );
    case 'latest':
      return sorted.sort((a, b) => latestDevelopment(b).localeCompare(latestDevelopment(a)));
    default: {
      const unreachable: never = sort;
      return unreachable;
    }
  }
}

/** Years and quarters that occur in the cases, newest first, for the period filter. */
export function periodsIn(cases: readonly CaseHead[]): string[] {
  const periods = new Set<string>();
  for (const view of cases) {
    for (const date of caseDates(view)) {
      const { year, quarter } = quarterOf(date);
      periods.add(String(year));
      periods.add(`${year}-Q${quarter}`);
    }
  }
  return [...periods].sort((a, b) =>
    a.slice(0, 4) === b.slice(0, 4) ? a.length - b.length || b.localeCompare(a) : b.localeCompare(a),
  );
}

export function tagsIn(cases: readonly CaseHead[], locale: string): string[] {
  return [...new Set(cases.flatMap((view) => view.record.tags))].sort(new Intl.Collator(locale).compare);
}

/**
 * The places the cases' targets are in, one per place however it was typed (see places.ts):
 * its key (what the region filter holds), a name to show (the listed name, else the first
 * spelling met), and how many cases name it.
 */
export function regionsIn(
  cases: readonly CaseHead[],
): Array<{ readonly key: string; readonly typed: string; readonly cases: number }> {
  const places = new Map<string, { key: string; typed: string; cases: number }>();
  for (const view of cases) {
    const keys = new Set<string>();
    for (const target of view.record.targets) {
      if (target.region.trim() === '') continue;
      const key = regionKey(target.region);
      if (!places.has(key)) places.set(key, { key, typed: placeRegion(target.region) ?? target.region, cases: 0 });
      keys.add(key);
    }
    for (const key of keys) places.get(key)!.cases += 1;
  }
  return [...places.values()];
}
