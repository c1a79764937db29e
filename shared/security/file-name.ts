/**
 * Turns any user-supplied name into a file name that is safe on Windows, macOS and Linux: no path
 * separators, no reserved characters or device names, no leading dots, bounded length. The name a
 * person typed stays recognisable; Cyrillic and Kazakh letters are kept as they are.
 */
const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_NAME_LENGTH = 180;

export function toSafeFileName(name: string, fallback = 'file'): string {
  let safe = name
    .normalize('NFC')
    // Path-traversal segments disappear entirely rather than turning into odd "_.._" names.
    .replace(/(^|[/\\])\.{2,}(?=[/\\]|$)/g, '$1')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[\s._]+/, '')
    .replace(/[\s.]+$/, '');
  if (safe.length > MAX_NAME_LENGTH) {
    const dot = safe.lastIndexOf('.');
    const extension = dot > 0 && safe.length - dot <= 16 ? safe.slice(dot) : '';
    safe = safe.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
  }
  if (safe === '' || RESERVED_WINDOWS_NAMES.test(safe)) safe = `${fallback}${safe ? `_${safe}` : ''}`;
  return safe;
}
