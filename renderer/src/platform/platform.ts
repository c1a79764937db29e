import type { AppInfo, KeystoreUnavailable } from '../../../shared/ipc/contract';

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
  status(vaultId: string | null): Promise<{ available: boolean; remembered: boolean; reason?: KeystoreUnavailable }>;
  remember(vaultId: string, rootKey: Uint8Array): Promise<void>;
  recall(vaultId: string): Promise<Uint8Array | null>;
  forget(vaultId: string): Promise<void>;
};

/** Where a document of a vault is stored: its vault, and its row name (see shared/crypto/row-names.ts). */
export type DocumentAddress = { readonly vaultId: string; readonly ref: string };

/**
 * The desktop app's document store (see electron/main/services/document-store.ts): main reads,
 * hashes and encrypts a file the user gave straight from disk, into a file of the same chunks
 * the page would have sealed. The page keeps its own key and opens the chunks itself.
 */
export type DeviceDocuments = {
  /**
   * Imports a file with the attachment's key (zeroed by the caller afterwards); null when the
   * file is not on disk and the page must encrypt it itself. Cancelling removes what was written.
   */
  importFile(
    file: File,
    request: DocumentAddress & {
      /** Bound into each chunk's nonce and AAD; main never writes them in the clear. */
      readonly caseTag: string;
      readonly attachmentId: string;
      readonly key: Uint8Array;
      readonly noncePrefix: Uint8Array;
      readonly chunkSize: number;
    },
    options?: { readonly signal?: AbortSignal; readonly onProgress?: (done: number, total: number) => void },
  ): Promise<{ size: number; sha256: string; chunkCount: number } | null>;
  /** Encrypted chunks from `from` (fewer at the end); null when the document is not stored here. */
  readChunks(address: DocumentAddress, from: number, count: number): Promise<Uint8Array[] | null>;
  /** The vault's documents by row name; `legacy`: the ids of those still under their old names. */
  list(vaultId: string): Promise<{ documents: Array<{ ref: string; chunkCount: number }>; legacy: string[] }>;
  /** Moves documents stored under their old names to their row names (padding each); how many. */
  adopt(vaultId: string, names: Array<{ attachmentId: string; ref: string }>): Promise<number>;
  remove(vaultId: string, refs: string[]): Promise<number>;
  /** Deletes the vault's documents whose row names are not in `live`. */
  sweep(vaultId: string, live: string[]): Promise<number>;
};

/** What a vault's anchor holds (see electron/main/services/vault-anchor.ts). */
export type AnchorState = {
  readonly counter: number;
  readonly epochs: ReadonlyArray<{ readonly epoch: number; readonly key: Uint8Array }>;
};

/**
 * The desktop app's vault anchor, kept by main outside IndexedDB in a file it overwrites in
 * place: the key of the vault's current key epoch, which deleting a case destroys, and the
 * counter of its last write, which shows a rolled-back store.
 */
export type VaultAnchor = {
  read(vaultId: string): Promise<AnchorState | null>;
  raiseCounter(vaultId: string, counter: number): Promise<void>;
  addEpoch(vaultId: string, epoch: number, key: Uint8Array): Promise<void>;
  keepEpoch(vaultId: string, epoch: number): Promise<void>;
  reset(vaultId: string, state: AnchorState): Promise<void>;
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
  /** Present on the desktop only: the web edition keeps documents in IndexedDB. */
  readonly deviceDocuments: DeviceDocuments | null;
  /**
   * Present on the desktop only. The web edition keeps the epoch key in IndexedDB, whose files
   * may keep old copies: there, deleted cases may be recoverable, and the app says so.
   */
  readonly vaultAnchor: VaultAnchor | null;
  /**
   * Desktop only: calls `listener` when the machine goes to sleep or its screen is locked;
   * returns the function that stops listening. Null where nothing tells the page.
   */
  readonly onLockRequest: ((listener: (reason: string) => void) => () => void) | null;
};

/** A host call that failed: which operation, and the host's reason. */
export class PlatformError extends Error {
  constructor(
    readonly operation: string,
    readonly code: string,
    /** The host's own words, without the operation. */
    readonly reason: string,
  ) {
    super(`${operation}: ${reason}`);
    this.name = 'PlatformError';
  }
}
