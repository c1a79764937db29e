import path from 'node:path';
import { SECURITY_HEADERS } from '../../../shared/security/csp';
import { contentTypeFor, resolveStaticPath } from '../../../shared/security/static-path';

export type ReadAsset = (absolutePath: string) => Promise<Uint8Array>;

/**
 * Builds the handler that serves the renderer's files, used by both hosts: the desktop app's
 * privileged scheme (`qorgau://app/...`) and the web edition's server on 127.0.0.1. It serves
 * files from `assetRoot` only: the URL path passes the shared traversal guard, and the joined
 * path must still lie inside the root. A request for any host but `allowedHosts` is refused
 * (for the web edition that stops DNS rebinding). Every response carries the CSP and security
 * headers.
 */
export function createAssetHandler(options: {
  readonly assetRoot: string;
  readonly allowedHosts: readonly string[];
  readonly readAsset: ReadAsset;
}): (request: Request) => Promise<Response> {
  const root = path.resolve(options.assetRoot);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const url = new URL(request.url);
    if (!options.allowedHosts.includes(url.host)) return plain(421, 'Misdirected request');
    const absolutePath = resolveInside(root, url.pathname);
    if (absolutePath === null) return plain(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await options.readAsset(absolutePath);
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Blob([body as Uint8Array<ArrayBuffer>]), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(absolutePath) },
    });
  };
}

/**
 * The absolute path a URL path maps to inside `root`, or null when it would leave it.
 */
export function resolveInside(root: string, urlPathname: string): string | null {
  const resolved = resolveStaticPath(urlPathname);
  if (!resolved.ok) return null;
  const absolutePath = path.resolve(root, resolved.relativePath);
  return absolutePath.startsWith(root + path.sep) ? absolutePath : null;
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
