/**
 * The one check a link passes before it leaves the app for the system browser or mail client.
 *
 * Only http, https and mailto; no credentials in the URL (a classic way to disguise the real
 * host); a bounded length. Returns the normalised URL to open, or null.
 */
const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_URL_LENGTH = 2048;

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
  return url.href;
}
