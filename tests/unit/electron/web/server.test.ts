import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePort, startWebServer } from '../../../../electron/web/server';

let stop: () => Promise<void>;
const port = 47_000 + Math.floor(Math.random() * 1000);

beforeAll(async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'qorgau-web-'));
  const root = path.join(parent, 'renderer');
  await mkdir(root);
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Qorgau</title>');
  await writeFile(path.join(parent, 'secret.txt'), 'outside the root');
  stop = await startWebServer({ assetRoot: root, port });
});

afterAll(async () => {
  await stop();
});

/** Sends a request line exactly as written, so no client normalises the path first. */
function rawGet(target: string, host = `127.0.0.1:${port}`, method = 'GET'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    });
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('web edition server', () => {
  it('serves the app on 127.0.0.1 with the CSP header', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..\\secret.txt'])(
    'refuses the traversal %s',
    async (target) => {
      const text = await rawGet(target);
      expect(text).not.toContain('outside the root');
      expect(text).toMatch(/^HTTP\/1\.1 (403|404)/);
    },
  );

  it.each(['TRACE', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])(
    'answers %s with 405 and the security headers, never a bare 500',
    async (method) => {
      const text = await rawGet('/', `127.0.0.1:${port}`, method);
      expect(text).toMatch(/^HTTP\/1\.1 405/);
      expect(text.toLowerCase()).toContain('content-security-policy:');
      expect(text.toLowerCase()).toContain('x-content-type-options: nosniff');
      expect(text).toContain('Allow: GET, HEAD');
    },
  );

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect(await rawGet('/', 'evil.example:80')).toMatch(/^HTTP\/1\.1 421/);
  });

  it('says clearly when the port is taken', async () => {
    await expect(startWebServer({ assetRoot: '/nonexistent', port })).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is already in use`,
    );
  });
});

describe('parsePort', () => {
  it('defaults to the fixed port and accepts an override', () => {
    expect(parsePort(undefined)).toBe(4717);
    expect(parsePort('4719')).toBe(4719);
  });

  it.each(['abc', '0', '70000', '47.5'])('refuses %s with the reason', (value) => {
    expect(() => parsePort(value)).toThrow(`PORT must be a whole number from 1 to 65535, got "${value}"`);
  });
});
