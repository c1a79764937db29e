import { compress, decompress, init } from '@bokuweb/zstd-wasm';

/**
 * Zstandard, through the reference C library compiled to WebAssembly (@bokuweb/zstd-wasm), for
 * the vault's pages and search pages (format 5, see vault-rows.ts).
 *
 * Chosen by measurement over fflate's deflate, on the bench's 10,000 cases (81 MB of JSON as
 * UTF-8, in pages of about 300 KB, Node 20): zstd at level 1 packs them into 10.2 MB instead of
 * 12.6 MB, unpacks them in about 90 ms instead of 300 ms, and packs them in 350 ms instead of
 * 1,000 ms. Unpacking is much of what reading a whole vault costs; packing is part of every save.
 * LZ4 (lz4-wasm) unpacks a little faster but packs a third larger (16.7 MB); @hpcc-js/wasm-zstd,
 * which embeds its module, unpacked 50 times slower.
 *
 * The module starts once per thread (`zstdReady`); packing or unpacking before it has started is
 * a programming error and throws.
 */

/** Where the WebAssembly module is, for a page that was not built by Vite (the bench); else the package's own. */
let moduleLocation: string | undefined;
let started: Promise<void> | undefined;
let running = false;

/** Must be called before the first `zstdReady()`, by a bundle that does not carry the module itself. */
export function zstdModuleAt(location: string): void {
  if (started !== undefined) throw new Error('zstd: the module has already started');
  moduleLocation = location;
}

/**
 * Starts the module (once). The library logs rather than rejects when the module cannot be
 * compiled, so a start that has not finished in `START_TIMEOUT_MS` is reported as a failure
 * instead of leaving the vault waiting for ever.
 */
export function zstdReady(): Promise<void> {
  started ??= new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('zstd: the decompressor (WebAssembly) did not start; the vault cannot be read')),
      START_TIMEOUT_MS,
    );
    startModule(moduleLocation).then(
      () => {
        clearTimeout(timer);
        running = true;
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
  return started;
}

const START_TIMEOUT_MS = 20_000;

/** The package's start: it takes the module's location in browsers and finds it itself in Node. */
const startModule: (location?: string) => Promise<void> = init;

/** The first four bytes of every Zstandard frame (RFC 8878, 3.1.1). */
const MAGIC = [0x28, 0xb5, 0x2f, 0xfd] as const;

export function isZstdFrame(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 4 && MAGIC.every((byte, i) => bytes[i] === byte);
}

/** One Zstandard frame holding `plain`, its size written in the frame header. */
export function zstdPack(plain: Uint8Array): Uint8Array {
  requireRunning();
  return compress(plain, LEVEL);
}

/** Level 1: as small as deflate's best here, and packing is part of every save. */
const LEVEL = 1;

/**
 * The bytes of one frame, which must state its content size, at most `maxSize` (and exactly
 * `expectedSize` when given). The size is read from the header first: the library allocates what
 * the header states, so an absurd size (a crafted backup) must be refused before it gets there.
 * Throws a RangeError on anything else.
 */
export function zstdUnpack(frame: Uint8Array, maxSize: number, expectedSize?: number): Uint8Array {
  requireRunning();
  const size = frameContentSize(frame);
  if (size === null) throw new RangeError('zstd: the frame does not state its size');
  if (size > maxSize || (expectedSize !== undefined && size !== expectedSize))
    throw new RangeError('zstd: the frame states an unexpected size');
  const plain = decompress(frame);
  if (plain.byteLength !== size) throw new RangeError('zstd: the frame did not unpack to its stated size');
  return plain;
}

function requireRunning(): void {
  if (!running) throw new Error('zstd: used before zstdReady() finished');
}

/** The Frame_Content_Size of a frame's header (RFC 8878, 3.1.1.1), or null if it has none or is not a frame. */
export function frameContentSize(frame: Uint8Array): number | null {
  if (!isZstdFrame(frame) || frame.byteLength < 5) return null;
  const descriptor = frame[4]!;
  const sizeFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 3]!;
  const sizeBytes = sizeFlag === 0 ? singleSegment : 2 ** sizeFlag;
  if (sizeBytes === 0) return null;
  const at = 5 + (singleSegment ? 0 : 1) + dictionaryBytes;
  if (at + sizeBytes > frame.byteLength) return null;
  let size = 0;
  for (let i = sizeBytes - 1; i >= 0; i -= 1) size = size * 256 + frame[at + i]!;
  return sizeBytes === 2 ? size + 256 : size;
}
