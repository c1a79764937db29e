/**
 * The one check a link passes before it leaves the app for the system browser or mail client.
 *
 * Only http, https and mailto; no credentials in the URL (a classic way to disguise the real
 * host); a bounded length. A mailto link keeps its recipients, subject, body and cc only: other
 * fields (`attach=`, `attachment=` — some mail clients attach the named local file — or `bcc=`)
 * are dropped. Returns the normalised URL to open, or null.
 */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_URL_LENGTH = 2048;
const MAILTO_FIELDS = new Set(['subject', 'body', 'cc']);

export function toSafeExternalUrl(candidate: string): string | null {
  if (candidate.length === 0 || candidate.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  if (url.protocol === 'mailto:') {
    for (const field of [...url.searchParams.keys()])
      if (!MAILTO_FIELDS.has(field.toLowerCase())) url.searchParams.delete(field);
    // An emptied query leaves a bare "?" behind.
    if ([...url.searchParams.keys()].length === 0) url.search = '';
  }
  return url.href;
}

/** File names a source may be, whose extension is not a top-level domain a person means. */
const FILE_EXTENSIONS = new Set([
  'pdf',
  'doc',
  'docx',
  'odt',
  'rtf',
  'txt',
  'jpg',
  'jpeg',
  'png',
  'xls',
  'xlsx',
  'zip',
]);
const BARE_DOMAIN = /^(?:[\p{L}\d](?:[\p{L}\d-]*[\p{L}\d])?\.)+(\p{L}{2,})(?::\d+)?(?:[/?#]\S*)?$/u;

/**
 * A link typed without its scheme ("uralskweek.kz/news/1", "www.zakon.kz") completed with
 * https://, as a browser's address bar would; anything else (free text, a file name, a link
 * with a scheme) is returned as it was.
 */
export function withLinkScheme(text: string): string {
  const trimmed = text.trim();
  const match = BARE_DOMAIN.exec(trimmed);
  if (!match || FILE_EXTENSIONS.has(match[1]!.toLowerCase())) return text;
  return `https://${trimmed}`;
}

/** withLinkScheme for each line of a list typed one item per line. */
export function withLinkSchemes(lines: string): string {
  return lines
    .split('\n')
    .map((line) => withLinkScheme(line))
    .join('\n');
}
