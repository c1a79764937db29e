/**
 * `scheme://host[:port]` of a URL, or null when it does not parse.
 *
 * WHATWG `URL.origin` is the string "null" for non-special schemes such as the app's own
 * `qorgau://`, so it cannot be used to recognise the app; this can.
 */
export function originOf(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if (url.host === '') return null;
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}
