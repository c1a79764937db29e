import { argon2id } from 'hash-wasm';
import type { Argon2id } from './kdf';

/**
 * Argon2id through hash-wasm (WebAssembly; the CSP allows it with 'wasm-unsafe-eval'). Called on
 * the UI thread only by Node code and tests; the renderer runs it in a Web Worker.
 */
export const argon2idHashWasm: Argon2id = ({ password, salt, cost, hashLength }) =>
  argon2id({
    password,
    salt,
    iterations: cost.iterations,
    parallelism: cost.parallelism,
    memorySize: cost.memoryKiB,
    hashLength,
    outputType: 'binary',
  });
