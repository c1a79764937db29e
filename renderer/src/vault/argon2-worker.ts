/// <reference lib="webworker" />
import { argon2idHashWasm } from '../../../shared/crypto/argon2';
import type { KdfCost } from '../../../shared/crypto/kdf';

/**
 * Runs Argon2id off the UI thread: 64 MiB and three passes take long enough to freeze the
 * window otherwise. The passphrase bytes arrive transferred and are zeroed after use; nothing
 * here is logged.
 */
type Request = { id: number; password: Uint8Array; salt: Uint8Array; cost: KdfCost; hashLength: number };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<Request>) => {
  const { id, password, salt, cost, hashLength } = event.data;
  argon2idHashWasm({ password, salt, cost, hashLength })
    .then((hash) => scope.postMessage({ id, hash }, [hash.buffer]))
    .catch((error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }))
    .finally(() => password.fill(0));
};
