import { createBrowserHost } from './browser-host';
import { createDesktopHost, desktopApi } from './desktop-host';
import type { Platform } from './platform';

export type {
  AnchorState,
  AppInfo,
  DeviceKeystore,
  FileFilter,
  Platform,
  SaveFileRequest,
  SaveFileResult,
  VaultAnchor,
} from './platform';
export { PlatformError } from './platform';
export { exportIcs } from './export-ics';
export { PlatformProvider, usePlatform } from './context';

/** Chosen once at start-up: the desktop host when Electron's preload is present, else the browser host. */
export function detectPlatform(): Platform {
  const api = desktopApi();
  return api === undefined ? createBrowserHost() : createDesktopHost(api);
}
