import { describe, expect, it } from 'vitest';
import { argon2idHashWasm } from '../../../../shared/crypto/argon2';
import { fromUtf8, utf8 } from '../../../../shared/crypto/bytes';
import { openRecord, sealRecord } from '../../../../shared/crypto/envelope';
import { DEFAULT_KDF_COST, dangerousTestOnlyKdfFloor } from '../../../../shared/crypto/kdf';
import { parseRecoveryKey } from '../../../../shared/crypto/recovery-key';
import {
  createCaseKeys,
  createVaultKeys,
  openCaseKeys,
  parseVaultHeader,
  rewrapForNewPassphrase,
  rootBytesWithPassphrase,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  unlockWithRootBytes,
  type VaultKeys,
} from '../../../../shared/crypto/vault-keys';

const cost = dangerousTestOnlyKdfFloor;
const floor = { kdfFloor: dangerousTestOnlyKdfFloor };
const PASSPHRASE = 'тихий берег Әділет 2026 correct horse';

async function roundTrip(keys: VaultKeys, other: VaultKeys) {
  const { wrapped } = await createCaseKeys(keys, 'case-1');
  const a = await openCaseKeys(keys, 'case-1', wrapped);
  const b = await openCaseKeys(other, 'case-1', wrapped);
  const address = { vaultId: keys.vaultId, table: 'cases', caseTag: 'case-1', rowId: 'case-1' };
  const sealed = await sealRecord(a.records, address, utf8('Бажкенова'));
  return fromUtf8(await openRecord(b.records, address, sealed));
}

describe('vault keys', () => {
  it('unlocks with the passphrase and with the recovery key to the same keys', async () => {
    const created = await createVaultKeys({ passphrase: PASSPHRASE, argon2id: argon2idHashWasm, cost });
    const byPassphrase = await unlockWithPassphrase(created.header, PASSPHRASE, argon2idHashWasm, floor);
    const byRecovery = await unlockWithRecoveryKey(created.header, created.recoveryKey.toLowerCase());
    expect(await roundTrip(created.keys, byPassphrase)).toBe('Бажкенова');
    expect(await roundTrip(created.keys, byRecovery)).toBe('Бажкенова');
  });

  it('holds only non-extractable keys', async () => {
    const { keys } = await createVaultKeys({ passphrase: PASSPHRASE, argon2id: argon2idHashWasm, cost });
    const { caseKeys } = await createCaseKeys(keys, 'case-1');
    for (const key of [keys.caseKeyWrap, keys.vaultRecords, caseKeys.records, await caseKeys.attachmentKey('a1')]) {
      expect(key.extractable).toBe(false);
    }
  });

  it('refuses a wrong passphrase and a wrong recovery key with typed errors', async () => {
    const { header, recoveryKey } = await createVaultKeys({ passphrase: PASSPHRASE, argon2id: argon2idHashWasm, cost });
    await expect(unlockWithPassphrase(header, `${PASSPHRASE}!`, argon2idHashWasm, floor)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    const other = recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    await expect(unlockWithRecoveryKey(header, other)).rejects.toMatchObject({ code: 'wrong-recovery-key' });
    await expect(unlockWithRecoveryKey(header, 'not a key')).rejects.toMatchObject({ code: 'wrong-recovery-key' });
  });

  it('uses 64 MiB, 3 passes, 1 lane by default and refuses a header with lowered costs', async () => {
    expect(DEFAULT_KDF_COST).toEqual({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
    const { header } = await createVaultKeys({ passphrase: PASSPHRASE, argon2id: argon2idHashWasm });
    expect(header.kdf).toMatchObject({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
    let derivations = 0;
    const counting: typeof argon2idHashWasm = (input) => {
      derivations += 1;
      return argon2idHashWasm(input);
    };
    for (const lowered of [{ memoryKiB: 8192 }, { iterations: 1 }, { parallelism: 0 }]) {
      const tampered = { ...header, kdf: { ...header.kdf, ...lowered } };
      await expect(unlockWithPassphrase(tampered, PASSPHRASE, counting)).rejects.toMatchObject({ code: 'kdf-policy' });
    }
    expect(derivations).toBe(0);
    // Raising the cost is no way in either: the cost is bound into the wrapped root.
    const raised = { ...header, kdf: { ...header.kdf, iterations: 4 } };
    await expect(unlockWithPassphrase(raised, PASSPHRASE, argon2idHashWasm)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('re-wraps the root for a new passphrase: the old one stops working, the data stays readable', async () => {
    const created = await createVaultKeys({ passphrase: PASSPHRASE, argon2id: argon2idHashWasm, cost });
    const next = await rewrapForNewPassphrase({
      header: created.header,
      oldPassphrase: PASSPHRASE,
      newPassphrase: 'новая парольная фраза',
      argon2id: argon2idHashWasm,
      cost,
      ...floor,
    });
    expect(next.recovery).toEqual(created.header.recovery);
    const keys = await unlockWithPassphrase(next, 'новая парольная фраза', argon2idHashWasm, floor);
    expect(await roundTrip(created.keys, keys)).toBe('Бажкенова');
    await expect(unlockWithPassphrase(next, PASSPHRASE, argon2idHashWasm, floor)).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    await expect(unlockWithRecoveryKey(next, created.recoveryKey)).resolves.toBeDefined();
  });

  it('opens with root bytes from a device keystore only when they belong to the vault', async () => {
    const created = await createVaultKeys({ passphrase: PASSPHRASE, argon2id: argon2idHashWasm, cost });
    const root = await rootBytesWithPassphrase(created.header, PASSPHRASE, argon2idHashWasm, cost);
    expect(await roundTrip(created.keys, await unlockWithRootBytes(created.header, root))).toBe('Бажкенова');
    await expect(unlockWithRootBytes(created.header, new Uint8Array(32))).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('names the case when a wrapped case key is damaged or belongs to another case', async () => {
    const { keys } = await createVaultKeys({ passphrase: PASSPHRASE, argon2id: argon2idHashWasm, cost });
    const { wrapped } = await createCaseKeys(keys, 'case-1');
    await expect(openCaseKeys(keys, 'case-2', wrapped)).rejects.toThrow('caseKeys/case-2');
    const flipped = { iv: wrapped.iv, ct: wrapped.ct.map((b, i) => (i === 3 ? b ^ 1 : b)) };
    await expect(openCaseKeys(keys, 'case-1', flipped)).rejects.toMatchObject({ code: 'integrity' });
  });

  it('refuses headers of another format or version', () => {
    expect(() => parseVaultHeader({ format: 'qorgau-vault', version: 2 })).toThrow(
      expect.objectContaining({ code: 'format-too-new', kind: 'vault-header', version: 2 }),
    );
    expect(() => parseVaultHeader({ format: 'qorgau-vault', version: 0 })).toThrow(/not one this version can open/);
    expect(() => parseVaultHeader(null)).toThrow(/not one this version can open/);
  });

  it('reads recovery keys forgivingly: case, spaces and look-alike letters', async () => {
    const { recoveryKey } = await createVaultKeys({ passphrase: PASSPHRASE, argon2id: argon2idHashWasm, cost });
    const bytes = parseRecoveryKey(recoveryKey);
    expect(bytes).not.toBeNull();
    expect(parseRecoveryKey(recoveryKey.toLowerCase().replace(/-/g, ' '))).toEqual(bytes);
    expect(parseRecoveryKey(recoveryKey.replace(/1/g, 'l').replace(/0/g, 'O'))).toEqual(bytes);
  });
});
