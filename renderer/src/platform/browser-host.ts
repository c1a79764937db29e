import { PRODUCT_NAME } from '../../../shared/app/identity';
import { toSafeExternalUrl } from '../../../shared/security/external-url';
import { toSafeFileName } from '../../../shared/security/file-name';
import { pickFilesWithInput } from './file-input';
import type { Platform } from './platform';

/**
 * The browser host of the web edition: saving is a download through a detached link, opening
 * is a file input, links open in a new tab with no opener and no referrer.
 */
export function createBrowserHost(): Platform {
  return {
    edition: 'web',
    appInfo: () => Promise.resolve({ name: PRODUCT_NAME, version: __APP_VERSION__, platform: 'other', packaged: true }),
    saveFile: ({ suggestedName, bytes, mimeType }) => {
      const fileName = toSafeFileName(suggestedName);
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.rel = 'noopener';
      link.click();
      // The download has started once click() returns; the URL only has to outlive that.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return Promise.resolve({ status: 'downloaded', fileName });
    },
    pickFiles: pickFilesWithInput,
    openExternal: (url) => {
      const safe = toSafeExternalUrl(url);
      if (safe === null) return Promise.resolve(false);
      window.open(safe, '_blank', 'noopener,noreferrer');
      return Promise.resolve(true);
    },
    notify: (title, body) => {
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return Promise.resolve(false);
      new Notification(title, { body });
      return Promise.resolve(true);
    },
    notificationState: () => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission),
    requestNotifications: async () =>
      typeof Notification === 'undefined' ? 'unsupported' : await Notification.requestPermission(),
    deviceKeystore: null,
    deviceDocuments: null,
    vaultAnchor: null,
    onLockRequest: null,
  };
}
