import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// electron-builder's own validator: the same check `electron-builder` runs before packaging.
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

async function builderConfig(): Promise<Record<string, unknown>> {
  return parse(await readFile(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(
      validateConfiguration((await builderConfig()) as never, new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('flips the hardening fuses at packaging', async () => {
    const config = await builderConfig();
    expect(config.productName).toBe('Qorgau');
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('packaging resources in build/', () => {
  const root = new URL('../../../', import.meta.url);
  const exists = (file: string) =>
    stat(new URL(file, root)).then(
      () => true,
      () => false,
    );

  it('every file or folder electron-builder.yml names exists', async () => {
    const config = await builderConfig();
    const named: string[] = [];
    const visit = (value: unknown, key = ''): void => {
      if (typeof value === 'string' && /^(icon|entitlements|entitlementsInherit|license)$/.test(key)) named.push(value);
      else if (typeof value === 'object' && value !== null)
        for (const [inner, child] of Object.entries(value)) visit(child, inner);
    };
    visit(config);
    expect(named).toEqual(
      expect.arrayContaining(['build/icons', 'build/icon.icns', 'build/icon.ico', 'build/entitlements.mac.plist']),
    );
    for (const file of named) expect(await exists(file), `${file} is named in electron-builder.yml`).toBe(true);
    expect((config.directories as { buildResources?: string }).buildResources).toBe('build');
  });

  it('the icons are the sizes each platform asks for, and the macOS entitlements grant no library loading', async () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = await readFile(new URL(`build/icons/${size}x${size}.png`, root));
      // PNG: the IHDR chunk's width and height, big-endian, at bytes 16–23.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    expect((await readFile(new URL('build/icon.icns', root))).subarray(0, 4).toString('latin1')).toBe('icns');
    expect([...(await readFile(new URL('build/icon.ico', root))).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    const entitlements = await readFile(new URL('build/entitlements.mac.plist', root), 'utf8');
    const granted = [...entitlements.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]);
    expect(granted).toEqual(['com.apple.security.cs.allow-jit']);
  });
});
