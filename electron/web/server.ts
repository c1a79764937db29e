import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { WEB_DEFAULT_PORT, WEB_HOST } from '../../shared/app/identity';
import { createAssetHandler } from '../main/security/asset-handler';
import { SECURITY_HEADERS } from '../../shared/security/csp';

/**
 * The web edition's server: the same renderer as the desktop app, served on 127.0.0.1 only,
 * through the same asset handler (traversal guard, CSP and security headers) as the desktop
 * scheme. The port is fixed by default because IndexedDB belongs to the origin, port included:
 * another port would show an empty vault.
 */
export function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return WEB_DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT must be a whole number from 1 to 65535, got "${value}".`);
  }
  return port;
}

export function startWebServer(options: {
  readonly assetRoot: string;
  readonly port: number;
}): Promise<() => Promise<void>> {
  const hostWithPort = `${WEB_HOST}:${options.port}`;
  const handle = createAssetHandler({
    assetRoot: options.assetRoot,
    allowedHosts: [hostWithPort, `localhost:${options.port}`],
    readAsset: (file) => readFile(file),
  });
  const server = createServer((incoming, outgoing) => {
    answer(handle, incoming, outgoing, hostWithPort).catch(() => {
      // Every answer carries the security headers, a failure's too.
      if (!outgoing.headersSent) refuse(outgoing, 500, 'Internal error');
      else outgoing.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${options.port} on ${WEB_HOST} is already in use. Stop the other program or set PORT to another port.`,
            )
          : error,
      );
    });
    server.listen(options.port, WEB_HOST, () => {
      resolve(() => new Promise((done) => server.close(() => done())));
    });
  });
}

async function answer(
  handle: (request: Request) => Promise<Response>,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  fallbackHost: string,
): Promise<void> {
  // Only reading is served. TRACE, CONNECT and the like never reach a Request (which would
  // refuse to be built for some of them): 405, with the headers.
  if (incoming.method !== 'GET' && incoming.method !== 'HEAD') {
    refuse(outgoing, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const host = incoming.headers.host ?? fallbackHost;
  const response = await handle(
    new Request(`http://${host}${incoming.url ?? '/'}`, { method: incoming.method ?? 'GET' }),
  );
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => outgoing.setHeader(name, value));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

function refuse(outgoing: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  outgoing.statusCode = status;
  for (const [name, value] of Object.entries({
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    ...extra,
  }))
    outgoing.setHeader(name, value);
  outgoing.end(text);
}
