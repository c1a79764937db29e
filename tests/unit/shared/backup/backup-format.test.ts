import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { argon2idHashWasm } from '../../../../shared/crypto/argon2';
import {
  BACKUP_VERSION,
  BackupError,
  createBackupWriter,
  readBackupFrames,
  readBackupHeader,
} from '../../../../shared/backup/backup-format';
import { concatBytes, utf8 } from '../../../../shared/crypto/bytes';
import { VaultError } from '../../../../shared/crypto/errors';
import { dangerousTestOnlyKdfFloor } from '../../../../shared/crypto/kdf';
import {
  createVaultKeys,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type CreatedVault,
} from '../../../../shared/crypto/vault-keys';

const PASSPHRASE = 'backup passphrase Әділет 2026';
let vault: CreatedVault;
let file: Uint8Array;
let boundaries: number[];

const FRAMES = [
  { table: 'cases', rows: [{ id: 'a', caseTag: 'a', iv: new Uint8Array([1, 2, 3]), ct: new Uint8Array(40).fill(7) }] },
  { table: 'entries', rows: [{ id: 'e', caseTag: 'a', iv: new Uint8Array(12), ct: utf8('Бажкенова') }] },
  { table: 'chunks', rows: [{ attachmentId: 'x', index: 0, caseTag: 'a', ct: new Uint8Array(5000).fill(9) }] },
];

beforeAll(async () => {
  vault = await createVaultKeys({
    passphrase: PASSPHRASE,
    argon2id: argon2idHashWasm,
    cost: dangerousTestOnlyKdfFloor,
  });
  const writer = await createBackupWriter(vault.header, vault.keys.backup);
  const parts = [writer.start()];
  boundaries = [parts[0]!.byteLength];
  for (const [i, frame] of FRAMES.entries()) {
    parts.push(await writer.frame(frame, i === FRAMES.length - 1));
    boundaries.push(boundaries[boundaries.length - 1]! + parts[parts.length - 1]!.byteLength);
  }
  file = concatBytes(...parts);
});

async function read(bytes: Uint8Array) {
  return readBackupFrames(bytes, vault.keys.backup);
}

describe('backup format', () => {
  it('round-trips every frame, bytes included, and opens with the passphrase or the recovery key alone', async () => {
    const { header } = readBackupHeader(file);
    const byPassphrase = await unlockWithPassphrase(header.vault, PASSPHRASE, argon2idHashWasm, {
      kdfFloor: dangerousTestOnlyKdfFloor,
    });
    const byRecovery = await unlockWithRecoveryKey(header.vault, vault.recoveryKey);
    for (const keys of [byPassphrase, byRecovery]) {
      expect(await readBackupFrames(file, keys.backup)).toEqual(FRAMES);
    }
  });

  it('detects truncation at every frame boundary and inside frames', async () => {
    for (const cut of [...boundaries.slice(0, -1), ...boundaries.slice(1, -1).map((b) => b - 3), 10, 0]) {
      await expect(read(file.slice(0, cut))).rejects.toBeInstanceOf(BackupError);
    }
  });

  it('refuses a wrong passphrase with a typed error', async () => {
    const { header } = readBackupHeader(file);
    await expect(
      unlockWithPassphrase(header.vault, 'not it', argon2idHashWasm, { kdfFloor: dangerousTestOnlyKdfFloor }),
    ).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('refuses another version, garbage and absurd lengths', async () => {
    const { headerBytes } = readBackupHeader(file);
    const withVersion = (version: number) => {
      const header = utf8(
        new TextDecoder().decode(headerBytes).replace(`"version":${BACKUP_VERSION}`, `"version":${version}`),
      );
      return concatBytes(file.slice(0, 14), u32(header.byteLength), header, file.slice(boundaries[0]));
    };
    // A newer Qorgau's backup is named as such; an older format no longer read, as unsupported.
    await expect(read(withVersion(9))).rejects.toMatchObject({ code: 'format-too-new', kind: 'backup', version: 9 });
    await expect(read(withVersion(2))).rejects.toMatchObject({ reason: 'unsupported-version' });
    await expect(read(utf8('PK\u0003\u0004 a zip file, not a backup'))).rejects.toMatchObject({
      reason: 'not-a-backup',
    });
    const absurd = concatBytes(file.slice(0, boundaries[0]), u32(0xfffffff0), new Uint8Array(32));
    await expect(read(absurd)).rejects.toMatchObject({ reason: 'corrupt' });
    const hugeHeader = concatBytes(file.slice(0, 14), u32(0x7fffffff));
    await expect(read(hugeHeader)).rejects.toMatchObject({ reason: 'too-large' });
  });

  it('turns any flipped byte and any garbage into a typed error, never an uncaught one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: file.byteLength - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (position, mask) => {
          const damaged = new Uint8Array(file);
          damaged[position] = (damaged[position] ?? 0) ^ mask;
          const error = await read(damaged).then(
            () => null,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(VaultError);
        },
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (garbage) => {
        const withMagic = concatBytes(file.slice(0, 14), garbage);
        for (const bytes of [garbage, withMagic]) {
          const error = await read(bytes).then(
            () => null,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(VaultError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}
