import { z } from 'zod';

/**
 * The one IPC contract between the renderer (through the preload) and Electron main.
 *
 * Every channel names its request and response schema. Main validates each request at runtime
 * before a handler sees it (`electron/main/ipc/handle.ts`); the preload exposes exactly these
 * channels as `window.api` and nothing else. Add a channel here first, then its handler and its
 * preload method; the types make a missing piece a compile error.
 */

/** Largest file the renderer may ask main to write in one call. */
export const MAX_SAVE_BYTES = 1024 * 1024 * 1024;

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(10),
});

/** Vault ids are random base64url: nothing else may reach a file name in main. */
const vaultIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const rootKeySchema = z.custom<Uint8Array>(
  (value) => value instanceof Uint8Array && value.byteLength === 32,
  'expected a 32-byte key',
);

export const ipcContract = {
  /** Renderer start-up asks which build and platform it runs on. */
  'app:info': {
    request: z.null(),
    response: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.enum(['darwin', 'win32', 'linux', 'other']),
      packaged: z.boolean(),
    }),
  },
  /**
   * Save bytes the user asked to export (a DOCX, a backup) through the native save dialog.
   * The suggested name is made safe by main; the bytes are written atomically.
   */
  'files:saveAs': {
    request: z.object({
      suggestedName: z.string().min(1).max(255),
      bytes: z
        .custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes')
        .refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'file too large'),
      filters: z.array(fileFilter).max(5).optional(),
    }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), path: z.string() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  /** Open an http(s) or mailto link in the system browser; anything else is refused. */
  'shell:openExternal': {
    request: z.object({ url: z.string().max(2048) }),
    response: z.object({ opened: z.boolean() }),
  },
  /** A desktop notification (a deadline reminder). The renderer never gets the permission itself. */
  'notify:show': {
    request: z.object({ title: z.string().min(1).max(200), body: z.string().max(1000) }),
    response: z.object({ shown: z.boolean() }),
  },
  /**
   * Opt-in "remember on this device": whether the OS keystore (Electron safeStorage) can protect
   * a vault key here. On Linux without a keyring it cannot, and says why.
   */
  'keystore:status': {
    request: z.object({ vaultId: vaultIdSchema.nullable() }),
    response: z.object({ available: z.boolean(), remembered: z.boolean(), reason: z.string().optional() }),
  },
  /** Stores a vault's root key sealed by the OS keystore. Key material crosses IPC here, once. */
  'keystore:remember': {
    request: z.object({ vaultId: vaultIdSchema, rootKey: rootKeySchema }),
    response: z.object({ remembered: z.literal(true) }),
  },
  /** The remembered root key of a vault, or null. Key material crosses IPC here. */
  'keystore:recall': {
    request: z.object({ vaultId: vaultIdSchema }),
    response: z.object({ rootKey: rootKeySchema.nullable() }),
  },
  /** Forgets a remembered key (the setting turned off, or a vault that no longer opens with it). */
  'keystore:forget': {
    request: z.object({ vaultId: vaultIdSchema }),
    response: z.object({ forgotten: z.boolean() }),
  },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcRequest<C extends IpcChannel> = z.infer<IpcContract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<IpcContract[C]['response']>;

export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];

/** Why an IPC call failed, as the renderer sees it. Never carries stack traces or key material. */
export type IpcErrorCode = 'forbidden-sender' | 'invalid-request' | 'handler-failed';

/** What every channel resolves to on the renderer side: handlers never throw across IPC. */
export type IpcResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly code: IpcErrorCode; readonly message: string } };

export type AppInfo = IpcResponse<'app:info'>;
export type SaveResult = IpcResponse<'files:saveAs'>;

/**
 * The shape of `window.api`, exposed by the preload. Namespaces mirror the channel prefixes.
 * Who calls it: only `renderer/src/platform/desktop-host.ts`.
 */
export type DesktopApi = {
  readonly app: { info(): Promise<IpcResult<AppInfo>> };
  readonly files: { saveAs(request: IpcRequest<'files:saveAs'>): Promise<IpcResult<SaveResult>> };
  readonly shell: { openExternal(url: string): Promise<IpcResult<IpcResponse<'shell:openExternal'>>> };
  readonly notify: { show(title: string, body: string): Promise<IpcResult<IpcResponse<'notify:show'>>> };
  readonly keystore: {
    status(vaultId: string | null): Promise<IpcResult<IpcResponse<'keystore:status'>>>;
    remember(vaultId: string, rootKey: Uint8Array): Promise<IpcResult<IpcResponse<'keystore:remember'>>>;
    recall(vaultId: string): Promise<IpcResult<IpcResponse<'keystore:recall'>>>;
    forget(vaultId: string): Promise<IpcResult<IpcResponse<'keystore:forget'>>>;
  };
};
