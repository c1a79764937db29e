import type { VaultAnchorStore } from '../services/vault-anchor';
import { registerIpcHandler, type IpcLogger, type IpcMainLike } from './handle';

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
    async ({ vaultId, counter }) => {
      await store.raiseCounter(vaultId, counter);
      return { done: true as const };
    },
    options,
  );
  registerIpcHandler(
    ipcMain,
    'anchor:addEpoch',
    async ({ vaultId, epoch, key }) => {
      try {
        await store.addEpoch(vaultId, epoch, key);
      } finally {
        key.fill(0);
      }
      return { done: true as const };
    },
    options,
  );
  registerIpcHandler(
    ipcMain,
    'anchor:keepEpoch',
    async ({ vaultId, epoch }) => {
      await store.keepEpoch(vaultId, epoch);
      return { done: true as const };
    },
    options,
  );
  registerIpcHandler(
    ipcMain,
    'anchor:reset',
    async ({ vaultId, anchor }) => {
      await store.reset(vaultId, anchor);
      return { done: true as const };
    },
    options,
  );
}
