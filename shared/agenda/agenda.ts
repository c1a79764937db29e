import { daysInMonth, weekdayOf, type CivilDate } from '../domain/civil-date';
import type { CaseRecord } from '../domain/case';
import type { EntryRecord } from '../domain/entry';
import { reminderMinutes, type Deadline } from '../domain/deadline';

/** One dated thing on the agenda: a hearing from a timeline or a deadline. */
export type AgendaItem = {
  readonly key: string;
  readonly kind: 'hearing' | 'deadline';
  readonly caseTag: string;
  readonly caseTitle: string;
  readonly date: CivilDate;
  readonly time: string;
  readonly title: string;
  readonly place: string;
  /** Deadlines only. */
  readonly deadline?: Deadline;
};

export type AgendaGroup = 'overdue' | 'today' | 'this-week' | 'next-week' | 'later';

export type AgendaCase = {
  readonly caseTag: string;
  readonly record: Pick<CaseRecord, 'title' | 'deadlines'>;
  readonly entries: ReadonlyArray<{ readonly id: string; readonly record: EntryRecord }>;
};

/**
 * The agenda: hearings from today on (their day known), and open deadlines (overdue ones too), across all cases,
 * in date and time order. Civil dates only: "today" is the person's calendar day.
 */
export function agendaItems(cases: readonly AgendaCase[], today: CivilDate): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const view of cases) {
    for (const entry of view.entries) {
      // A hearing whose day is not known ("in June") has no place on a calendar.
      if (entry.record.kind !== 'hearing' || entry.record.datePrecision === 'month' || entry.record.date < today)
        continue;
      items.push({
        key: `hearing:${entry.id}`,
        kind: 'hearing',
        caseTag: view.caseTag,
        caseTitle: view.record.title,
        date: entry.record.date,
        time: entry.record.time,
        title: entry.record.outcome || entry.record.place,
        place: entry.record.place,
      });
    }
    for (const deadline of view.record.deadlines) {
      if (deadline.done) continue;
      items.push({
        key: `deadline:${deadline.id}`,
        kind: 'deadline',
        caseTag: view.caseTag,
        caseTitle: view.record.title,
        date: deadline.due,
        time: deadline.time,
        title: deadline.what,
        place: '',
        deadline,
      });
    }
  }
  return items.sort((a, b) => `${a.date} ${a.time || '99:99'}`.localeCompare(`${b.date} ${b.time || '99:99'}`));
}

/**
 * Which section of the agenda a date belongs to, seen from `today`, by calendar week (Monday to
 * Sunday, as in Kazakhstan): "this week" ends on Sunday, "next week" is the week after.
 */
export function agendaGroup(date: CivilDate, today: CivilDate): AgendaGroup {
  if (date < today) return 'overdue';
  if (date === today) return 'today';
  const nextMonday = addDays(weekStart(today), 7);
  if (date < nextMonday) return 'this-week';
  return date < addDays(nextMonday, 7) ? 'next-week' : 'later';
}

/** The Monday of a date's calendar week. */
export function weekStart(date: CivilDate): CivilDate {
  return addDays(date, -weekdayOf(date));
}

/** A civil date plus some days, by calendar arithmetic (no time zones involved). */
export function addDays(date: CivilDate, days: number): CivilDate {
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  let day = Number(date.slice(8, 10)) + days;
  while (day > daysInMonth(year, month)) {
    day -= daysInMonth(year, month);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  while (day < 1) {
    month -= 1;
    if (month < 1) {
      month = 12;
      year -= 1;
    }
    day += daysInMonth(year, month);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The local moment a deadline's reminder is due, as a wall-clock `YYYY-MM-DDTHH:MM` string (a
 * deadline with no time is due at 09:00), or null when it has no reminder.
 */
export function reminderMoment(deadline: Deadline): string | null {
  const minutes = reminderMinutes(deadline.reminder);
  if (minutes === null) return null;
  const [hours, mins] = (deadline.time || '09:00').split(':').map(Number) as [number, number];
  let total = hours * 60 + mins - minutes;
  let date = deadline.due;
  while (total < 0) {
    total += 24 * 60;
    date = addDays(date, -1);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}
