import type { Argon2id } from '../../../shared/crypto/kdf';

type Reply = { id: number; hash?: Uint8Array; error?: string };

/**
 * Argon2id in a dedicated Web Worker, started when a key is to be derived and ended as soon as
 * none is waiting: its 64 MiB of memory held the passphrase's derivation, and a worker kept for
 * the session would keep that memory (and a thread) around for nothing.
 */
export function createWorkerArgon2id(): Argon2id {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (hash: Uint8Array) => void; reject: (error: Error) => void }>();

  const start = (): Worker => {
    const created = new Worker(new URL('./argon2-worker.ts', import.meta.url), { type: 'module', name: 'argon2id' });
    created.onmessage = (event: MessageEvent<Reply>) => {
      const waiting = pending.get(event.data.id);
      pending.delete(event.data.id);
      if (pending.size === 0) {
        created.terminate();
        if (worker === created) worker = null;
      }
      if (event.data.hash) waiting?.resolve(event.data.hash);
      else waiting?.reject(new Error(`argon2id: ${event.data.error ?? 'the key derivation failed'}`));
    };
    created.onerror = (event) => {
      for (const waiting of pending.values())
        waiting.reject(new Error(`argon2id: the worker failed (${event.message})`));
      pending.clear();
      worker = null;
    };
    return created;
  };

  return ({ password, salt, cost, hashLength }) =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // The copy is transferred to the worker, so no second copy of the passphrase lingers here.
      const passwordCopy = new Uint8Array(password);
      worker.postMessage({ id, password: passwordCopy, salt: new Uint8Array(salt), cost, hashLength }, [
        passwordCopy.buffer,
      ]);
    });
}
