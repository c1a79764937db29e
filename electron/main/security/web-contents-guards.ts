import { originOf } from '../../../shared/security/origin';
import { toSafeExternalUrl } from '../../../shared/security/external-url';

/** The slice of `WebContents` the guards attach to; injected so tests run without Electron. */
export type GuardableWebContents = {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void; url: string }) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

export type GuardLogger = { warn(message: string): void };

/**
 * Keeps a window on the app: navigation away from the app origin is cancelled, `window.open`
 * and `target=_blank` never create a window (an http(s) or mailto link goes to the system
 * browser after the shared URL check), and webviews are refused.
 */
export function guardWebContents(
  contents: GuardableWebContents,
  options: {
    readonly appOrigin: string;
    readonly openExternal: (url: string) => void;
    readonly log: GuardLogger;
  },
): void {
  const keepOnApp = (event: { preventDefault(): void; url: string }): void => {
    if (originOf(event.url) === options.appOrigin) return;
    event.preventDefault();
    options.log.warn('blocked a navigation away from the app');
  };
  contents.on('will-navigate', keepOnApp);
  contents.on('will-redirect', keepOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const safe = toSafeExternalUrl(url);
    if (safe !== null) options.openExternal(safe);
    else options.log.warn('refused to open a window');
    return { action: 'deny' };
  });
}

/** The slice of `Session` whose permission hooks are closed. */
export type PermissionSession = {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler?(handler: () => boolean): void;
};

/** Every permission (camera, geolocation, notifications from the page, USB, …) is denied. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}

/** The slice of `Session` that announces downloads. */
export type DownloadSession = {
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
};

/**
 * No download ever starts in the app's window: what the user exports is written by main
 * through a save dialog, never by the page, so a download can only be something the page was
 * tricked into (a link, a redirect) and would land unencrypted in the Downloads folder.
 */
export function refuseDownloads(session: DownloadSession, log: GuardLogger): void {
  session.on('will-download', (event) => {
    event.preventDefault();
    log.warn('refused a download');
  });
}
