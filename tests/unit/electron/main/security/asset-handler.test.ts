import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssetHandler, resolveInside } from '../../../../../electron/main/security/asset-handler';

let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'qorgau-assets-'));
  root = path.join(parent, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Qorgau</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  // A file next to the asset root that a traversal would try to reach.
  await writeFile(path.join(parent, 'secret.txt'), 'vault key material');
  await writeFile(path.join(parent, 'renderer-secret.txt'), 'sibling with a shared prefix');
  handle = createAssetHandler({ assetRoot: root, allowedHosts: ['app'], readAsset: (file) => readFile(file) });
});

describe('createAssetHandler', () => {
  it('serves the app with the CSP header and the right type', async () => {
    const response = await handle(new Request('qorgau://app/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/'unsafe-eval'/);
    expect(await response.text()).toContain('<title>Qorgau</title>');
  });

  it('serves index.html for the root path', async () => {
    expect((await handle(new Request('qorgau://app/'))).status).toBe(200);
  });

  it.each([
    'qorgau://app/../secret.txt',
    'qorgau://app/%2e%2e/secret.txt',
    'qorgau://app/assets/..%2f..%2fsecret.txt',
    'qorgau://app/..%5csecret.txt',
    'qorgau://app/%2e%2e%2f%2e%2e%2fsecret.txt',
  ])('never serves a file outside the root for %s', async (url) => {
    const response = await handle(new Request(url));
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('vault key material');
    expect(response.headers.get('content-security-policy')).not.toBeNull();
  });

  it('refuses another host and other methods', async () => {
    expect((await handle(new Request('qorgau://evil/index.html'))).status).toBe(421);
    expect((await handle(new Request('qorgau://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('answers 404 for a missing file', async () => {
    expect((await handle(new Request('qorgau://app/missing.js'))).status).toBe(404);
  });
});

describe('resolveInside', () => {
  it('refuses a sibling folder that shares the root as a prefix', () => {
    expect(resolveInside(root, '/../renderer-secret.txt')).toBeNull();
    expect(resolveInside(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });
});
