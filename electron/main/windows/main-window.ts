import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN } from '../../../shared/app/identity';
import { hardenedWindowOptions } from '../security/window-options';
import { guardWebContents, type GuardLogger } from '../security/web-contents-guards';

/**
 * Creates the one app window with the hardened options and the navigation guards, and loads
 * the app from its privileged scheme. `BrowserWindow` is injected so the wiring is testable.
 */
export function createMainWindow(deps: {
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  readonly preloadPath: string;
  readonly packaged: boolean;
  readonly openExternal: (url: string) => void;
  readonly log: GuardLogger;
}): BrowserWindow {
  const window = new deps.BrowserWindow(
    hardenedWindowOptions({ preloadPath: deps.preloadPath, packaged: deps.packaged }),
  );
  guardWebContents(window.webContents, { appOrigin: APP_ORIGIN, openExternal: deps.openExternal, log: deps.log });
  window.once('ready-to-show', () => window.show());
  window.loadURL(`${APP_ORIGIN}/index.html`).catch((error: unknown) => {
    deps.log.warn(`the app page failed to load: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
