import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { toSafeExternalUrl } from '../security/external-url';
import { reportTextOf, type ReportRun } from '../report/report-text';
import { ImportRefusedError } from './import-errors';

/**
 * Reads a Word document's body as paragraphs in the report-text mini-format, for the import of
 * past reports. The XML is read directly, with `fflate` (unzip) and `saxes` (a streaming XML
 * parser), rather than through a DOCX-to-HTML converter: what the import needs — bold and italic
 * as Word resolves them (`<w:b w:val="0"/>` turns bold off), hyperlinks both as `<w:hyperlink>`
 * and as `HYPERLINK` field codes, tracked changes as the reader sees them (insertions in,
 * deletions out), headings by their outline level whatever the style is called in the author's
 * language — is a few dozen lines over the parser's events, and nothing is converted twice.
 *
 * Hostile files are refused before they cost memory: every part read is checked against its
 * stated unpacked size (at most `MAX_PART_BYTES`) before it is inflated, into a buffer of that
 * size; a document type declaration (the way to an entity-expansion bomb; Word never writes one)
 * is refused; macro-enabled and password-protected documents are recognised and refused.
 */
export type SourceParagraph = {
  /** The paragraph in the report-text mini-format (`[words](url)`, `**bold**`, `*italic*`). */
  readonly text: string;
  /** Its outline level as a heading (1 the highest), or null for body text. */
  readonly heading: number | null;
};

/** The largest part of a document we unpack: a 500-page report's text is a few megabytes. */
export const MAX_PART_BYTES = 32 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** Whether the bytes begin as a Word document (a zip) or an Office compound file would. */
export function looksLikeWordFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP) || startsWith(bytes, COMPOUND_FILE);
}

const PARTS = ['[Content_Types].xml', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/styles.xml'];

export function docxParagraphs(bytes: Uint8Array): SourceParagraph[] {
  if (startsWith(bytes, COMPOUND_FILE)) {
    // Word's password protection wraps the document in a compound file with these streams.
    throw new ImportRefusedError(hasUtf16(bytes, 'EncryptionInfo') ? 'encrypted' : 'legacy-doc');
  }
  if (!startsWith(bytes, ZIP)) throw new ImportRefusedError('damaged', 'not a zip archive');
  let macros = false;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        if (/vbaProject\.bin$/i.test(file.name)) macros = true;
        if (!PARTS.includes(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) throw new ImportRefusedError('too-large-inside', file.name);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ImportRefusedError) throw error;
    throw new ImportRefusedError('damaged', error instanceof Error ? error.message : String(error));
  }
  const contentTypes = parts['[Content_Types].xml'];
  if (macros || (contentTypes !== undefined && /macroEnabled/i.test(utf8(contentTypes)))) {
    throw new ImportRefusedError('macro');
  }
  const body = parts['word/document.xml'];
  if (body === undefined) throw new ImportRefusedError('not-docx');
  const links = relationshipTargets(parts['word/_rels/document.xml.rels']);
  const styles = styleTable(parts['word/styles.xml']);
  return bodyParagraphs(utf8(body), links, styles);
}

function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i += 1) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefusedError('damaged', 'a part is not UTF-8 text');
  }
}

/** Parses XML with the parser's events, refusing a document type declaration and any error. */
function parseXml(
  xml: string,
  handlers: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (text: string) => void },
): void {
  const parser = new SaxesParser();
  parser.on('doctype', () => {
    throw new ImportRefusedError('xml-unsafe');
  });
  parser.on('error', (error) => {
    throw new ImportRefusedError('damaged', error.message);
  });
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (handlers.text) parser.on('text', handlers.text);
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof ImportRefusedError) throw error;
    throw new ImportRefusedError('damaged', error instanceof Error ? error.message : String(error));
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name (`w:val`, `r:id`), whatever the prefix. */
function attribute(tag: SaxesTagPlain, name: string): string | undefined {
  for (const [key, value] of Object.entries(tag.attributes)) if (localName(key) === name) return value;
  return undefined;
}

function relationshipTargets(part: Uint8Array | undefined): Map<string, string> {
  const links = new Map<string, string>();
  if (part === undefined) return links;
  parseXml(utf8(part), {
    open: (tag) => {
      if (localName(tag.name) !== 'Relationship') return;
      const id = attribute(tag, 'Id');
      const target = attribute(tag, 'Target');
      if (id !== undefined && target !== undefined && /hyperlink$/.test(attribute(tag, 'Type') ?? '')) {
        links.set(id, target);
      }
    },
  });
  return links;
}

type StyleTable = {
  /** Paragraph styles that are headings, with their level (1 the highest). */
  readonly headings: ReadonlyMap<string, number>;
  /** Character styles that make text bold or italic ("Strong", "Emphasis" in any language). */
  readonly characters: ReadonlyMap<string, { bold: boolean; italic: boolean }>;
};

function styleTable(part: Uint8Array | undefined): StyleTable {
  const headings = new Map<string, number>();
  const characters = new Map<string, { bold: boolean; italic: boolean }>();
  if (part === undefined) return { headings, characters };
  let current: { id: string; type: string; bold: boolean; italic: boolean } | null = null;
  parseXml(utf8(part), {
    open: (tag) => {
      const name = localName(tag.name);
      if (name === 'style') {
        current = {
          id: attribute(tag, 'styleId') ?? '',
          type: attribute(tag, 'type') ?? '',
          bold: false,
          italic: false,
        };
        return;
      }
      if (current === null) return;
      const level = name === 'name' ? /^(?:heading (\d)|title)$/i.exec(attribute(tag, 'val') ?? '') : null;
      if (level) headings.set(current.id, level[1] === undefined ? 1 : Number(level[1]));
      if (name === 'outlineLvl' && !headings.has(current.id))
        headings.set(current.id, Number(attribute(tag, 'val')) + 1);
      if (name === 'b') current.bold = isOn(tag);
      if (name === 'i') current.italic = isOn(tag);
    },
    close: (name) => {
      if (name !== 'style' || current === null) return;
      if (current.type === 'character' && (current.bold || current.italic)) characters.set(current.id, current);
      current = null;
    },
  });
  return { headings, characters };
}

/** A toggle property (`<w:b/>`, `<w:b w:val="0"/>`) is on unless its value says off. */
function isOn(tag: SaxesTagPlain): boolean {
  const value = attribute(tag, 'val');
  return value === undefined || !['0', 'false', 'off'].includes(value.toLowerCase());
}

/** What is skipped whole: deleted text, and the content of drawings, text boxes and footnote marks. */
const SKIPPED = new Set(['del', 'moveFrom', 'drawing', 'pict', 'object', 'txbxContent', 'instrText', 'delInstrText']);

function bodyParagraphs(xml: string, links: ReadonlyMap<string, string>, styles: StyleTable): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  let runs: ReportRun[] = [];
  let heading: number | null = null;
  let inParagraph = false;
  let tables = 0;
  let skipped = 0;
  let inText = false;
  let inInstruction = false;
  let style = { bold: false, italic: false };
  /** Open hyperlinks (`w:hyperlink`, `w:fldSimple`): their targets, null where none is usable. */
  const hyperlinks: Array<string | null> = [];
  /** Complex fields: their instruction text, and whether their result is being read. */
  const fields: Array<{ instruction: string; href: string | null; result: boolean }> = [];
  const href = () => {
    for (let i = fields.length - 1; i >= 0; i -= 1)
      if (fields[i]!.result && fields[i]!.href !== null) return fields[i]!.href;
    for (let i = hyperlinks.length - 1; i >= 0; i -= 1) if (hyperlinks[i] !== null) return hyperlinks[i]!;
    return null;
  };
  const push = (text: string) => {
    if (text === '' || skipped > 0 || !inParagraph || tables > 0) return;
    // A field's instruction is never text; its result is.
    if (fields.some((field) => !field.result)) return;
    runs.push({ text, bold: style.bold, italic: style.italic, href: href() });
  };
  parseXml(xml, {
    open: (tag) => {
      const name = localName(tag.name);
      if (SKIPPED.has(name)) {
        if (name === 'instrText') inInstruction = true;
        else skipped += 1;
        return;
      }
      if (skipped > 0) return;
      switch (name) {
        case 'tbl':
          tables += 1;
          break;
        case 'p':
          inParagraph = true;
          runs = [];
          heading = null;
          break;
        case 'pStyle':
          heading = styles.headings.get(attribute(tag, 'val') ?? '') ?? heading;
          break;
        case 'outlineLvl':
          if (inParagraph && runs.length === 0) heading = Number(attribute(tag, 'val')) + 1;
          break;
        case 'r':
          style = { bold: false, italic: false };
          break;
        case 'rStyle': {
          const character = styles.characters.get(attribute(tag, 'val') ?? '');
          if (character) style = { bold: style.bold || character.bold, italic: style.italic || character.italic };
          break;
        }
        case 'b':
          style = { ...style, bold: isOn(tag) };
          break;
        case 'i':
          style = { ...style, italic: isOn(tag) };
          break;
        case 't':
          inText = true;
          break;
        case 'tab':
          push(' ');
          break;
        case 'br':
        case 'cr':
          push(' ');
          break;
        case 'noBreakHyphen':
          push('-');
          break;
        case 'hyperlink': {
          const id = attribute(tag, 'id');
          hyperlinks.push(id === undefined ? null : linkOf(links.get(id)));
          break;
        }
        case 'fldSimple':
          hyperlinks.push(hyperlinkOfInstruction(attribute(tag, 'instr') ?? ''));
          break;
        case 'fldChar': {
          const type = attribute(tag, 'fldCharType');
          if (type === 'begin') fields.push({ instruction: '', href: null, result: false });
          else if (type === 'separate' && fields.length > 0) {
            const field = fields[fields.length - 1]!;
            field.result = true;
            field.href = hyperlinkOfInstruction(field.instruction);
          } else if (type === 'end') fields.pop();
          break;
        }
      }
    },
    text: (text) => {
      if (inInstruction && skipped === 0 && fields.length > 0) fields[fields.length - 1]!.instruction += text;
      else if (inText) push(text);
    },
    close: (name) => {
      if (SKIPPED.has(name)) {
        if (name === 'instrText') inInstruction = false;
        else skipped -= 1;
        return;
      }
      if (skipped > 0) return;
      switch (name) {
        case 't':
          inText = false;
          break;
        case 'tbl':
          tables -= 1;
          break;
        case 'hyperlink':
        case 'fldSimple':
          hyperlinks.pop();
          break;
        case 'p':
          if (tables === 0) paragraphs.push({ text: reportTextOf(runs).trim(), heading });
          inParagraph = false;
          break;
      }
    },
  });
  return paragraphs;
}

/**
 * A hyperlink's target as the import keeps it: a checked external address; '#' for a link with
 * no address (a placeholder, kept so the monitor sees where one is missing); null for anything
 * else (an internal anchor, a script), which stays plain text.
 */
function linkOf(target: string | undefined): string | null {
  if (target === undefined) return null;
  const trimmed = target.trim();
  if (trimmed === '' || trimmed === '#') return '#';
  return toSafeExternalUrl(trimmed);
}

/** `HYPERLINK "https://…" \\o "tip"` → the address; `HYPERLINK \\l "anchor"` (a place in the document) → none. */
function hyperlinkOfInstruction(instruction: string): string | null {
  const match = /^\s*HYPERLINK\s+(\\l\s+)?(?:"([^"]*)"|(\S+))/i.exec(instruction);
  if (match === null || match[1] !== undefined) return null;
  return linkOf(match[2] ?? match[3]);
}
