/** Buffers a file is read into: a piece's buffer comes back once whoever took the piece is done with it. */
export class BufferPool {
  private readonly free: ArrayBuffer[];
  private readonly waiting: Array<{ resolve: (buffer: ArrayBuffer) => void; reject: (error: Error) => void }> = [];
  private failed: Error | null = null;

  constructor(size: number, count: number) {
    this.free = Array.from({ length: count }, () => new ArrayBuffer(size));
  }

  take(): Promise<ArrayBuffer> {
    if (this.failed) return Promise.reject(this.failed);
    const buffer = this.free.pop();
    return buffer ? Promise.resolve(buffer) : new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  give(buffer: ArrayBuffer): void {
    const waiting = this.waiting.shift();
    if (waiting) waiting.resolve(buffer);
    else this.free.push(buffer);
  }

  /** Whoever waits for a buffer, now or later, gets `error` instead. */
  fail(error: unknown): void {
    const reason = error instanceof Error ? error : new Error(String(error));
    this.failed ??= reason;
    for (const waiting of this.waiting.splice(0)) waiting.reject(reason);
  }
}

/**
 * Pieces of a file a hash may still hold: with four, reading runs ahead of a hashing worker by up
 * to three mebibytes.
 */
export const PIECE_BUFFERS = 4;

/**
 * A file's bytes in pieces of `size` (the last may be shorter; an empty file is one empty piece),
 * read with a BYOB reader into buffers taken from `buffers`, rather than a new buffer per piece:
 * an import of 500 MiB leaves 500 MiB less garbage behind. A piece is valid until its buffer is
 * given back. Where Blob streams do not take BYOB readers, each piece is a new buffer.
 */
export async function* pieces(
  file: Blob,
  size: number,
  buffers: BufferPool,
): AsyncGenerator<Uint8Array, void, undefined> {
  if (file.size === 0) {
    yield new Uint8Array(await buffers.take(), 0, 0);
    return;
  }
  let reader: ReadableStreamBYOBReader;
  try {
    reader = file.stream().getReader({ mode: 'byob' });
  } catch {
    // Copied into the pool's buffers all the same: they bound how far reading runs ahead.
    for (let start = 0; start < file.size; start += size) {
      const bytes = new Uint8Array(await file.slice(start, start + size).arrayBuffer());
      const piece = new Uint8Array(await buffers.take(), 0, bytes.byteLength);
      piece.set(bytes);
      yield piece;
    }
    return;
  }
  try {
    for (;;) {
      // Each read hands the buffer over and gives it back filled: keep the one it gives back.
      let buffer = await buffers.take();
      let filled = 0;
      let ended = false;
      while (filled < size && !ended) {
        const { value, done } = await reader.read(new Uint8Array(buffer, filled, size - filled));
        if (value !== undefined) {
          buffer = value.buffer;
          filled += value.byteLength;
        }
        ended = done;
      }
      if (filled > 0) yield new Uint8Array(buffer, 0, filled);
      if (ended || filled < size) return;
    }
  } finally {
    // Also when the import stops early: the file is not read any further.
    await reader.cancel().catch(() => undefined);
  }
}
