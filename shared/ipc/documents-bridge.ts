// Apart from the contract, so the preload, which takes only types from there, does not bundle zod.
import type { DesktopApi, IpcChannel, IpcRequest, IpcResponse, IpcResult } from './contract';

/** Sends one request on a channel; the preload's is `ipcRenderer.invoke`. */
export type IpcInvoke = <C extends IpcChannel>(
  channel: C,
  request: IpcRequest<C>,
) => Promise<IpcResult<IpcResponse<C>>>;

/**
 * The preload's `documents` namespace over an invoke and a way to find a File's path
 * (`webUtils.getPathForFile`: '' for a file built in memory). The path goes straight to main;
 * the page never sees it, and can only name files the user gave it.
 */
export function documentsBridge(invoke: IpcInvoke, pathOf: (file: File) => string): DesktopApi['documents'] {
  return {
    importBegin: (file, request) => {
      const path = pathOf(file);
      return path === '' ? Promise.resolve(null) : invoke('documents:importBegin', { ...request, path });
    },
    importStep: (importId, budget) => invoke('documents:importStep', { importId, budget }),
    importFinish: (importId) => invoke('documents:importFinish', { importId }),
    importAbort: (importId) => invoke('documents:importAbort', { importId }),
    read: (request) => invoke('documents:read', request),
    list: (vaultId) => invoke('documents:list', { vaultId }),
    adopt: (request) => invoke('documents:adopt', request),
    remove: (request) => invoke('documents:remove', request),
    sweep: (vaultId, live) => invoke('documents:sweep', { vaultId, live }),
  };
}

/** The preload's `anchor` namespace over an invoke. */
export function anchorBridge(invoke: IpcInvoke): DesktopApi['anchor'] {
  return {
    read: (vaultId) => invoke('anchor:read', { vaultId }),
    raiseCounter: (vaultId, counter) => invoke('anchor:raiseCounter', { vaultId, counter }),
    addEpoch: (vaultId, epoch, key) => invoke('anchor:addEpoch', { vaultId, epoch, key }),
    keepEpoch: (vaultId, epoch) => invoke('anchor:keepEpoch', { vaultId, epoch }),
    reset: (vaultId, anchor) => invoke('anchor:reset', { vaultId, anchor }),
  };
}
