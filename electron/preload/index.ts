import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi, IpcChannel, IpcRequest, IpcResponse, IpcResult } from '../../shared/ipc/contract';

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
};

contextBridge.exposeInMainWorld('api', api);
