import { describe, expect, it } from 'vitest';
import { frameContentSize, isZstdFrame, zstdPack, zstdReady, zstdUnpack } from '../../../../shared/vault-format/zstd';

const MAX = 1 << 24;

/** Text that compresses like a case: Cyrillic, Kazakh and Latin words, repeated with variation. */
function text(bytes: number): Uint8Array {
  const words = ['Бажкенова', 'Әділет', 'соты', 'defamation', 'Орда', 'іс', 'заседание', '2026'];
  const out: string[] = [];
  for (let i = 0, length = 0; length < bytes; i += 1) {
    const word = words[(i * 7) % words.length]! + String(i % 97);
    out.push(word);
    length += word.length + 1;
  }
  return new TextEncoder().encode(out.join(' ')).subarray(0, bytes);
}

describe('zstd frames', () => {
  it('round-trips sizes of every header field width, and states each size in the frame', async () => {
    await zstdReady();
    for (const size of [0, 1, 255, 256, 300, 65_791, 70_000, 1_500_000]) {
      const plain = text(size);
      const frame = zstdPack(plain);
      expect(isZstdFrame(frame)).toBe(true);
      expect(frameContentSize(frame)).toBe(plain.byteLength);
      expect(zstdUnpack(frame, MAX, plain.byteLength)).toEqual(plain);
    }
    // Case text shrinks: the reason pages are compressed at all.
    expect(zstdPack(text(100_000)).byteLength).toBeLessThan(30_000);
  });

  it('refuses a frame stating an absurd or unexpected size before unpacking it, and a frame cut short', async () => {
    await zstdReady();
    const plain = text(70_000);
    const frame = zstdPack(plain);
    expect(() => zstdUnpack(frame, 60_000)).toThrow(/unexpected size/);
    expect(() => zstdUnpack(frame, MAX, 69_999)).toThrow(/unexpected size/);
    // A crafted header: single segment, eight-byte size field claiming 4 GiB.
    const crafted = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0xe0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(frameContentSize(crafted)).toBe(2 ** 32);
    expect(() => zstdUnpack(crafted, MAX)).toThrow(/unexpected size/);
    // No size field at all (flag 0, not single segment): refused, not unpacked into a guessed buffer.
    expect(frameContentSize(new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x50]))).toBeNull();
    for (const length of [3, 6, 40, frame.byteLength - 1])
      expect(() => zstdUnpack(frame.subarray(0, length), MAX)).toThrow();
    // A deflated format-4 payload opens with its length, never with the magic number.
    expect(isZstdFrame(new Uint8Array([0x10, 0x27, 0, 0, 0x55]))).toBe(false);
  });
});
