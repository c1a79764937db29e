import { describe, expect, it } from 'vitest';
import { checkManifest, pageVersion, type VaultManifest } from '../../../../shared/vault-format/manifest';

const iv = (byte: number) => new Uint8Array(12).fill(byte);
const manifest: VaultManifest = {
  counter: 7,
  epoch: 2,
  pageBits: 4,
  pages: { 'p4-1': pageVersion(iv(1)), 'p4-2': pageVersion(iv(2)) },
};
const named = (result: ReturnType<typeof checkManifest>) =>
  result.failures.map((f) => `${String(f.params.reason)} ${String(f.params.rowId)}`);

describe('the manifest against the stored pages', () => {
  it('finds nothing when the pages are the ones it lists', () => {
    const stored = new Map([
      ['p4-1', iv(1)],
      ['p4-2', iv(2)],
    ]);
    expect(named(checkManifest(manifest, stored, 4, 7))).toEqual([]);
    expect(named(checkManifest(manifest, stored, 4, null))).toEqual([]);
  });

  it('names a page rolled back, a page removed, a page added, a layout changed and a store rolled back', () => {
    const stored = new Map([
      ['p4-1', iv(9)],
      ['p4-3', iv(3)],
    ]);
    expect(named(checkManifest(manifest, stored, 5, 8))).toEqual([
      'store-rolled-back manifest',
      'layout-changed layout',
      'page-rolled-back p4-1',
      'page-missing p4-2',
      'page-extra p4-3',
    ]);
  });
});
