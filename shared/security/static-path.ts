/**
 * Maps the path of a request for an app asset to a path relative to the asset folder, or refuses.
 *
 * Used by the Electron protocol handler and by the web edition's server; both also check that the
 * joined path stays inside the asset folder (defence in depth, with the platform's own path rules).
 * Refused: `..` or `.` segments (raw or percent-encoded), backslashes, NUL and other control
 * characters, encoded slashes, empty segments, and malformed percent-encoding.
 */
export type StaticPathResult =
  { readonly ok: true; readonly relativePath: string } | { readonly ok: false; readonly reason: string };

const INDEX_FILE = 'index.html';

export function resolveStaticPath(urlPathname: string): StaticPathResult {
  if (!urlPathname.startsWith('/')) return refuse('path must start with /');
  const rawSegments = urlPathname.slice(1).split('/');
  const segments: string[] = [];
  for (const [index, raw] of rawSegments.entries()) {
    if (raw === '') {
      // A trailing slash asks for the folder's index; empty segments elsewhere are refused.
      if (index === rawSegments.length - 1) continue;
      return refuse('empty path segment');
    }
    if (/%2f|%5c/i.test(raw)) return refuse('encoded separator');
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return refuse('malformed percent-encoding');
    }
    if (decoded === '.' || decoded === '..') return refuse('dot segment');
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (/[\\\u0000-\u001f\u007f:]/.test(decoded)) return refuse('forbidden character');
    segments.push(decoded);
  }
  if (segments.length === 0 || urlPathname.endsWith('/')) segments.push(INDEX_FILE);
  return { ok: true, relativePath: segments.join('/') };
}

function refuse(reason: string): StaticPathResult {
  return { ok: false, reason };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** Content type for an asset path; unknown types are served as opaque bytes (with nosniff). */
export function contentTypeFor(relativePath: string): string {
  const extension = relativePath.slice(relativePath.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}
