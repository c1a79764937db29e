import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportLanguage } from '../domain/texts-by-language';
import { xmlSafe } from './xml-text';
import { packDocx } from './legal-pressure-section';
import { DOCUMENT_LANGUAGE } from './locale';

/**
 * A printable summary of one case, as a lawyer takes it to a hearing or hands it to a colleague:
 * the facts of the proceeding, its timeline, open deadlines and documents (each with its full
 * SHA-256), and — only when asked — the privileged notes, under a marked heading. The words
 * (labels and values) come from the caller in the interface's language; this module lays them
 * out with the same machinery as the report section (docx, XML-safe text, fixed zip dates).
 */
export type CaseSummaryModel = {
  readonly language: ReportLanguage;
  readonly title: string;
  /** "Printed on 7 December 2026 from Qorgau", in the summary's language. */
  readonly printed: string;
  readonly facts: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  readonly sections: ReadonlyArray<{
    readonly heading: string;
    /** Each row's cells, the first row the header; an empty list prints `empty`. */
    readonly rows: ReadonlyArray<readonly string[]>;
    readonly empty: string;
  }>;
  readonly summary: { readonly heading: string; readonly text: string } | null;
  /** Present only when the person asked for the privileged notes. */
  readonly privileged: { readonly heading: string; readonly warning: string; readonly text: string } | null;
};

const FONT = 'Times New Roman';

function lines(text: string, options: { bold?: boolean } = {}): Paragraph[] {
  return xmlSafe(text)
    .split('\n')
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold ?? false })] }));
}

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: xmlSafe(text)
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header })] })),
  });
}

/** A table; with `header`, its first row is the header (bold, repeated on each page). */
function table(rows: ReadonlyArray<readonly string[]>, header: boolean): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, index) =>
        new TableRow({
          tableHeader: header && index === 0,
          children: row.map((text, column) => cell(text, header ? index === 0 : column === 0)),
        }),
    ),
  });
}

export function caseSummaryDocument(model: CaseSummaryModel): Document {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(xmlSafe(model.title))] }),
    new Paragraph({ children: [new TextRun({ text: xmlSafe(model.printed), italics: true })] }),
    table(
      model.facts.map((fact) => [fact.label, fact.value]),
      false,
    ),
  ];
  for (const section of model.sections) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 240, after: 80 },
        keepNext: true,
        children: [new TextRun(xmlSafe(section.heading))],
      }),
    );
    children.push(section.rows.length > 1 ? table(section.rows, true) : new Paragraph(xmlSafe(section.empty)));
  }
  if (model.summary !== null) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(xmlSafe(model.summary.heading))] }),
      ...lines(model.summary.text),
    );
  }
  if (model.privileged !== null) {
    // Marked so it cannot be mistaken for the rest: a boxed, shaded warning before the notes.
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        pageBreakBefore: true,
        children: [new TextRun(xmlSafe(model.privileged.heading))],
      }),
      new Paragraph({
        alignment: AlignmentType.LEFT,
        shading: { type: ShadingType.CLEAR, fill: 'FDE2E1', color: 'auto' },
        border: { top: rule, bottom: rule, left: rule, right: rule },
        children: [new TextRun({ text: xmlSafe(model.privileged.warning), bold: true })],
      }),
      ...lines(model.privileged.text),
    );
  }
  return new Document({
    creator: 'Qorgau',
    title: xmlSafe(model.title),
    styles: {
      default: {
        document: { run: { font: FONT, size: 24, language: { value: DOCUMENT_LANGUAGE[model.language] } } },
      },
    },
    sections: [{ children }],
  });
}

const rule = { style: BorderStyle.SINGLE, size: 12, color: 'B42318', space: 4 };

/** The summary as DOCX bytes, the same for the same case on every machine (see `packDocx`). */
export function packCaseSummary(model: CaseSummaryModel): Promise<Uint8Array> {
  return packDocx(caseSummaryDocument(model), xmlSafe(model.title), model.language);
}
