import { describe, expect, it } from 'vitest';
import { argon2idHashWasm } from '../../../../shared/crypto/argon2';
import { dangerousTestOnlyKdfFloor } from '../../../../shared/crypto/kdf';
import type { DeviceKeystore } from '../../../../renderer/src/platform';
import { VaultService } from '../../../../renderer/src/vault/vault-service';
import { PASSPHRASE, makeCase, makeRepository, makeService, memoryMarker } from '../../../fixtures/vault';

function memoryKeystore(): DeviceKeystore & { keys: Map<string, Uint8Array> } {
  const keys = new Map<string, Uint8Array>();
  return {
    keys,
    status: (vaultId) => Promise.resolve({ available: true, remembered: vaultId !== null && keys.has(vaultId) }),
    remember: (vaultId, rootKey) => Promise.resolve(void keys.set(vaultId, new Uint8Array(rootKey))),
    recall: (vaultId) => Promise.resolve(keys.has(vaultId) ? new Uint8Array(keys.get(vaultId)!) : null),
    forget: (vaultId) => Promise.resolve(void keys.delete(vaultId)),
  };
}

function serviceWith(repository: ReturnType<typeof makeRepository>, deviceKeystore: DeviceKeystore | null) {
  return new VaultService({
    repository,
    argon2id: argon2idHashWasm,
    marker: memoryMarker(),
    kdfCost: dangerousTestOnlyKdfFloor,
    kdfFloor: dangerousTestOnlyKdfFloor,
    deviceKeystore,
  });
}

describe('remember on this device', () => {
  it('is off by default, opt-in with the passphrase, and then unlocks without it', async () => {
    const repository = makeRepository();
    const keystore = memoryKeystore();
    const service = serviceWith(repository, keystore);
    await service.session.create(PASSPHRASE);
    await service.cases.createCase(makeCase());
    expect(await service.session.deviceKeystoreStatus()).toEqual({ available: true, remembered: false });
    await expect(service.session.rememberOnDevice('wrong passphrase here')).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(keystore.keys.size).toBe(0);

    await service.session.rememberOnDevice(PASSPHRASE);
    service.session.lock();
    const opened = await serviceWith(repository, keystore).session.unlockOnDevice();
    expect(opened.cases).toHaveLength(1);

    await service.session.forgetOnDevice();
    await expect(serviceWith(repository, keystore).session.unlockOnDevice()).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
  });

  it('refuses and forgets a remembered key that does not open this vault', async () => {
    const repository = makeRepository();
    const keystore = memoryKeystore();
    const service = serviceWith(repository, keystore);
    await service.session.create(PASSPHRASE);
    const vaultId = (await repository.readHeader())!.vaultId;
    keystore.keys.set(vaultId, new Uint8Array(32).fill(7));
    await expect(serviceWith(repository, keystore).session.unlockOnDevice()).rejects.toMatchObject({
      code: 'wrong-passphrase',
    });
    expect(keystore.keys.has(vaultId)).toBe(false);
  });

  it('does not exist in the web edition', async () => {
    const service = makeService();
    await service.session.create(PASSPHRASE);
    expect(await service.session.deviceKeystoreStatus()).toBeNull();
    await expect(service.session.rememberOnDevice(PASSPHRASE)).rejects.toThrow('no device keystore');
  });
});
