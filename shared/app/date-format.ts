import { weekdayOf, type CivilDate } from '../domain/civil-date';
import type { ReportLanguage } from '../domain/texts-by-language';

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

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** The interface language as one of ours (anything else reads as English). */
export function uiLanguageOf(language: string): ReportLanguage {
  return language === 'ru' || language === 'kk' ? language : 'en';
}
