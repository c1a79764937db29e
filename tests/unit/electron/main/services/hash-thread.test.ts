import { createHash, randomBytes } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { HashThread } from '../../../../../electron/main/services/hash-thread';

function shared(bytes: Uint8Array): Uint8Array {
  const view = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  view.set(bytes);
  return view;
}

describe('the hashing thread', () => {
  it('gives the SHA-256 of each stream’s updates in order, streams apart, and of an empty stream', async () => {
    const thread = new HashThread();
    const parts = [randomBytes(100_000), randomBytes(1), randomBytes(4 * 1024 * 1024)];
    const other = randomBytes(5000);
    await Promise.all([...parts.map((part) => thread.update('a', shared(part))), thread.update('b', shared(other))]);
    expect(await thread.digest('a')).toBe(createHash('sha256').update(Buffer.concat(parts)).digest('hex'));
    expect(await thread.digest('b')).toBe(createHash('sha256').update(other).digest('hex'));
    expect(await thread.digest('empty')).toBe(createHash('sha256').digest('hex'));
  });

  it('refuses a digest when the thread stopped after some of the stream’s updates, rather than give a wrong one', async () => {
    const thread = new HashThread();
    await thread.update('a', shared(randomBytes(1000)));
    await (thread as unknown as { worker: Worker }).worker.terminate();
    await expect(thread.digest('a')).rejects.toThrow(/stopped during the import/);
    // A new stream on the thread that takes over is whole again.
    await thread.update('b', shared(Buffer.from('still fine')));
    expect(await thread.digest('b')).toBe(createHash('sha256').update('still fine').digest('hex'));
  });

  it('accepts only shared memory, which it reads in place', () => {
    expect(() => new HashThread().update('a', new Uint8Array(4))).toThrow(/SharedArrayBuffer/);
  });
});
