import type { DocumentStore } from '../services/document-store';
import { registerIpcHandler, type IpcHandler, type IpcLogger, type IpcMainLike } from './handle';

/** The `documents:*` handlers over the desktop app's document store. */
export function documentHandlers(store: DocumentStore): {
  importBegin: IpcHandler<'documents:importBegin'>;
  importStep: IpcHandler<'documents:importStep'>;
  importFinish: IpcHandler<'documents:importFinish'>;
  importAbort: IpcHandler<'documents:importAbort'>;
  read: IpcHandler<'documents:read'>;
  list: IpcHandler<'documents:list'>;
  adopt: IpcHandler<'documents:adopt'>;
  remove: IpcHandler<'documents:remove'>;
  sweep: IpcHandler<'documents:sweep'>;
} {
  return {
    importBegin: async (request) => {
      try {
        return await store.beginImport(request);
      } finally {
        // The store keeps its own copy; this one came over IPC and goes no further.
        request.key.fill(0);
      }
    },
    importStep: ({ importId, budget }) => store.stepImport(importId, budget),
    importFinish: ({ importId }) => store.finishImport(importId),
    importAbort: async ({ importId }) => ({ aborted: await store.abortImport(importId) }),
    read: async ({ from, count, ...address }) => ({ chunks: await store.readChunks(address, from, count) }),
    list: async ({ vaultId }) => store.list(vaultId),
    adopt: async ({ vaultId, names }) => ({ adopted: await store.adopt(vaultId, names) }),
    remove: async ({ vaultId, refs }) => ({ removed: await store.remove(vaultId, refs) }),
    sweep: async ({ vaultId, live }) => ({ removed: await store.sweep(vaultId, live) }),
  };
}

/** Registers the `documents:*` channels, each through the one checked wrapper. */
export function registerDocumentHandlers(
  ipcMain: IpcMainLike,
  store: DocumentStore,
  options: { readonly trustedOrigin: string; readonly log: IpcLogger },
): void {
  const handlers = documentHandlers(store);
  registerIpcHandler(ipcMain, 'documents:importBegin', handlers.importBegin, options);
  registerIpcHandler(ipcMain, 'documents:importStep', handlers.importStep, options);
  registerIpcHandler(ipcMain, 'documents:importFinish', handlers.importFinish, options);
  registerIpcHandler(ipcMain, 'documents:importAbort', handlers.importAbort, options);
  registerIpcHandler(ipcMain, 'documents:read', handlers.read, options);
  registerIpcHandler(ipcMain, 'documents:list', handlers.list, options);
  registerIpcHandler(ipcMain, 'documents:adopt', handlers.adopt, options);
  registerIpcHandler(ipcMain, 'documents:remove', handlers.remove, options);
  registerIpcHandler(ipcMain, 'documents:sweep', handlers.sweep, options);
}
