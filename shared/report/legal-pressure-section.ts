import { placeRegion, regionKey, regionName } from '../domain/places';
import {
  AlignmentType,
  Document,
  ConcreteHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  HighlightColor,
} from 'docx';
import { CASE_KINDS, type CaseKind } from '../domain/case';
import { previousQuarter, type Quarter } from '../domain/civil-date';
import {
  defaultSectionTitle,
  DOCUMENT_LANGUAGE,
  monthName,
  reportLabels,
  translationMark,
  type ReportLabels,
  type ReportLanguage,
} from './locale';
import { selectQuarter, type ReportCase, type ReportDevelopment } from './quarter-selection';
import type { Quarter as QuarterKey } from '../domain/civil-date';
import type { ReportSettings } from '../settings/vault-settings';
import { parseReportText, type ReportRun, type ReportTextWarning } from './report-text';
import { xmlSafe } from './xml-text';
import { withFixedZipDates } from './zip-dates';

/** Everything the section is made of: built once, rendered by the preview and packed as DOCX. */
export type SectionModel = {
  readonly title: string;
  readonly introduction: string;
  readonly language: ReportLanguage;
  readonly months: ReadonlyArray<{
    readonly name: string;
    readonly paragraphs: ReadonlyArray<{
      readonly entryId: string;
      readonly runs: readonly ReportRun[];
      /** Another language's text, marked in the document for translation; null: the language's own. */
      readonly translateFrom: ReportLanguage | null;
    }>;
  }>;
  readonly warnings: ReadonlyArray<ReportTextWarning & { readonly entryId: string }>;
  /** Developments marked for the report with no text in any language: never in the file. */
  readonly missingText: readonly string[];
  /**
   * Developments with no text in this language but with one in another (`from`, the one a marked
   * paragraph uses): left out, or in the file marked for translation, as the options say.
   */
  readonly untranslated: ReadonlyArray<{ readonly entryId: string; readonly from: ReportLanguage }>;
  readonly statistics: SectionStatistics | null;
};

export type SectionStatistics = {
  /** Developments per proceeding kind, one count per month of the quarter. */
  readonly byKind: ReadonlyArray<{ readonly kind: CaseKind; readonly perMonth: readonly number[] }>;
  readonly newCases: number;
  readonly ongoingCases: number;
  /** Rulings of the quarter that went for the journalist or outlet. */
  readonly rulingsForMedia: number;
  /**
   * Developments per place the cases' targets are in, a place counted once however it was
   * typed ("Алматы", "Almaty" and the listed Almaty are one; see domain/places.ts); most first.
   */
  readonly byRegion: ReadonlyArray<{ readonly name: string; readonly developments: number }>;
  /**
   * The quarter before, where it has developments (past reports imported, or last quarter's
   * work): its developments per kind, and its new and ongoing cases, for the comparison column.
   */
  readonly previous: {
    readonly quarter: Quarter;
    readonly byKind: Readonly<Partial<Record<CaseKind, number>>>;
    readonly developments: number;
    readonly newCases: number;
    readonly ongoingCases: number;
  } | null;
};

export type SectionOptions = {
  readonly quarter: Quarter;
  readonly language: ReportLanguage;
  readonly title?: string;
  /** The section's number in the report, in the default title ('2': "2. Legal Pressure …"; '': none). */
  readonly sectionNumber?: string;
  readonly introduction: string;
  readonly order?: readonly string[];
  readonly statistics?: boolean;
  /**
   * A development with no text in this language but one in another: left out of the file
   * ('leave-out', the default), or given the other language's text marked for translation.
   */
  readonly untranslated?: 'leave-out' | 'mark';
};

/** The languages whose text stands in for a missing one, in order of preference. */
const STAND_INS: Readonly<Record<ReportLanguage, readonly ReportLanguage[]>> = {
  en: ['ru', 'kk'],
  ru: ['kk', 'en'],
  kk: ['ru', 'en'],
};

/** The options of a quarter's section in a language, from what the monitor set for the quarter. */
export function sectionOptionsFor(
  settings: ReportSettings,
  quarter: QuarterKey,
  language: ReportLanguage,
  untranslated: 'leave-out' | 'mark' = 'leave-out',
): SectionOptions {
  return {
    quarter,
    language,
    title: settings.titles[language],
    sectionNumber: settings.sectionNumber,
    introduction: settings.introductions[language],
    order: settings.order,
    statistics: settings.statistics,
    untranslated,
  };
}

/**
 * Builds the "Legal Pressure" section of a quarter from the cases. Only report text of entries
 * marked for the report ever enters the model: privileged notes, case notes and unmarked entries
 * cannot reach the file because they are never read here.
 */
export function buildSectionModel(cases: readonly ReportCase[], options: SectionOptions): SectionModel {
  const { language } = options;
  const selection = selectQuarter(cases, options.quarter, options.order);
  const warnings: Array<ReportTextWarning & { entryId: string }> = [];
  const untranslated: Array<{ entryId: string; from: ReportLanguage }> = [];
  const paragraphOf = (development: ReportDevelopment) => {
    const own = development.reportTexts[language];
    const from = own.trim() !== '' ? null : STAND_INS[language].find((l) => development.reportTexts[l].trim() !== '')!;
    if (from !== null) untranslated.push({ entryId: development.entryId, from });
    if (from !== null && options.untranslated !== 'mark') return [];
    const parsed = parseReportText(xmlSafe(from === null ? own : development.reportTexts[from]));
    warnings.push(...parsed.warnings.map((warning) => ({ ...warning, entryId: development.entryId })));
    return [{ entryId: development.entryId, runs: parsed.runs, translateFrom: from }];
  };
  const months = selection.months.map(({ month, developments }) => ({
    name: monthName(month, language),
    paragraphs: developments.flatMap(paragraphOf),
  }));
  return {
    title: xmlSafe(options.title?.trim() || defaultSectionTitle(options.language, options.sectionNumber ?? '2')),
    introduction: xmlSafe(options.introduction),
    language: options.language,
    months,
    warnings,
    missingText: selection.missingText.map((d) => d.entryId),
    untranslated,
    statistics: options.statistics ? statistics(cases, selection.months, options) : null,
  };
}

function statistics(
  cases: readonly ReportCase[],
  months: ReturnType<typeof selectQuarter>['months'],
  { quarter, language }: Pick<SectionOptions, 'quarter' | 'language'>,
): SectionStatistics {
  const before = previousQuarter(quarter);
  const earlier = selectQuarter(cases, before).months;
  const previousCount = (kind: CaseKind) =>
    earlier.flatMap((m) => m.developments).filter((d) => d.caseKind === kind).length;
  const hadPrevious = earlier.some((m) => m.developments.length > 0);
  const byKind = CASE_KINDS.map((kind) => ({
    kind,
    perMonth: months.map((m) => m.developments.filter((d) => d.caseKind === kind).length),
  })).filter((row) => row.perMonth.some((n) => n > 0) || (hadPrevious && previousCount(row.kind) > 0));
  const rulingsForMedia = months.flatMap((m) => m.developments).filter((d) => d.ruling === 'for-media').length;
  return {
    byKind,
    ...newAndOngoing(cases, months, quarter),
    rulingsForMedia,
    byRegion: developmentsByRegion(cases, months, language),
    previous: hadPrevious
      ? {
          quarter: before,
          byKind: Object.fromEntries(CASE_KINDS.map((kind) => [kind, previousCount(kind)])),
          developments: earlier.reduce((n, m) => n + m.developments.length, 0),
          ...newAndOngoing(cases, earlier, before),
        }
      : null,
  };
}

/** Cases with developments in the quarter: new (their first development in it) and ongoing (begun before). */
function newAndOngoing(
  cases: readonly ReportCase[],
  months: ReturnType<typeof selectQuarter>['months'],
  quarter: Quarter,
): { newCases: number; ongoingCases: number } {
  const inQuarter = new Set(months.flatMap((m) => m.developments.map((d) => d.caseTag)));
  const quarterStart = `${quarter.year}-${String((quarter.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  let newCases = 0;
  for (const view of cases) {
    if (!inQuarter.has(view.caseTag)) continue;
    const earliest = view.entries.reduce((min, e) => (e.record.date < min ? e.record.date : min), '9999-12-31');
    if (earliest >= quarterStart) newCases += 1;
  }
  return { newCases, ongoingCases: inQuarter.size - newCases };
}

/**
 * The statistics as text, in the report's language: the table's header and rows, and the lines
 * under it. The preview and the DOCX both print this, so they cannot disagree.
 */
export function statisticsText(
  model: SectionModel,
  labels: ReportLabels,
): { header: string[]; rows: string[][]; lines: string[] } | null {
  const stats = model.statistics;
  if (stats === null) return null;
  const { previous } = stats;
  const developments = stats.byKind.reduce((n, row) => n + row.perMonth.reduce((a, b) => a + b, 0), 0);
  return {
    header: [
      labels.kindHeader,
      ...model.months.map((m) => m.name),
      labels.total,
      ...(previous ? [labels.previousQuarter(previous.quarter)] : []),
    ],
    rows: stats.byKind.map((row) => [
      labels.kind(row.kind),
      ...row.perMonth.map(String),
      String(row.perMonth.reduce((a, b) => a + b, 0)),
      ...(previous ? [String(previous.byKind[row.kind] ?? 0)] : []),
    ]),
    lines: [
      labels.newVsOngoing(stats.newCases, stats.ongoingCases),
      ...(previous
        ? [labels.comparison({ developments, newCases: stats.newCases, ongoingCases: stats.ongoingCases }, previous)]
        : []),
      ...(stats.byRegion.length > 0 ? [labels.byRegion(stats.byRegion)] : []),
    ],
  };
}

function developmentsByRegion(
  cases: readonly ReportCase[],
  months: ReturnType<typeof selectQuarter>['months'],
  language: ReportLanguage,
): SectionStatistics['byRegion'] {
  const places = new Map<string, { name: string; developments: number }>();
  const regionsOf = new Map(
    cases.map((view) => [
      view.caseTag,
      view.record.targets.map((target) => target.region).filter((r) => r.trim() !== ''),
    ]),
  );
  for (const development of months.flatMap((m) => m.developments)) {
    const seen = new Set<string>();
    for (const region of regionsOf.get(development.caseTag) ?? []) {
      const key = regionKey(region);
      if (seen.has(key)) continue;
      seen.add(key);
      const place = places.get(key) ?? { name: regionName(placeRegion(region) ?? region, language), developments: 0 };
      place.developments += 1;
      places.set(key, place);
    }
  }
  return [...places.values()].sort((a, b) => b.developments - a.developments || (a.name < b.name ? -1 : 1));
}

const FONT = 'Times New Roman';
/** A line of 12-point body text, in twentieths of a point. */
const BLANK_LINE = 240;

/** The docx document of a section. Labels of the statistics table come from the caller. */
export function sectionDocument(model: SectionModel, labels: ReportLabels = reportLabels(model.language)): Document {
  const language = DOCUMENT_LANGUAGE[model.language];
  const links: string[] = [];
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: model.title })] }),
  ];
  // Body paragraphs: no line of one alone at the foot or head of a page (widow and orphan control).
  if (model.introduction.trim() !== '') {
    children.push(new Paragraph({ widowControl: true, children: [new TextRun({ text: model.introduction.trim() })] }));
  }
  if (model.statistics) children.push(...statisticsTable(model, labels));
  for (const month of model.months) {
    if (month.paragraphs.length === 0) continue;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: month.name })] }));
    for (const paragraph of month.paragraphs) {
      const runs = paragraph.runs.map((run) => runOf(run, links));
      const mark =
        paragraph.translateFrom === null
          ? []
          : [
              new TextRun({
                text: `${translationMark(model.language, paragraph.translateFrom)} `,
                bold: true,
                highlight: HighlightColor.YELLOW,
              }),
            ];
      children.push(new Paragraph({ widowControl: true, children: [...mark, ...runs] }));
    }
  }
  const document = new Document({
    title: model.title,
    creator: 'Qorgau',
    lastModifiedBy: 'Qorgau',
    description: '',
    // The body is justified by the document's defaults rather than paragraph by paragraph: the same
    // page, with a few thousand fewer XML elements for docx to build and write in a long quarter
    // (about 7% of packing 500 developments, measured with `npm run bench`). Headings, the table's
    // cells and the line under it say "left" for themselves.
    styles: {
      default: {
        // As the report sets its pages: a blank line of body text (12 pt) after every paragraph,
        // more before a month's heading, and headings kept on the page of what follows them.
        document: {
          paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: BLANK_LINE } },
          run: {
            font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT },
            size: 24,
            language: { value: language },
          },
        },
        heading1: {
          paragraph: { alignment: AlignmentType.LEFT, keepNext: true, keepLines: true, spacing: { after: BLANK_LINE } },
          run: { font: FONT, size: 30, bold: true, language: { value: language } },
        },
        heading2: {
          paragraph: {
            alignment: AlignmentType.LEFT,
            keepNext: true,
            keepLines: true,
            spacing: { before: BLANK_LINE, after: BLANK_LINE / 2 },
          },
          run: { font: FONT, size: 26, bold: true, language: { value: language } },
        },
      },
    },
    sections: [{ children }],
  });
  for (const [i, href] of links.entries())
    document.Document.Relationships.addRelationship(linkId(i), HYPERLINK, linkTarget(href).target, 'External');
  return document;
}

const HYPERLINK = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/**
 * Hyperlinks get their relationship ids from their order (`rIdLink1`, …), not the random ids
 * `docx` gives an `ExternalHyperlink`, so the same data packs to the same bytes without
 * rewriting the packed document.
 */
function linkId(index: number): string {
  return `Link${index + 1}`;
}

function runOf(run: ReportRun, links: string[]): TextRun | ConcreteHyperlink {
  const text = new TextRun({
    text: run.text,
    bold: run.bold,
    italics: run.italic,
    ...(run.href !== null ? { style: 'Hyperlink' } : {}),
  });
  if (run.href === null) return text;
  links.push(run.href);
  return new ConcreteHyperlink([text], linkId(links.length - 1), linkTarget(run.href).anchor, run.href);
}

/** An address split as `docx` splits it for Word: a fragment becomes the link's anchor. */
function linkTarget(href: string): { target: string; anchor?: string } {
  const index = href.indexOf('#');
  const fragment = href.length - index - 1;
  return index > 0 && fragment > 0 && fragment <= 255
    ? { target: href.slice(0, index), anchor: href.slice(index + 1) }
    : { target: href };
}

function statisticsTable(model: SectionModel, labels: ReportLabels): Array<Paragraph | Table> {
  const text = statisticsText(model, labels);
  if (text === null) return [];
  const cell = (value: string, bold = false) =>
    new TableCell({
      children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: value, bold })] })],
    });
  const header = new TableRow({ tableHeader: true, children: text.header.map((value) => cell(value, true)) });
  const rows = text.rows.map((row) => new TableRow({ children: row.map((value) => cell(value)) }));
  return [
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
    ...text.lines.map(
      (line) => new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: line })] }),
    ),
  ];
}

/**
 * Packs the section as DOCX bytes that are the same for the same data on every machine and every
 * surface (desktop, web, command line): hyperlinks are numbered in order (see `linkId`), the
 * document properties are written by us — the title, "Qorgau" as the creating application, and no
 * timestamps, user or machine names — and every zip entry gets one fixed date. `docx` packs once;
 * nothing is unzipped and zipped again (measured with `npm run bench`: that took the export from
 * about 1.75× a bare pack of the same paragraphs to about 1.1×).
 */
export function packSection(document: Document, model: SectionModel): Promise<Uint8Array> {
  return packDocx(document, model.title, model.language);
}

/**
 * A Word document as bytes that are the same for the same content on every machine: the
 * document properties written by us (the title, "Qorgau" as the creating application, the
 * language; no timestamps, user or machine names) and one fixed date for every zip entry. The
 * section and the case summary both pack through here.
 */
export async function packDocx(document: Document, title: string, language: ReportLanguage): Promise<Uint8Array> {
  const core = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(title)}</dc:title>`,
    '<dc:creator>Qorgau</dc:creator>',
    '<cp:lastModifiedBy>Qorgau</cp:lastModifiedBy>',
    `<dc:language>${DOCUMENT_LANGUAGE[language]}</dc:language>`,
    '</cp:coreProperties>',
  ].join('');
  const packed = await Packer.pack(document, 'uint8array', false, [{ path: 'docProps/core.xml', data: core }]);
  return withFixedZipDates(packed);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
