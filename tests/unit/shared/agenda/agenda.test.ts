import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  agendaGroup,
  agendaItems,
  reminderMoment,
  weekStart,
  type AgendaCase,
} from '../../../../shared/agenda/agenda';
import { weekdayOf } from '../../../../shared/domain/civil-date';
import { formatCivilDate, formatEntryDate } from '../../../../shared/app/date-format';
import { toIcs } from '../../../../shared/agenda/ics';
import { caseRecordSchema, emptyCaseFields } from '../../../../shared/domain/case';
import type { Deadline } from '../../../../shared/domain/deadline';
import { emptyEntryFields } from '../../../../shared/domain/entry';

function makeAgendaCase(): AgendaCase {
  const record = caseRecordSchema.parse({
    ...emptyCaseFields('civil-lawsuit'),
    title: 'Иск; «Әділет», 2026',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    history: [],
    deadlines: [
      { id: 'd1', what: 'Апелляция', due: '2026-05-10', time: '', reminder: '1-day', done: false },
      { id: 'd2', what: 'Отзыв', due: '2026-05-01', time: '18:00', reminder: '1-hour', done: true },
    ],
  });
  const entry = (id: string, date: string, kind: 'hearing' | 'ruling', time = '') => ({
    id,
    record: { ...emptyEntryFields(date), kind, time, place: `Суд ${id}`, createdAt: '', updatedAt: '' },
  });
  return {
    caseTag: 'c1',
    record,
    entries: [
      entry('e1', '2026-05-12', 'hearing', '10:30'),
      entry('e2', '2026-05-02', 'hearing'),
      entry('e3', '2026-05-20', 'ruling'),
    ],
  };
}

describe('agenda', () => {
  it('lists hearings from today on and open deadlines, in date order', () => {
    const items = agendaItems([makeAgendaCase()], '2026-05-05');
    expect(items.map((item) => item.key)).toEqual(['deadline:d1', 'hearing:e1']);
  });

  it('a hearing known only by its month ("in June") is not put on a day of the agenda', () => {
    const agendaCase = makeAgendaCase();
    const inJune = {
      id: 'e4',
      record: {
        ...emptyEntryFields('2026-06-01'),
        datePrecision: 'month' as const,
        kind: 'hearing' as const,
        createdAt: '',
        updatedAt: '',
      },
    };
    const items = agendaItems([{ ...agendaCase, entries: [...agendaCase.entries, inJune] }], '2026-05-05');
    expect(items.map((item) => item.key)).toEqual(['deadline:d1', 'hearing:e1']);
    expect(formatEntryDate(inJune.record, 'en')).toBe('June 2026');
    expect(formatEntryDate(inJune.record, 'ru')).toBe('Июнь 2026');
    expect(formatEntryDate(inJune.record, 'kk')).toBe('2026 жылғы маусым');
  });

  it('groups dates by calendar week, Monday to Sunday: overdue, today, this week, next week, later', () => {
    // Tuesday 5 May 2026: this week ends on Sunday the 10th, next week runs 11–17.
    expect(
      ['2026-05-04', '2026-05-05', '2026-05-10', '2026-05-11', '2026-05-17', '2026-05-18'].map((d) =>
        agendaGroup(d, '2026-05-05'),
      ),
    ).toEqual(['overdue', 'today', 'this-week', 'next-week', 'next-week', 'later']);
    // Issue 20: on Monday 7 December, Monday 14 December is next week, not "this week".
    expect(agendaGroup('2026-12-14', '2026-12-07')).toBe('next-week');
    expect(agendaGroup('2026-12-13', '2026-12-07')).toBe('this-week');
    // On a Sunday, the next day starts next week; across a year's end too.
    expect(agendaGroup('2027-01-04', '2027-01-03')).toBe('next-week');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });

  it('knows the weekday of a civil date without a clock or time zone', () => {
    // 0 = Monday. 7 December 2026 is a Monday; 29 February 2028 a Tuesday; 1 January 1900 a Monday.
    expect(['2026-12-07', '2026-12-13', '2028-02-29', '1900-01-01', '2100-12-31'].map(weekdayOf)).toEqual([
      0, 6, 1, 0, 4,
    ]);
  });

  it('writes dates with our own month and weekday names in three languages', () => {
    expect(formatCivilDate('2026-12-14', 'en', { weekday: true })).toBe('Monday, 14 December 2026');
    expect(formatCivilDate('2026-12-14', 'ru', { weekday: true })).toBe('Понедельник, 14 декабря 2026');
    expect(formatCivilDate('2026-12-14', 'kk', { weekday: true })).toBe('Дүйсенбі, 14 желтоқсан 2026');
    expect(formatCivilDate('2026-05-01', 'ru')).toBe('1 мая 2026');
    expect(formatCivilDate('2026-08-30', 'kk', { year: false })).toBe('30 тамыз');
  });

  it('adds days across months and years by the calendar alone', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('puts reminders before the due moment, a day without time at 09:00', () => {
    const deadline: Deadline = { id: 'd', what: 'x', due: '2026-05-10', time: '', reminder: '1-day', done: false };
    expect(reminderMoment(deadline)).toBe('2026-05-09T09:00');
    expect(reminderMoment({ ...deadline, time: '00:30', reminder: '1-hour' })).toBe('2026-05-09T23:30');
    expect(reminderMoment({ ...deadline, reminder: 'none' })).toBeNull();
  });
});

describe('toIcs', () => {
  it('writes events that a calendar parser reads back, with escaping and folding', () => {
    const items = agendaItems([makeAgendaCase()], '2026-05-05');
    const text = toIcs(items, { calendarName: 'Qorgau', stamp: '20260505T120000Z' });
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).byteLength <= 75)).toBe(true);
    const events = Object.values(ical.sync.parseICS(text)).filter((item) => item?.type === 'VEVENT') as Array<{
      summary: unknown;
      start: Date & { dateOnly?: boolean };
      location?: unknown;
    }>;
    expect(events.map((event) => String(event.summary))).toEqual([
      'Апелляция — Иск; «Әділет», 2026',
      'Суд e1 — Иск; «Әділет», 2026',
    ]);
    expect(events[0]?.start.dateOnly).toBe(true);
    expect([events[1]?.start.getHours(), events[1]?.start.getMinutes()]).toEqual([10, 30]);
    expect(String(events[1]?.location)).toBe('Суд e1');
  });
});
