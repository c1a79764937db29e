import type { DesktopApi, IpcResult } from '../../../shared/ipc/contract';
import { pickFilesWithInput } from './file-input';
import { PlatformError, type DeviceDocuments, type Platform, type VaultAnchor } from './platform';

/** Bytes main imports per step: progress and cancelling every 32 MiB, at a round trip each. */
const IMPORT_STEP_BYTES = 32 * 1024 * 1024;

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- extends the DOM's Window by declaration merging
  interface Window {
    /** Set by Electron's preload only; absent in the web edition. */
    readonly api?: DesktopApi;
  }
}

/** The desktop host: every machine operation is one typed call through the preload's `window.api`. */
export function createDesktopHost(api: DesktopApi): Platform {
  return {
    edition: 'desktop',
    appInfo: async () => unwrap('appInfo', await api.app.info()),
    saveFile: async ({ suggestedName, bytes, filters }) => {
      const request = filters
        ? { suggestedName, bytes, filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) }
        : { suggestedName, bytes };
      return unwrap('saveFile', await api.files.saveAs(request));
    },
    pickFiles: pickFilesWithInput,
    openExternal: async (url) => unwrap('openExternal', await api.shell.openExternal(url)).opened,
    notify: async (title, body) => unwrap('notify', await api.notify.show(title, body)).shown,
    notificationState: () => 'granted',
    requestNotifications: () => Promise.resolve('granted'),
    deviceKeystore: {
      status: async (vaultId) => unwrap('keystoreStatus', await api.keystore.status(vaultId)),
      remember: async (vaultId, rootKey) => {
        unwrap('rememberOnDevice', await api.keystore.remember(vaultId, rootKey));
      },
      recall: async (vaultId) => unwrap('recallFromDevice', await api.keystore.recall(vaultId)).rootKey,
      forget: async (vaultId) => {
        unwrap('forgetOnDevice', await api.keystore.forget(vaultId));
      },
    },
    deviceDocuments: desktopDocuments(api.documents),
    vaultAnchor: desktopAnchor(api.anchor),
    onLockRequest: (listener) => api.power.onLock(listener),
  };
}

/** Main's vault anchor over the preload's `anchor` calls. */
export function desktopAnchor(api: DesktopApi['anchor']): VaultAnchor {
  return {
    read: async (vaultId) => unwrap('readAnchor', await api.read(vaultId)).anchor,
    raiseCounter: async (vaultId, counter) => {
      unwrap('writeAnchor', await api.raiseCounter(vaultId, counter));
    },
    addEpoch: async (vaultId, epoch, key) => {
      unwrap('writeAnchor', await api.addEpoch(vaultId, epoch, key));
    },
    keepEpoch: async (vaultId, epoch) => {
      unwrap('writeAnchor', await api.keepEpoch(vaultId, epoch));
    },
    reset: async (vaultId, state) => {
      unwrap('writeAnchor', await api.reset(vaultId, { counter: state.counter, epochs: [...state.epochs] }));
    },
  };
}

/** The desktop document store over the preload's `documents` calls. */
export function desktopDocuments(api: DesktopApi['documents']): DeviceDocuments {
  return {
    importFile: async (file, request, options = {}) => {
      const begun = await api.importBegin(file, { ...request, expectedSize: file.size });
      if (begun === null) return null;
      const { importId } = unwrap('importDocument', begun);
      try {
        let done = 0;
        while (done < file.size) {
          if (options.signal?.aborted) throw new PlatformError('importDocument', 'cancelled', 'cancelled');
          done = unwrap('importDocument', await api.importStep(importId, IMPORT_STEP_BYTES)).done;
          options.onProgress?.(done, file.size);
        }
        return unwrap('importDocument', await api.importFinish(importId));
      } catch (error) {
        // Main has already removed what it wrote if the failure was its own; the first error is
        // the one reported.
        await api.importAbort(importId).catch(() => undefined);
        throw error;
      }
    },
    readChunks: async (address, from, count) =>
      unwrap('readDocument', await api.read({ ...address, from, count })).chunks,
    list: async (vaultId) => unwrap('listDocuments', await api.list(vaultId)),
    adopt: async (vaultId, names) => unwrap('adoptDocuments', await api.adopt({ vaultId, names })).adopted,
    remove: async (vaultId, refs) => unwrap('removeDocuments', await api.remove({ vaultId, refs })).removed,
    sweep: async (vaultId, live) => unwrap('sweepDocuments', await api.sweep(vaultId, live)).removed,
  };
}

/** Reads the main process's answer or raises it as a typed error. */
function unwrap<T>(operation: string, result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new PlatformError(operation, result.error.code, result.error.message);
}

/** The preload's API, when this renderer runs inside the desktop app. */
export function desktopApi(): DesktopApi | undefined {
  return window.api;
}
