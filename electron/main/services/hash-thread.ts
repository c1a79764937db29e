import { WorkerThread } from './worker-thread';

/** One SHA-256 per stream, updated from shared memory in the order the updates were posted. */
const THREAD_SOURCE = `
const { createHash } = require('node:crypto');
const streams = new Map();
serve((m) => {
  if (m.op === 'drop') return void streams.delete(m.stream);
  let hash = streams.get(m.stream);
  if (hash === undefined) streams.set(m.stream, (hash = createHash('sha256')));
  if (m.op === 'update') return void hash.update(new Uint8Array(m.buffer, m.offset, m.length));
  streams.delete(m.stream);
  return hash.digest('hex');
});
`;

/**
 * SHA-256 on a thread of its own, beside the sealing thread: the two are the CPU an import costs.
 * Updates are views of a SharedArrayBuffer, read in place; the caller must not refill one until
 * its update has resolved.
 */
export class HashThread extends WorkerThread {
  /** The thread each stream was first updated on. */
  private readonly streams = new Map<string, number>();

  constructor() {
    super(THREAD_SOURCE, 'the hashing thread');
  }

  update(stream: string, bytes: Uint8Array): Promise<void> {
    if (!(bytes.buffer instanceof SharedArrayBuffer))
      throw new TypeError('HashThread.update: the bytes must be a view of a SharedArrayBuffer');
    if (!this.streams.has(stream)) this.streams.set(stream, this.generation);
    return this.call({
      op: 'update',
      stream,
      buffer: bytes.buffer,
      offset: bytes.byteOffset,
      length: bytes.byteLength,
    }).then(() => undefined);
  }

  /** The lowercase hex digest of every update of the stream, in order; the stream ends. */
  async digest(stream: string): Promise<string> {
    const begun = this.streams.get(stream);
    this.streams.delete(stream);
    // Never the digest of what is left of a stream whose earlier updates died with a thread.
    if (begun !== undefined && begun !== this.generation)
      throw new Error('the hashing thread stopped during the import');
    const hex = await this.call({ op: 'digest', stream });
    if (typeof hex !== 'string') throw new Error('the hashing thread gave no digest');
    return hex;
  }

  /** Forgets a stream without a digest (an import that stopped). */
  drop(stream: string): void {
    this.streams.delete(stream);
    this.post({ op: 'drop', stream });
  }
}
