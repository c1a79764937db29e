import { createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SealThread } from '../../../../../electron/main/services/seal-thread';

const CHUNK = 1000;
let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'qorgau-seal-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function shared(bytes: Uint8Array): Uint8Array {
  const view = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  view.set(bytes);
  return view;
}

function chunkParams(count: number) {
  return {
    nonces: Array.from({ length: count }, () => new Uint8Array(randomBytes(12))),
    aads: Array.from({ length: count }, (_, k) => new TextEncoder().encode(`chunk ${k}`)),
  };
}

function open1(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.byteLength - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.byteLength - 16)), decipher.final()]);
}

describe('the sealing thread', () => {
  it('seals each chunk with its own nonce and AAD and writes ciphertext and tag where it is told', async () => {
    const thread = new SealThread();
    const key = new Uint8Array(randomBytes(32));
    const plain = new Uint8Array(randomBytes(2 * CHUNK + 17));
    const file = path.join(folder, 'doc.part');
    const handle = await open(file, 'w+');
    try {
      thread.begin('a', new Uint8Array(key));
      const params = chunkParams(3);
      await thread.seal('a', { bytes: shared(plain), chunkSize: CHUNK, fd: handle.fd, position: 12, ...params });
      thread.end('a');
      const written = await readFile(file);
      expect(written.byteLength).toBe(12 + plain.byteLength + 3 * 16);
      const opened = [0, 1, 2].map((k) => {
        const at = 12 + k * (CHUNK + 16);
        const length = Math.min(CHUNK, plain.byteLength - k * CHUNK) + 16;
        return open1(key, params.nonces[k]!, params.aads[k]!, written.subarray(at, at + length));
      });
      expect(Buffer.concat(opened).equals(Buffer.from(plain))).toBe(true);
      // Not the plaintext, anywhere.
      expect(written.includes(Buffer.from(plain.subarray(0, 64)))).toBe(false);
      // Chunks are bound to their AAD: another chunk's does not open this one.
      expect(() => open1(key, params.nonces[0]!, params.aads[1]!, written.subarray(12, 12 + CHUNK + 16))).toThrow();
    } finally {
      await handle.close();
    }
  });

  it('refuses, before writing, a seal posted after the stream ended, and one of a stream never begun', async () => {
    const thread = new SealThread();
    const file = path.join(folder, 'doc.part');
    const handle = await open(file, 'w+');
    try {
      thread.begin('a', new Uint8Array(randomBytes(32)));
      thread.end('a');
      const request = {
        bytes: shared(new Uint8Array(10)),
        chunkSize: CHUNK,
        fd: handle.fd,
        position: 0,
        ...chunkParams(1),
      };
      await expect(thread.seal('a', request)).rejects.toThrow(/the import was stopped/);
      await expect(thread.seal('never', request)).rejects.toThrow(/the import was stopped/);
      expect((await readFile(file)).byteLength).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it('reports a write that fails, and accepts only shared memory', async () => {
    const thread = new SealThread();
    thread.begin('a', new Uint8Array(randomBytes(32)));
    const params = { chunkSize: CHUNK, position: 0, ...chunkParams(1) };
    // A descriptor that is not open.
    await expect(thread.seal('a', { bytes: shared(new Uint8Array(10)), fd: 2 ** 30, ...params })).rejects.toThrow(
      /EBADF/,
    );
    expect(() => thread.seal('a', { bytes: new Uint8Array(10), fd: 1, ...params })).toThrow(/SharedArrayBuffer/);
    thread.end('a');
  });
});
