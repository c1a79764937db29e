import type { ReportLanguage } from '../domain/texts-by-language';
import { parseReportText, reportLinks, reportPlainText } from '../report/report-text';
import { docxParagraphs, looksLikeWordFile, type SourceParagraph } from './docx-paragraphs';
import { ImportRefusedError } from './import-errors';

/**
 * A published Legal Pressure section read back: its developments month by month, each in the
 * report-text mini-format, from a Word document or from the report's plain-text form (a line a
 * paragraph, links written `[words](url)`, `(#)` where the address was not given).
 */
export type PastDevelopment = {
  /** Its place in the section (0 first): the order it was published in. */
  readonly index: number;
  /** The month heading it stands under, 1–12. */
  readonly month: number;
  /** The paragraph in the report-text mini-format. */
  readonly text: string;
  /** The addresses it links to, in order. */
  readonly links: readonly string[];
  /** The words of links written with no address (`[words](#)`): kept, and listed for the monitor. */
  readonly missingLinks: readonly string[];
  /** The day of its month the text names ("on June 27" under June), or null. */
  readonly suggestedDay: number | null;
};

export type PastSection = {
  readonly fileName: string;
  readonly language: ReportLanguage;
  readonly developments: readonly PastDevelopment[];
  /** The year the file names (a month heading, its title page, its name), or null. */
  readonly year: number | null;
};

/** The largest file taken as a report: refused by its size before a byte of it is read. */
export const MAX_REPORT_FILE_BYTES = 50 * 1024 * 1024;

/** A file as the import needs it: its size is checked before its bytes are asked for. */
export type ReportFile = { readonly name: string; readonly size: number; bytes(): Promise<Uint8Array> };

export async function readPastReport(file: ReportFile): Promise<PastSection> {
  if (file.size > MAX_REPORT_FILE_BYTES) throw new ImportRefusedError('too-large', String(file.size));
  const bytes = await file.bytes();
  const wordLike = looksLikeWordFile(bytes) || /\.doc[xm]?$/i.test(file.name);
  const paragraphs = wordLike ? docxParagraphs(bytes) : textParagraphs(bytes);
  return pastSection(paragraphs, file.name);
}

function textParagraphs(bytes: Uint8Array): SourceParagraph[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefusedError('unknown-kind');
  }
  // Control characters other than line breaks and tabs: not a text file.
  for (let i = 0; i < Math.min(text.length, 65_536); i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d)
      throw new ImportRefusedError('unknown-kind');
  }
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => ({ text: line.trim(), heading: null }));
}

/** The section's name in each language, and the other names monitors have given it. */
const SECTION_NAMES: ReadonlyArray<readonly [ReportLanguage, string]> = [
  ['en', 'legal pressure'],
  ['ru', 'юридическое давление'],
  ['ru', 'правовое давление'],
  ['ru', 'судебное давление'],
  ['kk', 'құқықтық қысым'],
  ['kk', 'заңгерлік қысым'],
  ['kk', 'заңдық қысым'],
];

// prettier-ignore
const MONTH_WORDS: Readonly<Record<ReportLanguage, readonly string[]>> = {
  en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
};
/** Russian months as a date names them ("27 июня"). */
// prettier-ignore
const RUSSIAN_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

const MONTH_OF_WORD = new Map<string, number>(
  Object.values(MONTH_WORDS).flatMap((words) => words.map((word, i) => [word, i + 1] as const)),
);

function plain(paragraph: SourceParagraph): string {
  return reportPlainText(paragraph.text).replace(/\s+/g, ' ').trim();
}

/** A paragraph that is only a month's name (any language, any case), perhaps with its year. */
function monthHeading(text: string): { month: number; year: number | null } | null {
  const match = /^(?:(\d{4})\s*(?:жылғы\s+|ж\.\s*)?)?(\p{L}+)(?:\s+(\d{4}))?(?:\s*(?:г\.?|года?|жыл))?[.:]?$/u.exec(
    text.toLocaleLowerCase('ru'),
  );
  const month = match ? MONTH_OF_WORD.get(match[2]!) : undefined;
  if (match === null || month === undefined) return null;
  const year = match[1] ?? match[3];
  return { month, year: year === undefined ? null : Number(year) };
}

function sectionHeading(text: string): ReportLanguage | null {
  if (text.length > 250) return null;
  const name = text.replace(/^\d{1,2}\s*[.)]\s*/, '').toLocaleLowerCase('ru');
  return SECTION_NAMES.find(([, words]) => name.startsWith(words))?.[0] ?? null;
}

/** A heading of the report's next section: "3. Obstruction of journalists' …". */
function nextSectionHeading(paragraph: SourceParagraph, text: string, level: number | null): boolean {
  if (monthHeading(text) !== null) return false;
  if (level !== null && paragraph.heading !== null && paragraph.heading <= level) return true;
  return text.length <= 250 && /^\d{1,2}\s*[.)]\s+\p{Lu}/u.test(text);
}

export function pastSection(paragraphs: readonly SourceParagraph[], fileName: string): PastSection {
  const start = paragraphs.findIndex((p) => sectionHeading(plain(p)) !== null);
  if (start < 0) throw new ImportRefusedError('no-section');
  const language = sectionHeading(plain(paragraphs[start]!))!;
  const level = paragraphs[start]!.heading;
  const developments: PastDevelopment[] = [];
  let month: number | null = null;
  let year: number | null = null;
  for (const paragraph of paragraphs.slice(start + 1)) {
    const text = plain(paragraph);
    if (text === '') continue;
    if (nextSectionHeading(paragraph, text, level)) break;
    const heading = monthHeading(text);
    if (heading !== null) {
      month = heading.month;
      year ??= heading.year;
      continue;
    }
    if (month === null) continue; // the section's introduction, its statistics
    developments.push(pastDevelopment(paragraph.text, month, developments.length, language));
  }
  if (developments.length === 0) throw new ImportRefusedError('no-section', 'no development under a month heading');
  year ??=
    yearNamed(
      paragraphs
        .slice(0, start + 1)
        .map(plain)
        .join(' '),
    ) ?? yearNamed(fileName);
  return { fileName, language, developments, year };
}

function yearNamed(text: string): number | null {
  const match = /(?:^|\D)((?:19|20)\d\d)(?!\d)/.exec(text);
  return match ? Number(match[1]) : null;
}

function pastDevelopment(text: string, month: number, index: number, language: ReportLanguage): PastDevelopment {
  const parsed = parseReportText(text);
  const links = reportLinks(text);
  const missingLinks = parsed.warnings.filter((w) => w.target === '#' || w.target === '').map((w) => w.text);
  return { index, month, text, links, missingLinks, suggestedDay: dayNamed(reportPlainText(text), month, language) };
}

/** The day of `month` the text names first ("on June 27", "27 июня", "27 маусым"), or null. */
export function dayNamed(text: string, month: number, language: ReportLanguage): number | null {
  const lower = text.toLocaleLowerCase(language === 'en' ? 'en' : 'ru');
  const word =
    language === 'en'
      ? MONTH_WORDS.en[month - 1]!
      : language === 'ru'
        ? RUSSIAN_GENITIVE[month - 1]!
        : MONTH_WORDS.kk[month - 1]!;
  const patterns =
    language === 'en'
      ? [
          new RegExp(`\\b${word}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`),
          new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${word}\\b`),
        ]
      : [new RegExp(`(?:^|[^\\d])(\\d{1,2})\\s+${word}`, 'u')];
  for (const pattern of patterns) {
    const day = Number(pattern.exec(lower)?.[1]);
    if (day >= 1 && day <= 31) return day;
  }
  return null;
}
