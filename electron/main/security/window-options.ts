import type { BrowserWindowConstructorOptions } from 'electron';
import { PRODUCT_NAME } from '../../../shared/app/identity';

/**
 * Options of the one app window. Every renderer runs sandboxed and isolated, with no Node, with
 * web security on; devtools exist only in development builds. The window stays hidden until its
 * first paint so no blank frame flashes.
 */
export function hardenedWindowOptions(options: {
  readonly preloadPath: string;
  readonly packaged: boolean;
}): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 520,
    show: false,
    backgroundColor: '#f6f5f2',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !options.packaged,
    },
  };
}
