import { VaultError } from '../../../shared/crypto/errors';
import { parseVaultHeader, type VaultHeader } from '../../../shared/crypto/vault-keys';
import { guarded } from './errors';
import type { VaultDatabase } from './vault-db';

/** The vault header: the one row that says a vault is here and how its keys are wrapped. */

export async function readHeader(db: VaultDatabase): Promise<VaultHeader | null> {
  const row = await guarded('read-header', () => db.meta.get('header'));
  return row?.key === 'header' ? parseVaultHeader(row.header) : null;
}

/** Stores the header of a new vault; refuses to overwrite an existing one. */
export async function createHeader(db: VaultDatabase, header: VaultHeader): Promise<void> {
  await guarded('create', () =>
    db.transaction('rw', db.meta, async () => {
      if ((await db.meta.get('header')) !== undefined) {
        throw new VaultError('vault-exists', 'create the vault: a vault already exists on this device.', {
          reason: 'create',
        });
      }
      await db.meta.put({ key: 'header', header });
    }),
  );
}

/**
 * Replaces the header in one transaction, only if it is still `current` (so two windows cannot
 * interleave passphrase changes). One put: at every instant the old or the new header is whole.
 */
export async function replaceHeader(db: VaultDatabase, current: VaultHeader, next: VaultHeader): Promise<void> {
  await guarded('change-passphrase', () =>
    db.transaction('rw', db.meta, async () => {
      const stored = await db.meta.get('header');
      if (stored?.key !== 'header' || JSON.stringify(stored.header) !== JSON.stringify(current)) {
        throw new VaultError('storage', 'change the passphrase: the vault changed meanwhile; nothing was written.', {
          reason: 'changed-meanwhile',
        });
      }
      await db.meta.put({ key: 'header', header: next });
    }),
  );
}
