import { z } from 'zod';
import { KdfPolicyError } from './errors';

/** Argon2id parameters as stored in the vault header. */
export const kdfParamsSchema = z.object({
  algorithm: z.literal('argon2id'),
  memoryKiB: z.number().int(),
  iterations: z.number().int(),
  parallelism: z.number().int(),
  salt: z.string().min(16).max(64),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

/** The default and the floor: 64 MiB, 3 passes, 1 lane (RFC 9106's second recommended option). */
export const DEFAULT_KDF_COST: KdfCost = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };

/** Above these a header is absurd (or an attempt to hang the app), and refused. */
const KDF_CEILING: KdfCost = { memoryKiB: 2 * 1024 * 1024, iterations: 32, parallelism: 8 };

/**
 * Lowered floor for unit tests only, so a suite can open many vaults quickly. Lint refuses any
 * identifier starting with `dangerousTestOnly` outside tests/.
 */
export const dangerousTestOnlyKdfFloor: KdfCost = { memoryKiB: 256, iterations: 1, parallelism: 1 };

/**
 * Refuses parameters below `floor` or above the ceiling before any derivation runs: a header
 * whose cost was lowered is an attack on the passphrase, never a reason to derive weaker keys.
 */
export function assertKdfPolicy(params: KdfCost, floor: KdfCost = DEFAULT_KDF_COST): void {
  if (params.memoryKiB < floor.memoryKiB) {
    throw new KdfPolicyError(`${params.memoryKiB} KiB of Argon2id memory, below the minimum of ${floor.memoryKiB} KiB`);
  }
  if (params.iterations < floor.iterations) {
    throw new KdfPolicyError(`${params.iterations} Argon2id passes, below the minimum of ${floor.iterations}`);
  }
  if (params.parallelism < floor.parallelism) {
    throw new KdfPolicyError(`${params.parallelism} Argon2id lanes, below the minimum of ${floor.parallelism}`);
  }
  if (
    params.memoryKiB > KDF_CEILING.memoryKiB ||
    params.iterations > KDF_CEILING.iterations ||
    params.parallelism > KDF_CEILING.parallelism
  ) {
    throw new KdfPolicyError('Argon2id costs above any sane setting');
  }
}

/** The Argon2id function, injected: a Web Worker in the renderer, hash-wasm directly in Node. */
export type Argon2id = (input: {
  readonly password: Uint8Array;
  readonly salt: Uint8Array;
  readonly cost: KdfCost;
  readonly hashLength: number;
}) => Promise<Uint8Array>;
