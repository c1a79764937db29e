import { describe, expect, it, vi } from 'vitest';
import { registerIpcHandler, type IpcInvokeEventLike, type IpcMainLike } from '../../../../../electron/main/ipc/handle';
import { keystoreHandlers } from '../../../../../electron/main/ipc/keystore.ipc';
import { createDeviceKeystore, type SafeStorageLike } from '../../../../../electron/main/services/device-keystore';

const VAULT = 'AAAAAAAAAAAAAAAAAAAAAA';

/** A stand-in for the OS keystore: reversible, but nothing like the input on disk. */
function fakeSafeStorage(overrides: Partial<SafeStorageLike> = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    encryptString: (text) => Buffer.from(`sealed:${Buffer.from(text).reverse().toString('hex')}`),
    decryptString: (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('cannot decrypt');
      return Buffer.from(text.slice(7), 'hex').reverse().toString();
    },
    getSelectedStorageBackend: () => 'gnome_libsecret',
    ...overrides,
  };
}

function setup(safeStorage = fakeSafeStorage(), platform = 'linux') {
  const disk = new Map<string, Uint8Array>();
  const keystore = createDeviceKeystore({
    safeStorage,
    folder: '/data/device-keys',
    platform,
    files: {
      write: (file, bytes) => Promise.resolve(void disk.set(file, bytes)),
      read: (file) => Promise.resolve(disk.get(file) ?? null),
      remove: (file) => Promise.resolve(disk.delete(file)),
    },
  });
  return { keystore, disk };
}

const rootKey = new Uint8Array(32).map((_, i) => i + 1);

describe('device keystore', () => {
  it('remembers a root key sealed by the OS keystore, never as plain bytes', async () => {
    const { keystore, disk } = setup();
    expect(await keystore.status(VAULT)).toEqual({ available: true, remembered: false });
    await keystore.remember(VAULT, rootKey);
    const stored = disk.get(`/data/device-keys/${VAULT}.key`);
    expect(stored).toBeDefined();
    expect(Buffer.from(stored!).includes(Buffer.from(rootKey))).toBe(false);
    expect(Buffer.from(stored!).toString()).not.toContain(Buffer.from(rootKey).toString('base64'));
    expect(await keystore.recall(VAULT)).toEqual(rootKey);
    expect(await keystore.status(VAULT)).toEqual({ available: true, remembered: true });
    expect(await keystore.forget(VAULT)).toBe(true);
    expect(await keystore.recall(VAULT)).toBeNull();
  });

  it('is unavailable without an OS keystore, and on Linux without a keyring', async () => {
    const none = setup(fakeSafeStorage({ isEncryptionAvailable: () => false }));
    expect(await none.keystore.status(VAULT)).toEqual({ available: false, remembered: false, reason: 'no-keystore' });
    await expect(none.keystore.remember(VAULT, rootKey)).rejects.toThrow('not available');
    const basic = setup(fakeSafeStorage({ getSelectedStorageBackend: () => 'basic_text' }));
    expect(await basic.keystore.status(VAULT)).toMatchObject({
      available: false,
      reason: 'no-keyring',
    });
  });

  it('treats a key sealed elsewhere (another account, another keyring) as absent', async () => {
    const { keystore, disk } = setup();
    disk.set(`/data/device-keys/${VAULT}.key`, Buffer.from('garbage'));
    expect(await keystore.recall(VAULT)).toBeNull();
  });

  it('never lets a vault id reach the file system unchecked', async () => {
    const { keystore } = setup();
    await expect(keystore.remember('../../etc/passwd', rootKey)).rejects.toThrow('malformed vault id');
  });

  it('accepts only 32-byte keys and well-formed ids over IPC', async () => {
    const listeners = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
    const handlers = keystoreHandlers(setup().keystore);
    const options = { trustedOrigin: 'qorgau://app', log: { warn: vi.fn() } };
    registerIpcHandler(ipcMain, 'keystore:remember', handlers.remember, options);
    const event = { senderFrame: { url: 'qorgau://app/index.html', parent: null } };
    const remember = listeners.get('keystore:remember')!;
    expect(await remember(event, { vaultId: VAULT, rootKey: new Uint8Array(16) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await remember(event, { vaultId: '../x', rootKey })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await remember(event, { vaultId: VAULT, rootKey })).toEqual({ ok: true, value: { remembered: true } });
    expect(JSON.stringify(options.log.warn.mock.calls)).not.toContain('"1"');
  });
});
