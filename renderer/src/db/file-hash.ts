import { createSHA256, type IHasher } from 'hash-wasm';

/**
 * The SHA-256 of a file read piece by piece, as `sha256sum` prints it: what a lawyer compares
 * against the original to show the stored document is the one received.
 *
 * In WebAssembly SHA-256 runs at about 350 MB/s, slower than reading, encrypting and writing
 * the same bytes, so for large files the app hashes on another thread (`workerFileHasher`) while
 * the import reads, encrypts and writes on this one.
 */
export type FileHash = {
  /**
   * Hashes the piece (after the one before). Resolves with the piece's buffer once it is hashed,
   * for the next piece to be read into: a hasher on another thread takes the buffer while it works.
   */
  update(piece: Uint8Array): Promise<ArrayBuffer>;
  /** The lowercase hex digest of every piece given, in order. */
  digest(): Promise<string>;
  /** Stops and forgets the hash (an import cancelled or failed); pending updates are rejected. */
  close(): void;
};

/** Starts the hash of a file of `size` bytes. */
export type FileHasher = (size: number) => Promise<FileHash>;

/** hash-wasm on this thread. */
export const inlineFileHasher: FileHasher = async () => {
  const hasher = await createSHA256();
  hasher.init();
  return {
    update: (piece) => {
      hasher.update(piece);
      return Promise.resolve(piece.buffer as ArrayBuffer);
    },
    digest: () => Promise.resolve(hasher.digest('hex')),
    close: () => undefined,
  };
};

/** Below this size a file is hashed on this thread: a few milliseconds, less than a worker round trip. */
export const WORKER_HASH_FROM = 8 * 1024 * 1024;

/**
 * Hashes files of `WORKER_HASH_FROM` bytes or more in one worker, started on first use and kept
 * for the session; each piece's buffer is transferred there and back, never copied. If the worker
 * fails, the hashes it was computing fail with it (their imports stop and clean up).
 */
export function workerFileHasher(startWorker: () => Worker): FileHasher {
  let worker: Worker | null = null;
  let nextSession = 0;
  const sessions = new Map<number, Session>();

  type Session = {
    /** One per update sent, answered in order. */
    readonly hashed: Array<Waiting<ArrayBuffer>>;
    digest: Waiting<string> | null;
  };
  type Waiting<T> = { resolve: (value: T) => void; reject: (error: Error) => void };

  const failAll = (message: string) => {
    for (const session of sessions.values()) fail(session, new Error(`SHA-256: ${message}`));
    sessions.clear();
  };
  const fail = (session: Session, error: Error) => {
    for (const waiting of session.hashed.splice(0)) waiting.reject(error);
    session.digest?.reject(error);
    session.digest = null;
  };

  const start = (): Worker => {
    const created = startWorker();
    created.onmessage = (event: MessageEvent<FileHashReply>) => {
      const reply = event.data;
      const session = sessions.get(reply.session);
      if (session === undefined) return;
      if (reply.type === 'hashed') session.hashed.shift()?.resolve(reply.buffer);
      else if (reply.type === 'digest') {
        sessions.delete(reply.session);
        session.digest?.resolve(reply.hex);
      } else {
        sessions.delete(reply.session);
        fail(session, new Error(`SHA-256: ${reply.message}`));
      }
    };
    created.onerror = (event) => {
      event.preventDefault();
      failAll(`the hashing worker failed (${event.message})`);
      created.terminate();
      worker = null;
    };
    return created;
  };

  return async (size) => {
    if (size < WORKER_HASH_FROM) return inlineFileHasher(size);
    worker ??= start();
    const running = worker;
    const id = nextSession++;
    const session: Session = { hashed: [], digest: null };
    sessions.set(id, session);
    const post = (message: FileHashRequest, transfer: Transferable[] = []) => running.postMessage(message, transfer);
    post({ type: 'start', session: id });
    return {
      update: (piece) =>
        new Promise((resolve, reject) => {
          if (!sessions.has(id)) {
            reject(new Error('SHA-256: this hash was closed'));
            return;
          }
          session.hashed.push({ resolve, reject });
          const buffer = piece.buffer as ArrayBuffer;
          post({ type: 'update', session: id, buffer, offset: piece.byteOffset, length: piece.byteLength }, [buffer]);
        }),
      digest: () =>
        new Promise((resolve, reject) => {
          if (!sessions.has(id)) {
            reject(new Error('SHA-256: this hash was closed'));
            return;
          }
          session.digest = { resolve, reject };
          post({ type: 'digest', session: id });
        }),
      close: () => {
        if (!sessions.delete(id)) return;
        fail(session, new Error('SHA-256: this hash was closed'));
        post({ type: 'close', session: id });
      },
    };
  };
}

export type FileHashRequest =
  | { readonly type: 'start'; readonly session: number }
  | {
      readonly type: 'update';
      readonly session: number;
      readonly buffer: ArrayBuffer;
      readonly offset: number;
      readonly length: number;
    }
  | { readonly type: 'digest'; readonly session: number }
  | { readonly type: 'close'; readonly session: number };

export type FileHashReply =
  | { readonly type: 'hashed'; readonly session: number; readonly buffer: ArrayBuffer }
  | { readonly type: 'digest'; readonly session: number; readonly hex: string }
  | { readonly type: 'failed'; readonly session: number; readonly message: string };

/**
 * The hashing worker's side (file-hash-worker.ts wires it to the worker's messages): one message
 * at a time, in order, so a hash is ready before its first piece and pieces are hashed in order.
 * Pieces go back through `reply` transferred once hashed; nothing is kept of them.
 */
export function fileHashWorkerHandler(
  reply: (message: FileHashReply, transfer: Transferable[]) => void,
): (message: FileHashRequest) => void {
  const hashers = new Map<number, IHasher>();
  const handle = async (message: FileHashRequest): Promise<void> => {
    switch (message.type) {
      case 'start': {
        const hasher = await createSHA256();
        hasher.init();
        hashers.set(message.session, hasher);
        break;
      }
      case 'update': {
        const hasher = hashers.get(message.session);
        if (hasher === undefined) throw new Error('a piece arrived for a hash that was not started');
        hasher.update(new Uint8Array(message.buffer, message.offset, message.length));
        reply({ type: 'hashed', session: message.session, buffer: message.buffer }, [message.buffer]);
        break;
      }
      case 'digest': {
        const hasher = hashers.get(message.session);
        hashers.delete(message.session);
        if (hasher === undefined) throw new Error('a digest was asked of a hash that was not started');
        reply({ type: 'digest', session: message.session, hex: hasher.digest('hex') }, []);
        break;
      }
      case 'close':
        hashers.delete(message.session);
        break;
    }
  };
  let queue = Promise.resolve();
  return (message) => {
    queue = queue.then(() =>
      handle(message).catch((error: unknown) => {
        hashers.delete(message.session);
        const text = error instanceof Error ? error.message : String(error);
        reply({ type: 'failed', session: message.session, message: text }, []);
      }),
    );
  };
}
