import { WorkerThread } from './worker-thread';

/**
 * AES-256-GCM per chunk, from shared memory straight into the document's file: one key per
 * stream, held from `begin` to `end` and zeroed then. A block's chunks are written where the
 * caller says, ciphertext then tag, with as few system calls as the kernel allows.
 */
const THREAD_SOURCE = `
const { createCipheriv } = require('node:crypto');
const { writevSync, writeSync } = require('node:fs');
const keys = new Map();
function writeAll(fd, buffers, position) {
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  let written = writevSync(fd, buffers, position);
  if (written === total) return;
  const rest = Buffer.concat(buffers).subarray(written);
  while (written < total) written += writeSync(fd, rest, written - (total - rest.byteLength), total - written, position + written);
}
serve((m) => {
  if (m.op === 'begin') {
    keys.set(m.stream, Buffer.from(m.key));
    return void m.key.fill(0);
  }
  if (m.op === 'end') {
    keys.get(m.stream)?.fill(0);
    return void keys.delete(m.stream);
  }
  const key = keys.get(m.stream);
  if (key === undefined) throw new Error('the import was stopped');
  const out = [];
  for (let k = 0; k < m.nonces.length; k += 1) {
    const cipher = createCipheriv('aes-256-gcm', key, m.nonces[k]);
    cipher.setAAD(m.aads[k]);
    const from = k * m.chunkSize;
    const length = Math.min(m.chunkSize, m.length - from);
    out.push(cipher.update(new Uint8Array(m.buffer, m.offset + from, length)), cipher.final(), cipher.getAuthTag());
  }
  writeAll(m.fd, out, m.position);
});
`;

/** A block of a document to seal: its plain bytes, and each chunk's nonce and AAD. */
export type SealRequest = {
  /** A view of a SharedArrayBuffer, read in place: not to be refilled until the seal resolves. */
  readonly bytes: Uint8Array;
  readonly chunkSize: number;
  readonly nonces: readonly Uint8Array[];
  readonly aads: readonly Uint8Array[];
  /** The open file the sealed chunks go into, and where. */
  readonly fd: number;
  readonly position: number;
};

/**
 * Seals and writes a document's chunks on a thread of its own, so neither the cipher's work nor
 * its fresh output buffers (garbage main would collect) fall on main's event loop. Main computes
 * each chunk's nonce and AAD (shared/crypto/attachment-chunks.ts, as the renderer does) and sends
 * them with the block; the thread knows only AES-GCM.
 *
 * A stream's seals run in the order posted. Once `end` is posted, every later seal of the stream
 * is refused before it writes: the caller may close the file once the seals posted before have
 * settled.
 */
export class SealThread extends WorkerThread {
  constructor() {
    super(THREAD_SOURCE, 'the sealing thread');
  }

  /**
   * Gives the thread the stream's key. The message carries a copy, made as it is posted and zeroed
   * by the thread once it has its own; the caller zeroes the key it passed.
   */
  begin(stream: string, key: Uint8Array): void {
    void this.call({ op: 'begin', stream, key }).catch(() => undefined);
  }

  seal(stream: string, request: SealRequest): Promise<void> {
    const { bytes, ...rest } = request;
    if (!(bytes.buffer instanceof SharedArrayBuffer))
      throw new TypeError('SealThread.seal: the bytes must be a view of a SharedArrayBuffer');
    return this.call({
      op: 'seal',
      stream,
      buffer: bytes.buffer,
      offset: bytes.byteOffset,
      length: bytes.byteLength,
      ...rest,
    }).then(() => undefined);
  }

  /** Zeroes and forgets the stream's key: later seals of it are refused. */
  end(stream: string): void {
    this.post({ op: 'end', stream });
  }
}
