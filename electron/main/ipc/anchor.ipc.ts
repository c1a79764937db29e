import type { VaultAnchorStore } from '../services/vault-anchor';
import { registerIpcHandler, type IpcLogger, type IpcMainLike } from './handle';

const done = { done: true as const };

/** Registers the `anchor:*` channels over main's vault anchor store, each through the one checked wrapper. */
export function registerAnchorHandlers(
  ipcMain: IpcMainLike,
  store: VaultAnchorStore,
  options: { readonly trustedOrigin: string; readonly log: IpcLogger },
): void {
  registerIpcHandler(
    ipcMain,
    'anchor:read',
    async ({ vaultId }) => {
      const anchor = await store.read(vaultId);
      return { anchor: anchor === null ? null : { counter: anchor.counter, epochs: [...anchor.epochs] } };
    },
    options,
  );
  registerIpcHandler(
    ipcMain,
    'anchor:raiseCounter',
    ({ vaultId, counter }) => store.raiseCounter(vaultId, counter).then(() => done),
    options,
  );
  // The key that came over IPC goes no further than the store's own copy.
  registerIpcHandler(
    ipcMain,
    'anchor:addEpoch',
    ({ vaultId, epoch, key }) =>
      store
        .addEpoch(vaultId, epoch, key)
        .finally(() => key.fill(0))
        .then(() => done),
    options,
  );
  registerIpcHandler(
    ipcMain,
    'anchor:keepEpoch',
    ({ vaultId, epoch }) => store.keepEpoch(vaultId, epoch).then(() => done),
    options,
  );
  registerIpcHandler(
    ipcMain,
    'anchor:reset',
    ({ vaultId, anchor }) => store.reset(vaultId, anchor).then(() => done),
    options,
  );
}
