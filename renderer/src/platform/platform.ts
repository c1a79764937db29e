import type { AppInfo } from '../../../shared/ipc/contract';

export type { AppInfo };

/** A file type offered in a save dialog. */
export type FileFilter = { readonly name: string; readonly extensions: readonly string[] };

export type SaveFileRequest = {
  readonly suggestedName: string;
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  readonly filters?: readonly FileFilter[];
};

/** Desktop: saved where the user chose. Web: handed to the browser as a download. */
export type SaveFileResult =
  | { readonly status: 'saved'; readonly path: string }
  | { readonly status: 'downloaded'; readonly fileName: string }
  | { readonly status: 'cancelled' };

/**
 * The OS keystore for the opt-in "remember on this device" (desktop only). Root key bytes pass
 * through here and nowhere else; callers zero their copy after `remember`.
 */
export type DeviceKeystore = {
  status(vaultId: string | null): Promise<{ available: boolean; remembered: boolean; reason?: string }>;
  remember(vaultId: string, rootKey: Uint8Array): Promise<void>;
  recall(vaultId: string): Promise<Uint8Array | null>;
  forget(vaultId: string): Promise<void>;
};

/**
 * Everything the renderer needs from the machine it runs on, behind one interface with two
 * hosts: the desktop host (Electron's preload, `window.api`) and the browser host (download
 * links, file inputs). Features depend on this type only, never on a host.
 */
export type Platform = {
  readonly edition: 'desktop' | 'web';
  appInfo(): Promise<AppInfo>;
  /** Saves bytes the user asked to export. Never called without an explicit user action. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Lets the user pick files; resolves to an empty list when they cancel. */
  pickFiles(options: { readonly accept?: string; readonly multiple?: boolean }): Promise<File[]>;
  /** Opens an http(s) or mailto link outside the app; false when the link was refused. */
  openExternal(url: string): Promise<boolean>;
  /** Shows a system notification; false when it could not (no permission, no support). */
  notify(title: string, body: string): Promise<boolean>;
  /** Whether notifications can be shown, and asking for them (web edition: on a click only). */
  notificationState(): 'granted' | 'denied' | 'default' | 'unsupported';
  requestNotifications(): Promise<'granted' | 'denied' | 'default' | 'unsupported'>;
  /** Present on the desktop only: the web edition never stores a key outside the vault. */
  readonly deviceKeystore: DeviceKeystore | null;
};

/** A host call that failed: which operation, and the host's reason. */
export class PlatformError extends Error {
  constructor(
    readonly operation: string,
    readonly code: string,
    message: string,
  ) {
    super(`${operation}: ${message}`);
    this.name = 'PlatformError';
  }
}
