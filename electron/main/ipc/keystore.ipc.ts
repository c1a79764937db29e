import type { DeviceKeystore } from '../services/device-keystore';
import type { IpcHandler } from './handle';

/** The four `keystore:*` handlers over one device keystore. */
export function keystoreHandlers(keystore: DeviceKeystore): {
  status: IpcHandler<'keystore:status'>;
  remember: IpcHandler<'keystore:remember'>;
  recall: IpcHandler<'keystore:recall'>;
  forget: IpcHandler<'keystore:forget'>;
} {
  return {
    status: ({ vaultId }) => keystore.status(vaultId),
    remember: async ({ vaultId, rootKey }) => {
      await keystore.remember(vaultId, rootKey);
      return { remembered: true };
    },
    recall: async ({ vaultId }) => ({ rootKey: await keystore.recall(vaultId) }),
    forget: async ({ vaultId }) => ({ forgotten: await keystore.forget(vaultId) }),
  };
}
