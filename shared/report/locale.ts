import { CASE_KIND_NAMES, type CaseKind } from '../domain/case';
import type { Quarter } from '../domain/civil-date';
import type { ReportLanguage } from '../domain/texts-by-language';

/** The report's own language: month names and the default section title (independent of the UI). */
export { REPORT_LANGUAGES, type ReportLanguage } from '../domain/texts-by-language';

const MONTHS: Readonly<Record<ReportLanguage, readonly string[]>> = {
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
  ru: [
    'Январь',
    'Февраль',
    'Март',
    'Апрель',
    'Май',
    'Июнь',
    'Июль',
    'Август',
    'Сентябрь',
    'Октябрь',
    'Ноябрь',
    'Декабрь',
  ],
  kk: [
    'Қаңтар',
    'Ақпан',
    'Наурыз',
    'Сәуір',
    'Мамыр',
    'Маусым',
    'Шілде',
    'Тамыз',
    'Қыркүйек',
    'Қазан',
    'Қараша',
    'Желтоқсан',
  ],
};

const SECTION_NAMES: Readonly<Record<ReportLanguage, string>> = {
  en: 'Legal Pressure (Lawsuits, Pre-trial Claims, Arrests, Detentions)',
  ru: 'Юридическое давление (иски, досудебные претензии, аресты, задержания)',
  kk: 'Құқықтық қысым (сот талаптары, сотқа дейінгі талаптар, қамаулар, ұстаулар)',
};

/** The section's title when the monitor typed none: its number in the report (none: no number), then its name. */
export function defaultSectionTitle(language: ReportLanguage, sectionNumber: string): string {
  const number = sectionNumber.trim().replace(/\.$/, '');
  return number === '' ? SECTION_NAMES[language] : `${number}. ${SECTION_NAMES[language]}`;
}

/** BCP 47 tags written into the document, so spell-checkers and screen readers use the right language. */
export const DOCUMENT_LANGUAGE: Readonly<Record<ReportLanguage, string>> = { en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' };

export function monthName(month: number, language: ReportLanguage): string {
  return MONTHS[language][month - 1] ?? String(month);
}

/** "Q2 2026", "II квартал 2026", "2026 жылғы II тоқсан". */
export function quarterName(quarter: Quarter, language: ReportLanguage): string {
  const roman = ['I', 'II', 'III', 'IV'][quarter.quarter - 1]!;
  if (language === 'ru') return `${roman} квартал ${quarter.year}`;
  if (language === 'kk') return `${quarter.year} жылғы ${roman} тоқсан`;
  return `Q${quarter.quarter} ${quarter.year}`;
}

/** Labels the report itself prints (the statistics table), in the report's language. */
export type ReportLabels = {
  readonly kind: (kind: CaseKind) => string;
  readonly kindHeader: string;
  readonly total: string;
  readonly newVsOngoing: (newCases: number, ongoing: number) => string;
  /** The previous quarter's column: "Q1 2026". */
  readonly previousQuarter: (quarter: Quarter) => string;
  /** The line comparing the quarter with the one before it. */
  readonly comparison: (now: QuarterFigures, before: QuarterFigures & { readonly quarter: Quarter }) => string;
  /** "By region: Almaty — 3; West Kazakhstan Region — 2." */
  readonly byRegion: (rows: ReadonlyArray<{ readonly name: string; readonly developments: number }>) => string;
};

/** What the comparison line counts in a quarter. */
export type QuarterFigures = {
  readonly developments: number;
  readonly newCases: number;
  readonly ongoingCases: number;
};

const COMPARISON: Readonly<
  Record<ReportLanguage, (now: QuarterFigures, before: QuarterFigures, name: string) => string>
> = {
  en: (n, b, name) =>
    `Compared with the previous quarter (${name}): developments ${n.developments} (then ${b.developments}); new cases ${n.newCases} (then ${b.newCases}); ongoing ${n.ongoingCases} (then ${b.ongoingCases}).`,
  ru: (n, b, name) =>
    `По сравнению с предыдущим кварталом (${name}): событий — ${n.developments} (было ${b.developments}); новых дел — ${n.newCases} (было ${b.newCases}); продолжающихся — ${n.ongoingCases} (было ${b.ongoingCases}).`,
  kk: (n, b, name) =>
    `Алдыңғы тоқсанмен салыстырғанда (${name}): оқиғалар — ${n.developments} (бұрын ${b.developments}); жаңа істер — ${n.newCases} (бұрын ${b.newCases}); жалғасатындар — ${n.ongoingCases} (бұрын ${b.ongoingCases}).`,
};

export function reportLabels(language: ReportLanguage): ReportLabels {
  const table = {
    en: {
      kindHeader: 'Kind of proceeding',
      total: 'Total',
      line: (n: number, o: number) => `Cases new this quarter: ${n}; ongoing: ${o}.`,
      byRegion: 'Developments by region',
    },
    ru: {
      kindHeader: 'Вид разбирательства',
      total: 'Всего',
      line: (n: number, o: number) => `Новых дел за квартал: ${n}; продолжающихся: ${o}.`,
      byRegion: 'События по регионам',
    },
    kk: {
      kindHeader: 'Іс жүргізу түрі',
      total: 'Барлығы',
      line: (n: number, o: number) => `Тоқсандағы жаңа істер: ${n}; жалғасатындар: ${o}.`,
      byRegion: 'Өңірлер бойынша оқиғалар',
    },
  }[language];
  return {
    kind: (kind) => CASE_KIND_NAMES[language][kind],
    kindHeader: table.kindHeader,
    total: table.total,
    newVsOngoing: table.line,
    previousQuarter: (quarter) => quarterName(quarter, language),
    comparison: (now, before) => COMPARISON[language](now, before, quarterName(before.quarter, language)),
    byRegion: (rows) => `${table.byRegion}: ${rows.map((row) => `${row.name} — ${row.developments}`).join('; ')}.`,
  };
}

const LANGUAGE_FROM: Readonly<Record<ReportLanguage, Readonly<Record<ReportLanguage, string>>>> = {
  en: { en: 'English', ru: 'Russian', kk: 'Kazakh' },
  ru: { en: 'английского', ru: 'русского', kk: 'казахского' },
  kk: { en: 'Ағылшын', ru: 'Орыс', kk: 'Қазақ' },
};

/**
 * What a paragraph in another language's words says at its start, in the report's language, so
 * that the translator finds every one: "[Translate from Russian]".
 */
export function translationMark(language: ReportLanguage, from: ReportLanguage): string {
  const name = LANGUAGE_FROM[language][from];
  return { en: `[Translate from ${name}]`, ru: `[Перевести с ${name}]`, kk: `[${name} тілінен аудару керек]` }[
    language
  ];
}
