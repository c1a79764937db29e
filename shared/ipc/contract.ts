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

/** Why the OS keystore cannot protect a key here: none at all, or (Linux) no keyring running. */
export const KEYSTORE_UNAVAILABLE = ['no-keystore', 'no-keyring'] as const;
export type KeystoreUnavailable = (typeof KEYSTORE_UNAVAILABLE)[number];

/** Vault ids are random base64url: nothing else may reach a file name in main. */
const vaultIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const rootKeySchema = z.custom<Uint8Array>(
  (value) => value instanceof Uint8Array && value.byteLength === 32,
  'expected a 32-byte key',
);

/** Case tags and attachment ids are random base64url too: they name the document files. */
const randomIdSchema = vaultIdSchema;
const bytesOf = (length: number) =>
  z.custom<Uint8Array>(
    (value) => value instanceof Uint8Array && value.byteLength === length,
    `expected ${length} bytes`,
  );
/** A stored document: its vault and its row name (see shared/crypto/row-names.ts), which names its file. */
const documentAddress = { vaultId: vaultIdSchema, ref: randomIdSchema };
/** Largest document the desktop app imports: 64 GiB. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 ** 3;
/** Most chunks one `documents:read` returns (they are 1 MiB each). */
export const MAX_CHUNKS_PER_READ = 16;

const epochSchema = z
  .number()
  .int()
  .positive()
  .max(2 ** 40);
const anchorStateSchema = z.object({
  counter: z.number().int().nonnegative(),
  epochs: z.array(z.object({ epoch: epochSchema, key: bytesOf(32) })).max(2),
});

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
    response: z.object({
      available: z.boolean(),
      remembered: z.boolean(),
      reason: z.enum(KEYSTORE_UNAVAILABLE).optional(),
    }),
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
  /**
   * Starts importing a document main reads from disk itself (the path comes from the preload,
   * never from the page), encrypting it with the attachment's key. Key material crosses IPC
   * here: one document's key, held by main until the import ends.
   */
  'documents:importBegin': {
    request: z.object({
      ...documentAddress,
      // Bound into each chunk's nonce and AAD only; never written in the clear.
      caseTag: randomIdSchema,
      attachmentId: randomIdSchema,
      path: z.string().min(1).max(4096),
      expectedSize: z.number().int().nonnegative().max(MAX_DOCUMENT_BYTES),
      key: bytesOf(32),
      noncePrefix: bytesOf(7),
      chunkSize: z
        .number()
        .int()
        .min(1024)
        .max(64 * 1024 * 1024),
    }),
    response: z.object({ importId: z.string().uuid() }),
  },
  /** Imports about `budget` more bytes; how many are done. */
  'documents:importStep': {
    request: z.object({
      importId: z.string().uuid(),
      budget: z
        .number()
        .int()
        .positive()
        .max(1024 * 1024 * 1024),
    }),
    response: z.object({ done: z.number().int().nonnegative() }),
  },
  /** Checks the whole file was read and puts the document in place. */
  'documents:importFinish': {
    request: z.object({ importId: z.string().uuid() }),
    response: z.object({
      size: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      chunkCount: z.number().int().positive(),
    }),
  },
  /** Stops an import and removes what it wrote. */
  'documents:importAbort': {
    request: z.object({ importId: z.string().uuid() }),
    response: z.object({ aborted: z.boolean() }),
  },
  /** Chunks of a stored document, still encrypted; null when it is not stored on this device. */
  'documents:read': {
    request: z.object({
      ...documentAddress,
      from: z.number().int().nonnegative(),
      count: z.number().int().positive().max(MAX_CHUNKS_PER_READ),
    }),
    response: z.object({ chunks: z.array(z.custom<Uint8Array>((value) => value instanceof Uint8Array)).nullable() }),
  },
  /**
   * The documents of a vault stored on this device (for a backup), by row name; and the ids of
   * those still stored under the names used before row names (`<caseTag>.<attachmentId>.qdoc`),
   * for the page to move them (`documents:adopt`).
   */
  'documents:list': {
    request: z.object({ vaultId: vaultIdSchema }),
    response: z.object({
      documents: z.array(z.object({ ref: z.string(), chunkCount: z.number().int().positive() })),
      legacy: z.array(z.string()),
    }),
  },
  /** Moves documents stored under their old names to their row names, padding each (once). */
  'documents:adopt': {
    request: z.object({
      vaultId: vaultIdSchema,
      names: z.array(z.object({ attachmentId: randomIdSchema, ref: randomIdSchema })).max(1_000_000),
    }),
    response: z.object({ adopted: z.number().int().nonnegative() }),
  },
  /** Deletes documents (of deleted cases, or deleted one by one), by row name. */
  'documents:remove': {
    request: z.object({ vaultId: vaultIdSchema, refs: z.array(randomIdSchema).max(1_000_000) }),
    response: z.object({ removed: z.number().int().nonnegative() }),
  },
  /** Deletes every document no case refers to: `live` is the row name of every document the vault holds. */
  'documents:sweep': {
    request: z.object({ vaultId: vaultIdSchema, live: z.array(randomIdSchema).max(1_000_000) }),
    response: z.object({ removed: z.number().int().nonnegative() }),
  },
  /**
   * The vault anchor (see electron/main/services/vault-anchor.ts): the current key epoch's key
   * and the last write counter, kept by main in a file it overwrites in place. Key material
   * crosses IPC here.
   */
  'anchor:read': {
    request: z.object({ vaultId: vaultIdSchema }),
    response: z.object({ anchor: anchorStateSchema.nullable() }),
  },
  /** Records the counter of a stored write; main never lowers it. */
  'anchor:raiseCounter': {
    request: z.object({ vaultId: vaultIdSchema, counter: z.number().int().nonnegative() }),
    response: z.object({ done: z.literal(true) }),
  },
  /** Keeps the key of the epoch the vault is about to move to, beside the current one. */
  'anchor:addEpoch': {
    request: z.object({ vaultId: vaultIdSchema, epoch: epochSchema, key: bytesOf(32) }),
    response: z.object({ done: z.literal(true) }),
  },
  /** Destroys every epoch key but this one's (the vault moved to it, or never left it). */
  'anchor:keepEpoch': {
    request: z.object({ vaultId: vaultIdSchema, epoch: epochSchema }),
    response: z.object({ done: z.literal(true) }),
  },
  /** Starts a vault's anchor afresh: a vault restored from a backup. */
  'anchor:reset': {
    request: z.object({ vaultId: vaultIdSchema, anchor: anchorStateSchema }),
    response: z.object({ done: z.literal(true) }),
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
/** What the page asks main to import: everything but the path, which the preload finds. */
export type DocumentImportRequest = Omit<IpcRequest<'documents:importBegin'>, 'path'>;
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
  readonly documents: {
    /**
     * Starts a native import of a file the user gave; null when the file is not on disk (built
     * in memory), and the page must encrypt it itself. The path never reaches the page.
     */
    importBegin(
      file: File,
      request: DocumentImportRequest,
    ): Promise<IpcResult<IpcResponse<'documents:importBegin'>> | null>;
    importStep(importId: string, budget: number): Promise<IpcResult<IpcResponse<'documents:importStep'>>>;
    importFinish(importId: string): Promise<IpcResult<IpcResponse<'documents:importFinish'>>>;
    importAbort(importId: string): Promise<IpcResult<IpcResponse<'documents:importAbort'>>>;
    read(request: IpcRequest<'documents:read'>): Promise<IpcResult<IpcResponse<'documents:read'>>>;
    list(vaultId: string): Promise<IpcResult<IpcResponse<'documents:list'>>>;
    adopt(request: IpcRequest<'documents:adopt'>): Promise<IpcResult<IpcResponse<'documents:adopt'>>>;
    remove(request: IpcRequest<'documents:remove'>): Promise<IpcResult<IpcResponse<'documents:remove'>>>;
    sweep(vaultId: string, live: string[]): Promise<IpcResult<IpcResponse<'documents:sweep'>>>;
  };
  /** Main asks the page to lock (see `LOCK_CHANNEL`); returns the function that stops listening. */
  readonly power: { onLock(listener: (reason: (typeof LOCK_REASONS)[number]) => void): () => void };
  readonly anchor: {
    read(vaultId: string): Promise<IpcResult<IpcResponse<'anchor:read'>>>;
    raiseCounter(vaultId: string, counter: number): Promise<IpcResult<IpcResponse<'anchor:raiseCounter'>>>;
    addEpoch(vaultId: string, epoch: number, key: Uint8Array): Promise<IpcResult<IpcResponse<'anchor:addEpoch'>>>;
    keepEpoch(vaultId: string, epoch: number): Promise<IpcResult<IpcResponse<'anchor:keepEpoch'>>>;
    reset(vaultId: string, anchor: AnchorStateWire): Promise<IpcResult<IpcResponse<'anchor:reset'>>>;
  };
};

/**
 * The one event main sends the page: lock the vault now (the computer is going to sleep, or its
 * screen was locked). It carries the reason only.
 */
export const LOCK_CHANNEL = 'vault:lock';
export const LOCK_REASONS = ['suspend', 'lock-screen'] as const;

/** A vault anchor as it crosses IPC. */
export type AnchorStateWire = z.infer<typeof anchorStateSchema>;
