import { readFile } from 'node:fs/promises';
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
