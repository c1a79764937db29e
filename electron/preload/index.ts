import { contextBridge, ipcRenderer, webUtils } from 'electron';
import {
  LOCK_CHANNEL,
  LOCK_REASONS,
  type DesktopApi,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '../../shared/ipc/contract';
import { anchorBridge, documentsBridge } from '../../shared/ipc/documents-bridge';

/**
 * The preload exposes one object, `window.api`, with a few narrow namespaces. The renderer never
 * sees `ipcRenderer`: it can call exactly the channels of the contract, and main validates every
 * payload again (this side is not trusted to).
 */
function invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResult<IpcResponse<C>>>;
}

const api: DesktopApi = {
  app: { info: () => invoke('app:info', null) },
  files: { saveAs: (request) => invoke('files:saveAs', request) },
  shell: { openExternal: (url) => invoke('shell:openExternal', { url }) },
  notify: { show: (title, body) => invoke('notify:show', { title, body }) },
  // Key material passes here only for the opt-in device keystore; it is never logged.
  keystore: {
    status: (vaultId) => invoke('keystore:status', { vaultId }),
    remember: (vaultId, rootKey) => invoke('keystore:remember', { vaultId, rootKey }),
    recall: (vaultId) => invoke('keystore:recall', { vaultId }),
    forget: (vaultId) => invoke('keystore:forget', { vaultId }),
  },
  // One document's key passes here for its import; a document's path is found here.
  documents: documentsBridge(invoke, (file) => webUtils.getPathForFile(file)),
  power: {
    onLock: (listener) => {
      const handler = (_event: unknown, reason: unknown) => {
        if ((LOCK_REASONS as readonly unknown[]).includes(reason)) listener(reason as (typeof LOCK_REASONS)[number]);
      };
      ipcRenderer.on(LOCK_CHANNEL, handler);
      return () => void ipcRenderer.removeListener(LOCK_CHANNEL, handler);
    },
  },
  // The vault's current epoch key passes here (see the vault anchor); it is never logged.
  anchor: anchorBridge(invoke),
};

contextBridge.exposeInMainWorld('api', api);
