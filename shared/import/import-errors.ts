/**
 * Why a file offered as a past report was refused. Each is refused before anything is read into
 * the vault, and the screen says it in the person's language (`pastReports.refused.<code>`).
 */
export const IMPORT_REFUSALS = [
  /** Over the size a report can be: refused by its size, before a byte is read. */
  'too-large',
  /** A zip entry inside that unpacks to more than a report's text can be (a zip bomb). */
  'too-large-inside',
  /** Not a zip, or a zip that cannot be read to the end. */
  'damaged',
  /** Word's password protection: the file is an encrypted container, not a document. */
  'encrypted',
  /** Word 97–2003 (.doc) or another compound file: not a format we read. */
  'legacy-doc',
  /** A macro-enabled document (.docm): refused rather than opened. */
  'macro',
  /** A zip that is not a Word document (no `word/document.xml`). */
  'not-docx',
  /** XML with a document type declaration or entities: Word never writes one (an XML bomb does). */
  'xml-unsafe',
  /** Readable, but no Legal Pressure section with month headings was found. */
  'no-section',
  /** A file of a kind we do not read (neither .docx nor plain text). */
  'unknown-kind',
] as const;
export type ImportRefusal = (typeof IMPORT_REFUSALS)[number];

export class ImportRefusedError extends Error {
  constructor(
    readonly refusal: ImportRefusal,
    readonly detail = '',
  ) {
    super(`import refused: ${refusal}${detail === '' ? '' : ` (${detail})`}`);
    this.name = 'ImportRefusedError';
  }
}
