/**
 * The recovery key as a person reads and types it: 32 random bytes in Crockford base32, in
 * groups of four ("7G2K-…"), with the look-alike letters I, L and O read as 1, 1 and 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 32;

export function formatRecoveryKey(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(value >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

/** The key's bytes, or null when the text cannot be a recovery key (or a code of `byteLength` bytes). */
export function parseRecoveryKey(text: string, byteLength = KEY_BYTES): Uint8Array | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (clean.length !== Math.ceil((byteLength * 8) / 5)) return null;
  const out = new Uint8Array(byteLength);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of clean) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      if (index < byteLength) out[index++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** One group of a key as typed, in the key's own letters (look-alikes read as the key reads them). */
export function canonicalGroup(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}
