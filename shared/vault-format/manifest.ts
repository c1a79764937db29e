import { z } from 'zod';
import { fromUtf8, toBase64Url, utf8 } from '../crypto/bytes';
import { openRecord, sealRecord, type Sealed } from '../crypto/envelope';
import { IntegrityError } from '../crypto/errors';
import type { VaultKeys } from '../crypto/vault-keys';
import { defineFormat } from '../formats/upgrade';

/**
 * The vault's manifest: one sealed meta row, written in the same transaction as every page write,
 * that says what the pages must be — a counter that every write raises, the key epoch, the layout,
 * and each page's current version (the IV of its sealed row: a fresh one every time the page is
 * written, and an old row cannot be given a new IV without failing its authentication).
 *
 * At unlock the pages are compared with it: a page rolled back to an older row, a page removed
 * and a page that should not be there are each named, and no document is swept away while any
 * of them stands. A whole store rolled back, manifest and all, matches itself: the desktop app
 * keeps the last counter outside IndexedDB too (see the vault anchor), and reports it.
 */
export type VaultManifest = {
  readonly counter: number;
  readonly epoch: number;
  readonly pageBits: number;
  /** Page id → the IV of its page row, base64url. */
  readonly pages: Readonly<Record<string, string>>;
};

export type ManifestRow = Sealed & { readonly key: 'manifest' };

/** Where the key of the vault's current epoch is (see vault-keys.ts): sealed here in the web edition, null on the desktop. */
export type EpochRow = { readonly key: 'epoch'; readonly epoch: number; readonly sealed: Sealed | null };

export const manifestFormat = defineFormat<VaultManifest>({
  kind: 'manifest',
  current: 1,
  field: 'v',
  steps: [],
  schema: z.object({
    counter: z.number().int().nonnegative(),
    epoch: z.number().int().nonnegative(),
    pageBits: z.number().int(),
    pages: z.record(z.string(), z.string()),
  }),
});

const ADDRESS = (vaultId: string) => ({ vaultId, table: 'meta', caseTag: '', rowId: 'manifest' });

export async function sealManifest(keys: VaultKeys, manifest: VaultManifest): Promise<ManifestRow> {
  const sealed = await sealRecord(
    keys.vaultRecords,
    ADDRESS(keys.vaultId),
    utf8(JSON.stringify(manifestFormat.stamp(manifest))),
  );
  return { key: 'manifest', iv: sealed.iv, ct: sealed.ct };
}

export async function openManifest(keys: VaultKeys, row: ManifestRow): Promise<VaultManifest> {
  const plain = await openRecord(keys.vaultRecords, ADDRESS(keys.vaultId), row);
  try {
    return manifestFormat.read(JSON.parse(fromUtf8(plain)));
  } catch (error) {
    if (error instanceof IntegrityError) throw error;
    throw new IntegrityError('meta', 'manifest', 'it is not a manifest this version reads');
  }
}

/** A page's version as the manifest records it. */
export function pageVersion(iv: Uint8Array): string {
  return toBase64Url(iv);
}

/** What the pages as stored say against the manifest: every difference named (a page's names it in `rowId`). */
export type ManifestCheck = { readonly failures: readonly IntegrityError[] };

/**
 * Compares the stored pages (id → IV) and layout with the manifest, and the manifest's counter
 * with the last one this device saw (desktop; null where nothing outside the store keeps it).
 */
export function checkManifest(
  manifest: VaultManifest,
  stored: ReadonlyMap<string, Uint8Array>,
  pageBits: number,
  lastCounter: number | null,
): ManifestCheck {
  const failures: IntegrityError[] = [];
  if (lastCounter !== null && manifest.counter < lastCounter)
    failures.push(
      new IntegrityError(
        'meta',
        'manifest',
        `the whole vault is older than the one this device last wrote (write ${manifest.counter} of ${lastCounter}): it was rolled back`,
        { reason: 'store-rolled-back' },
      ),
    );
  if (manifest.pageBits !== pageBits)
    failures.push(
      new IntegrityError('meta', 'layout', 'the page layout is not the one the vault last wrote', {
        reason: 'layout-changed',
      }),
    );
  for (const [pageId, version] of Object.entries(manifest.pages)) {
    const iv = stored.get(pageId);
    if (iv === undefined) {
      failures.push(
        new IntegrityError('pages', pageId, 'it is missing: the vault’s manifest lists it', { reason: 'page-missing' }),
      );
    } else if (pageVersion(iv) !== version) {
      failures.push(
        new IntegrityError(
          'pages',
          pageId,
          'it is not the version the vault last wrote: it was rolled back or replaced',
          {
            reason: 'page-rolled-back',
          },
        ),
      );
    }
  }
  for (const pageId of stored.keys())
    if (!(pageId in manifest.pages)) {
      failures.push(
        new IntegrityError('pages', pageId, 'the vault’s manifest does not list it: it was put there from elsewhere', {
          reason: 'page-extra',
        }),
      );
    }
  return { failures };
}
