import { isCivilDate, isLocalTime, parseQuarter, weekdayOf, type CivilDate } from '../domain/civil-date';
import type { DatePrecision } from '../domain/entry';
import type { ReportLanguage } from '../domain/texts-by-language';
import { monthName, quarterName } from '../report/locale';

/**
 * Dates as the interface writes them, in English, Russian and Kazakh, from our own month and
 * weekday names: no dependence on the browser's locale data (Chromium's Kazakh writes
 * "2026 M12 7"). Day, month, year in that order in every language; the weekday when asked.
 */

const MONTHS_OF: Readonly<Record<ReportLanguage, readonly string[]>> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  // The genitive, as a date says it: "14 декабря".
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  kk: [
    'қаңтар',
    'ақпан',
    'наурыз',
    'сәуір',
    'мамыр',
    'маусым',
    'шілде',
    'тамыз',
    'қыркүйек',
    'қазан',
    'қараша',
    'желтоқсан',
  ],
};

const WEEKDAYS: Readonly<Record<ReportLanguage, readonly string[]>> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  ru: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
  kk: ['дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі', 'жексенбі'],
};

/** "14 December 2026", "14 декабря 2026", "14 желтоқсан 2026"; with the weekday first when asked. */
export function formatCivilDate(
  date: CivilDate,
  language: ReportLanguage,
  options: { readonly weekday?: boolean; readonly year?: boolean } = {},
): string {
  const day = Number(date.slice(8, 10));
  const month = MONTHS_OF[language][Number(date.slice(5, 7)) - 1] ?? date.slice(5, 7);
  const body = options.year === false ? `${day} ${month}` : `${day} ${month} ${date.slice(0, 4)}`;
  if (!options.weekday) return body;
  const weekday = WEEKDAYS[language][weekdayOf(date)]!;
  return `${language === 'en' ? weekday : capitalise(weekday)}, ${body}`;
}

/** A month of a year: "May 2026", "Май 2026", "2026 жылғы мамыр" (a date whose day is not known). */
export function formatCivilMonth(date: CivilDate, language: ReportLanguage): string {
  const month = Number(date.slice(5, 7));
  const year = date.slice(0, 4);
  if (language === 'kk') return `${year} жылғы ${MONTHS_OF.kk[month - 1] ?? month}`;
  return `${monthName(month, language)} ${year}`;
}

/** An entry's date as far as it is known: the day, or only the month. */
export function formatEntryDate(
  entry: { readonly date: CivilDate; readonly datePrecision: DatePrecision },
  language: ReportLanguage,
  options: { readonly weekday?: boolean } = {},
): string {
  return entry.datePrecision === 'month'
    ? formatCivilMonth(entry.date, language)
    : formatCivilDate(entry.date, language, options);
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** The interface language as one of ours (anything else reads as English). */
export function uiLanguageOf(language: string): ReportLanguage {
  return language === 'ru' || language === 'kk' ? language : 'en';
}

/** "Q2 2026", "II квартал 2026", "2026 жылғы II тоқсан" for `YYYY-Qn`; anything else as given. */
export function formatQuarterLabel(value: string, language: ReportLanguage): string {
  const quarter = parseQuarter(value);
  if (quarter === null) return /^\d{4}$/.test(value) ? yearLabel(value, language) : value;
  return quarterName(quarter, language);
}

function yearLabel(year: string, language: ReportLanguage): string {
  if (language === 'ru') return `${year} год`;
  if (language === 'kk') return `${year} жыл`;
  return year;
}

/** A moment (an ISO timestamp) as this machine's local date and 24-hour time: "7 December 2026, 14:05". */
export function formatMoment(iso: string, language: ReportLanguage): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  const date = `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}`;
  return `${formatCivilDate(date, language)}, ${two(moment.getHours())}:${two(moment.getMinutes())}`;
}

const two = (value: number) => String(value).padStart(2, '0');

/**
 * A number as each language groups it: "50,000,000" and "1.5" in English; "50 000 000" and "1,5"
 * (no-break spaces) in Russian and Kazakh, as Kazakhstani documents write them.
 */
export function formatNumber(value: number, language: ReportLanguage, fractionDigits = 0): string {
  const [whole = '0', fraction] = Math.abs(value).toFixed(fractionDigits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : '\u00a0');
  const sign = value < 0 ? '−' : '';
  const tail = fraction === undefined || /^0+$/.test(fraction) ? '' : `${language === 'en' ? '.' : ','}${fraction}`;
  return `${sign}${grouped}${tail}`;
}

/** How a date field asks for its day, month and year in each language. */
export const DATE_INPUT_PATTERN: Readonly<Record<ReportLanguage, string>> = {
  en: 'DD/MM/YYYY',
  ru: 'ДД.ММ.ГГГГ',
  kk: 'КК.АА.ЖЖЖЖ',
};

/** How a time field asks for hours and minutes (24-hour in every language). */
export const TIME_INPUT_PATTERN: Readonly<Record<ReportLanguage, string>> = {
  en: 'HH:MM',
  ru: 'ЧЧ:ММ',
  kk: 'СС:ММ',
};

/** A civil date as a date field shows it: "14/07/2026" in English, "14.07.2026" in Russian and Kazakh. */
export function dateInputText(date: CivilDate, language: ReportLanguage): string {
  if (!isCivilDate(date)) return date;
  const separator = language === 'en' ? '/' : '.';
  return [date.slice(8, 10), date.slice(5, 7), date.slice(0, 4)].join(separator);
}

/**
 * What a person typed into a date field, as a civil date: day, month and year in that order with
 * any of . / - or a space between them ("14.7.2026", "14/07/26"), or an ISO date as pasted
 * ("2026-07-14"). '' for an empty field; null for anything that is not a day of the calendar
 * (30.02.2026 included), which the field then refuses with its message.
 */
export function parseDateInput(text: string): CivilDate | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return isCivilDate(trimmed) ? trimmed : null;
  const match = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{2}|\d{4})$/.exec(trimmed);
  if (!match) return null;
  const year = match[3]!.length === 2 ? `20${match[3]}` : match[3]!;
  const date = `${year}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return isCivilDate(date) ? date : null;
}

/** A typed time of day as HH:MM (24-hour): "9:30", "09.30", "0930"; '' for empty, null if not a time. */
export function parseTimeInput(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const match = /^(\d{1,2})(?:[:.\s]?(\d{2}))?$/.exec(trimmed);
  if (!match) return null;
  const time = `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}`;
  return isLocalTime(time) ? time : null;
}

const UNITS: Readonly<Record<ReportLanguage, readonly string[]>> = {
  en: ['B', 'KB', 'MB', 'GB'],
  ru: ['Б', 'КБ', 'МБ', 'ГБ'],
  kk: ['Б', 'КБ', 'МБ', 'ГБ'],
};

/** A byte count as a person reads it, in the interface's language: 1.5 MB, 1,5 МБ, 820 KB. */
export function formatBytes(bytes: number, language: ReportLanguage): string {
  const units = UNITS[language];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, language, unit === 0 ? 0 : 1)} ${units[unit]}`;
}
