/**
 * Removes what XML 1.0 cannot hold: C0 controls other than tab, line feed and carriage return,
 * U+FFFE and U+FFFF, and lone surrogates. `docx` escapes & < > " ' but lets these through, and a
 * single one makes Word and LibreOffice refuse the whole file.
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu, '');
}
