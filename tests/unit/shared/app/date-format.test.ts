import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  dateInputText,
  formatCivilDate,
  formatMoment,
  formatNumber,
  formatQuarterLabel,
  parseDateInput,
  parseTimeInput,
} from '../../../../shared/app/date-format';
import { maxLengthAt, validate } from '../../../../shared/domain/validation';
import { caseFieldsSchema } from '../../../../shared/domain/case';
import { withLinkScheme } from '../../../../shared/security/external-url';

describe('date fields, day-month-year in every language', () => {
  it.each([
    ['14.07.2026', '2026-07-14'],
    ['14.7.2026', '2026-07-14'],
    ['4/7/2026', '2026-07-04'],
    ['14-07-26', '2026-07-14'],
    ['14 07 2026', '2026-07-14'],
    ['2026-07-14', '2026-07-14'],
    [' 29.02.2028 ', '2028-02-29'],
    ['', ''],
  ])('reads %j as %j', (typed, date) => {
    expect(parseDateInput(typed)).toBe(date);
  });

  it.each(['30.02.2026', '31.04.2026', '29.02.2027', '07/32/2026', '12/13/2026', '2026-02-30', '14.07', 'завтра'])(
    'refuses %j: not a day of the calendar',
    (typed) => {
      expect(parseDateInput(typed)).toBeNull();
    },
  );

  it('shows a date as each language writes it in a field', () => {
    expect(dateInputText('2026-07-04', 'en')).toBe('04/07/2026');
    expect(dateInputText('2026-07-04', 'ru')).toBe('04.07.2026');
    expect(dateInputText('2026-07-04', 'kk')).toBe('04.07.2026');
    expect(dateInputText('14.07', 'ru')).toBe('14.07');
  });

  it.each([
    ['9:30', '09:30'],
    ['0930', '09:30'],
    ['16.00', '16:00'],
    ['16', '16:00'],
    ['', ''],
  ])('reads the time %j as %j', (typed, time) => {
    expect(parseTimeInput(typed)).toBe(time);
  });

  it.each(['24:00', '9:60', '4pm', '12:5'])('refuses the time %j', (typed) => {
    expect(parseTimeInput(typed)).toBeNull();
  });
});

describe('dates, quarters and numbers in the interface', () => {
  it('writes a weekday date from our own names, never "M12"', () => {
    expect(formatCivilDate('2026-12-07', 'kk', { weekday: true })).toBe('Дүйсенбі, 7 желтоқсан 2026');
    expect(formatCivilDate('2026-12-07', 'ru', { weekday: true })).toBe('Понедельник, 7 декабря 2026');
    expect(formatCivilDate('2026-12-07', 'en', { weekday: true })).toBe('Monday, 7 December 2026');
  });

  it('names quarters and years in words', () => {
    expect(formatQuarterLabel('2026-Q2', 'en')).toBe('Q2 2026');
    expect(formatQuarterLabel('2026-Q2', 'ru')).toBe('II квартал 2026');
    expect(formatQuarterLabel('2026-Q4', 'kk')).toBe('2026 жылғы IV тоқсан');
    expect(formatQuarterLabel('2026', 'ru')).toBe('2026 год');
  });

  it('groups digits as each language does', () => {
    expect(formatNumber(50_000_000, 'en')).toBe('50,000,000');
    expect(formatNumber(50_000_000, 'kk')).toBe('50\u00a0000\u00a0000');
    expect(formatNumber(1.25, 'ru', 1)).toBe('1,3');
    expect(formatNumber(13.0, 'en', 1)).toBe('13');
    expect(formatNumber(999, 'ru')).toBe('999');
  });

  it('writes a moment as the local day and 24-hour time', () => {
    const moment = new Date(2026, 11, 7, 14, 5).toISOString();
    expect(formatMoment(moment, 'ru')).toBe('7 декабря 2026, 14:05');
  });
});

describe('limits and links the forms state', () => {
  it('reads a field’s limit from the schema that enforces it', () => {
    expect(maxLengthAt(caseFieldsSchema, 'title')).toBe(500);
    expect(maxLengthAt(caseFieldsSchema, 'targets.0.name')).toBe(300);
    expect(maxLengthAt(caseFieldsSchema, 'outcome')).toBe(5000);
    expect(maxLengthAt(caseFieldsSchema, 'kind')).toBeUndefined();
    expect(maxLengthAt(caseFieldsSchema, 'no.such.field')).toBeUndefined();
  });

  it('names the limit of a text that is too long', () => {
    const result = validate(z.object({ outcome: z.string().max(5, 'too-long') }), { outcome: 'слишком' });
    expect(result).toEqual({ ok: false, errors: { outcome: 'too-long:5' } });
  });

  it.each([
    ['uralskweek.kz/news/1', 'https://uralskweek.kz/news/1'],
    ['www.zakon.kz', 'https://www.zakon.kz'],
    ['сайт.қаз/жаңалық', 'https://сайт.қаз/жаңалық'],
    ['https://orda.kz', 'https://orda.kz'],
    ['Claim.pdf', 'Claim.pdf'],
    ['Интервью с адвокатом, 3 мая', 'Интервью с адвокатом, 3 мая'],
    ['т.е.', 'т.е.'],
  ])('completes %j as %j', (typed, link) => {
    expect(withLinkScheme(typed)).toBe(link);
  });
});
